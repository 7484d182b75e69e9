import { type Entity, PASSED, type RecordedCheck, UNKNOWN } from './context.ts';
import { ELIGIBLE, type Evaluation, type ProgramResult, UNDETERMINED } from './evaluate.ts';

/** Another result of the same explanation: the program and the person or household it is for. */
export interface ResultRef {
  program: string;
  entity: Entity;
  id: string;
}

/** One condition of one entity's result, as the API and the screens show it. */
export interface Reason {
  code: string;
  /** null when it cannot be determined (an unknown parameter, an undetermined status). */
  passed: boolean | null;
  reference: string;
  message: { readonly zh: string; readonly en: string };
  /** null when there is none or it is unknown. */
  threshold: number | null;
  /** null when there is none or it is unknown. */
  value: number | null;
  /**
   * For a condition that is another program's result: which result (explained once, among the results
   * of the same explanation, not repeated under every condition that depends on it).
   */
  because: ResultRef | undefined;
}

export interface ExplainedResult extends ResultRef {
  /** null when it cannot be determined (an unknown parameter). */
  eligible: boolean | null;
  amountNtd: number | null;
  reasons: Reason[];
  /** false for a result explained only because a result asked for depends on it. */
  requested: boolean;
}

/** A number to show: null when absent or unknown (NaN). */
const shown = (n: number | undefined): number | null => (n === undefined || Number.isNaN(n) ? null : n);

type Message = { readonly zh: string; readonly en: string };

interface Messages {
  met: Message;
  unmet: Message;
}

/**
 * A condition's messages, met and not met, shared between requests: the rules' condition texts are a
 * fixed set, so this stays small (it is emptied should a program ever build its texts from a case).
 */
const messageCache = new Map<string, Map<string, Messages>>();
function messagesOf(check: RecordedCheck): Messages {
  let byEn = messageCache.get(check.zh);
  if (byEn === undefined) {
    if (messageCache.size > 10_000) messageCache.clear();
    byEn = new Map();
    messageCache.set(check.zh, byEn);
  }
  let messages = byEn.get(check.en);
  if (messages === undefined) {
    messages = {
      met: Object.freeze({ zh: check.zh, en: check.en }),
      unmet: Object.freeze({ zh: `不符：${check.zh}`, en: `not met: ${check.en}` }),
    };
    byEn.set(check.en, messages);
  }
  return messages;
}

/**
 * Explains results of one evaluation, each program and entity once: a condition that is another
 * program's result refers to that result, which is explained too (marked not requested when it was not
 * asked for).
 */
export class Explainer {
  readonly results: ExplainedResult[] = [];
  /** Every program with at least one result explained, in order of first explanation. */
  readonly programs: ProgramResult[] = [];
  private readonly entries = new Map<string, { refs: ResultRef[]; done: Uint8Array }>();
  /** Each program's condition messages, in the order of its checks. */
  private readonly messages = new Map<ProgramResult, Messages[]>();
  /** Dependencies referred to and not yet explained, in order of first reference. */
  private readonly pending: [string, number][] = [];

  constructor(
    private readonly evaluation: Evaluation,
    /** Programs whose every result is asked for: a reference to one is left for its own turn. */
    private readonly requested: ReadonlySet<string> = new Set(),
  ) {}

  /** Explains one entity's result of a program (once); the results it refers to wait for `finish`. */
  add(programId: string, index: number): ResultRef {
    return this.explainOnce(programId, index, true);
  }

  /** Explains every entity's result of a program. */
  addProgram(programId: string): void {
    const count = this.entryOf(programId).refs.length;
    for (let i = 0; i < count; i++) this.explainOnce(programId, i, true);
  }

  /**
   * Explains the results referred to and not asked for (and those they refer to), after those asked for;
   * returns every result.
   */
  finish(): ExplainedResult[] {
    for (let next = 0; next < this.pending.length; next++) {
      const [id, i] = this.pending[next]!;
      this.explainOnce(id, i, false);
    }
    this.pending.length = 0;
    return this.results;
  }

  private explainOnce(programId: string, index: number, requested: boolean): ResultRef {
    const entry = this.entryOf(programId);
    const ref = this.refOf(programId, index);
    if (!entry.done[index]) {
      entry.done[index] = 1;
      this.results.push(this.explain(programId, index, ref, requested));
    }
    return ref;
  }

  private entryOf(programId: string): { refs: ResultRef[]; done: Uint8Array } {
    let entry = this.entries.get(programId);
    if (!entry) {
      const result = this.evaluation.result(programId);
      const { persons, households } = this.evaluation.population;
      const count = result.entity === 'person' ? persons.count : households.count;
      entry = { refs: new Array(count), done: new Uint8Array(count) };
      this.entries.set(programId, entry);
      this.programs.push(result);
    }
    return entry;
  }

  /** The one reference to a result, shared by every condition that refers to it. */
  private refOf(programId: string, index: number): ResultRef {
    const { refs } = this.entryOf(programId);
    const found = refs[index];
    if (found) return found;
    const entity = this.evaluation.result(programId).entity;
    const { persons, households } = this.evaluation.population;
    const ref: ResultRef = {
      program: programId,
      entity,
      id: (entity === 'person' ? persons.id : households.id)[index]!,
    };
    refs[index] = ref;
    return ref;
  }

  /** A reference to a dependency's result; queues its explanation when no request covers it. */
  private dependencyRef(programId: string, index: number): ResultRef {
    const ref = this.refOf(programId, index);
    if (!this.requested.has(programId) && !this.entryOf(programId).done[index])
      this.pending.push([programId, index]);
    return ref;
  }

  private reasonOf(check: RecordedCheck, messages: Messages, index: number): Reason {
    const outcome = check.passed[index];
    const passed = outcome === UNKNOWN ? null : outcome === PASSED;
    const { threshold, value } = check;
    let because: ResultRef | undefined;
    if (check.dependsOn !== undefined) {
      const dependency = this.evaluation.result(check.dependsOn);
      because = this.dependencyRef(
        check.dependsOn,
        dependency.entity === check.entity ? index : this.evaluation.population.persons.household[index]!,
      );
    }
    return {
      code: check.code,
      passed,
      reference: check.reference,
      message: passed ? messages.met : messages.unmet,
      threshold: shown(
        threshold === undefined ? undefined : typeof threshold === 'number' ? threshold : threshold[index],
      ),
      value: shown(value === undefined ? undefined : value[index]),
      because,
    };
  }

  private explain(programId: string, index: number, ref: ResultRef, requested: boolean): ExplainedResult {
    const result = this.evaluation.result(programId);
    const checks = result.checks;
    let messages = this.messages.get(result);
    if (messages === undefined) {
      messages = checks.map(messagesOf);
      this.messages.set(result, messages);
    }
    const reasons: Reason[] = new Array(checks.length);
    for (let c = 0; c < checks.length; c++) reasons[c] = this.reasonOf(checks[c]!, messages[c]!, index);
    if (result.undetermined) {
      reasons.push({
        code: 'parameter-unknown',
        passed: false,
        reference: result.undetermined.parameterId,
        message: { zh: result.undetermined.zh, en: result.undetermined.en },
        threshold: null,
        value: null,
        because: undefined,
      });
    }
    const state = result.eligible[index];
    return {
      program: ref.program,
      entity: ref.entity,
      id: ref.id,
      eligible: state === UNDETERMINED ? null : state === ELIGIBLE,
      amountNtd: result.amountNtd ? result.amountNtd[index]! : null,
      reasons,
      requested,
    };
  }
}

/**
 * The explanation of one entity's result: its own conditions, a dependency referred to by `because`
 * (explain it with another call, or use an Explainer to have every result once, in order).
 */
export function explainResult(evaluation: Evaluation, programId: string, index: number): ExplainedResult {
  const explainer = new Explainer(evaluation, new Set([programId]));
  explainer.add(programId, index);
  return explainer.finish()[0]!;
}
