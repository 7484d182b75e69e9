import type { Entity, RecordedCheck } from './context.ts';
import type { ProgramResult } from './evaluate.ts';
import type { LeadingFold } from './fold.ts';
import type { ProgramDefinition } from './program.ts';

/**
 * A program's result over the whole population, kept as the result over the households still in play (the
 * part) and the state its leading checks left every other entity in. A city run narrows almost every
 * program to a few thousand entities: writing three or four arrays of millions per program costs more than
 * the program (each new page is faulted in). The full arrays are made when first read, the totals are
 * counted over the part alone (every entity outside it is not eligible).
 */
export interface PartResults {
  /** Index in the whole population of each entity of the part (ascending). */
  index: Int32Array;
  eligible: Uint8Array;
  amountNtd: Int32Array | undefined;
}

export class NarrowedResult implements ProgramResult {
  readonly undetermined = undefined;
  readonly compacted = true;
  readonly entity: Entity;
  readonly checks: RecordedCheck[];
  readonly parametersUsed: ProgramResult['parametersUsed'];
  readonly part: PartResults;
  private full: {
    eligible?: Uint8Array;
    firstFailed?: Uint8Array;
    firstOpen?: Uint8Array;
    amount?: Int32Array;
  } = {};

  /**
   * `some`: the result over the part; `settled`: the fold of the leading checks over the whole population
   * (read only: a gate's is shared by its programs), where every entity outside the part has failed one.
   */
  constructor(
    readonly program: ProgramDefinition,
    private readonly some: ProgramResult,
    private readonly settled: LeadingFold,
    index: Int32Array,
  ) {
    this.entity = some.entity;
    this.checks = some.checks;
    this.parametersUsed = some.parametersUsed;
    this.part = { index, eligible: some.eligible, amountNtd: some.amountNtd };
  }

  get eligible(): Uint8Array {
    // Outside the part every entity failed a leading check: 0, not eligible.
    this.full.eligible ??= scatter(new Uint8Array(this.settled.count), this.part.index, this.some.eligible);
    return this.full.eligible;
  }

  get firstFailed(): Uint8Array {
    this.full.firstFailed ??= scatter(this.settled.firstFailedCopy(), this.part.index, this.some.firstFailed);
    return this.full.firstFailed;
  }

  get firstOpen(): Uint8Array {
    const leading = this.settled.firstOpen;
    this.full.firstOpen ??= scatter(
      leading ? leading.slice() : new Uint8Array(this.settled.count),
      this.part.index,
      this.some.firstOpen,
    );
    return this.full.firstOpen;
  }

  get amountNtd(): Int32Array | undefined {
    const some = this.some.amountNtd;
    if (!some) return undefined;
    this.full.amount ??= scatter(new Int32Array(this.settled.count), this.part.index, some);
    return this.full.amount;
  }
}

/** The result over the whole population from the part's and the leading checks' (see NarrowedResult). */
export function narrowed(
  some: ProgramResult,
  leading: readonly RecordedCheck[],
  settled: LeadingFold,
  index: Int32Array,
): ProgramResult {
  for (let c = 0; c < leading.length; c++)
    if (some.checks[c]?.code !== leading[c]!.code)
      throw new Error(`${some.program.id}: the checks differ between the whole population and a part of it`);
  return new NarrowedResult(some.program, some, settled, index);
}

function scatter<T extends Uint8Array | Int32Array>(whole: T, index: Int32Array, part: ArrayLike<number>): T {
  for (let k = 0; k < index.length; k++) whole[index[k]!] = part[k]!;
  return whole;
}
