/*
 * Three-valued AND of a program's checks, folded as each check is recorded: one failed check → not
 * eligible; else one unknown → undetermined; else eligible. Folding a check as soon as it is made reads its
 * outcomes while they are still in the cache, and lets a compact evaluation drop them at once.
 *
 * A city month folds hundreds of checks over millions of entities, so it is done four entities at a time:
 * each outcome byte (0 failed, 1 passed, 2 unknown) is recoded to 0 / 3 / 1, where the AND of outcomes is
 * the bitwise AND, and recoded back to eligibility at the end. On the way it notes each entity's first
 * failed and first open check (1 + its index; at most 255 checks). Words whose four entities have all
 * failed change no more: only the live ones are folded, and `isLive` tells later checks which entities
 * can still change the result.
 */
const ONES = 0x01010101;

/**
 * Below this many entities (a case of a few households) a fold works entity by entity: the word views
 * would cost more to make than they save.
 */
const WORDWISE_FROM = 64;
const NO_WORDS = new Uint32Array(0);
const NO_BYTES = new Uint8Array(0);
const NO_LIVE = new Int32Array(0);

/** Lists of live words let go by earlier folds over as many words or more (see `release`). */
const spareLiveLists: Int32Array[] = [];
const POOLED_WORDS = 65_536;

export interface FoldedChecks {
  eligible: Uint8Array;
  firstFailed: Uint8Array;
  firstOpen: Uint8Array;
}

/** Indices of the words (four entities each) where some entity is still in play: the first `count` of `list`. */
export interface LiveWords {
  words: number;
  list: Int32Array;
  count: number;
}

/** The state as folded so far (see `CheckFold.settled`); firstOpen undefined: no entity had an open check. */
export interface SettledChecks {
  eligible: Uint8Array;
  firstFailed: Uint8Array;
  firstOpen: Uint8Array | undefined;
}

/** What a narrowed program keeps of its leading checks' fold (see `CheckFold.keptForNarrowed`). */
export interface LeadingFold {
  count: number;
  /** Each entity's first failed check, as a new array (read only to store or explain a result). */
  firstFailedCopy(): Uint8Array;
  /** undefined: no entity had an open check. */
  firstOpen: Uint8Array | undefined;
}

/**
 * Large folds' byte arrays let go by narrowed programs, by length, to be zeroed and used again: a new array
 * of a city's length is a few megabytes of pages faulted in, zeroing one is a fraction of that.
 */
const spareBytes = new Map<number, Uint8Array[]>();
const POOLED_BYTES = 262_144;

function zeroedBytes(count: number): Uint8Array {
  const spare = count >= POOLED_BYTES ? spareBytes.get(count)?.pop() : undefined;
  return spare ? spare.fill(0) : new Uint8Array(count);
}

function giveBack(bytes: Uint8Array): void {
  if (bytes.length < POOLED_BYTES) return;
  let spares = spareBytes.get(bytes.length);
  if (spares === undefined) {
    // A few lengths at a time: a city's persons and households, and the parts in use.
    if (spareBytes.size >= 8) spareBytes.clear();
    spares = [];
    spareBytes.set(bytes.length, spares);
  }
  if (spares.length < 4) spares.push(bytes);
}

export class CheckFold {
  /** Per entity, the AND so far (recoded: 3 passed, 1 open, 0 failed); eligibility after `finish`. */
  private readonly folded: Uint8Array;
  private readonly firstFailed: Uint8Array;
  /** Made when the first open outcome is noted (most programs have none): NO_BYTES until then. */
  private firstOpen: Uint8Array = NO_BYTES;
  private readonly foldedWords: Uint32Array;
  private readonly failedWords: Uint32Array;
  private openWords: Uint32Array = NO_WORDS;
  private readonly words: number;
  /** Indices of the words where some entity has not failed yet (the first `liveCount`). */
  private readonly live: Int32Array;
  private liveCount: number;
  /** Entities of the live words no check has failed yet (the last three entities aside). */
  private inPlay: number;
  private checkCount = 0;

  /** Whether some entity's first open check was noted (else `firstOpen` is all zero). */
  private anyOpen = false;

  constructor(readonly count: number) {
    this.folded = zeroedBytes(count);
    this.firstFailed = zeroedBytes(count);
    const words = count >= WORDWISE_FROM ? count >>> 2 : 0;
    this.words = words;
    // Until the first check, every entity has passed (3): `add` folds the first check into this state.
    for (let i = words * 4; i < count; i++) this.folded[i] = 3;
    if (words === 0) {
      this.foldedWords = this.failedWords = NO_WORDS;
      this.live = NO_LIVE;
      this.liveCount = 0;
      this.inPlay = count;
      return;
    }
    this.foldedWords = new Uint32Array(this.folded.buffer, 0, words);
    this.failedWords = new Uint32Array(this.firstFailed.buffer, 0, words);
    const spare = words >= POOLED_WORDS ? spareLiveLists.pop() : undefined;
    this.live = spare !== undefined && spare.length >= words ? spare : new Int32Array(words);
    this.liveCount = words;
    this.inPlay = words * 4;
  }

  /** A small fold, entity by entity; every entity counts in play until a check fails it. */
  private addEach(outcome: Uint8Array, mark: number): void {
    const { folded, firstFailed, count } = this;
    let inPlay = 0;
    for (let i = 0; i < count; i++) {
      const v = outcome[i]!;
      const f = folded[i]!;
      if (v === 0 && f !== 0) firstFailed[i] = mark;
      else if (v === 2 && f === 3) this.openArrays()[i] = mark;
      const next = f & (((v | (v >>> 1)) & 1) | ((v & 1) << 1));
      folded[i] = next;
      if (next !== 0) inPlay++;
    }
    this.inPlay = inPlay;
  }

  /** The first check over every word (the state is all passed): its outcomes recoded, the live words listed. */
  private addFirst(x: Uint32Array): void {
    const { foldedWords, failedWords, live, words } = this;
    let kept = 0;
    // The arrays are new (zero): only what is not zero is written, so pages nothing is written to are not
    // touched (a first check usually fails most entities and leaves few open).
    for (let w = 0; w < words; w++) {
      const v = x[w]!;
      const failed = ~(v | (v >>> 1)) & ONES;
      if (failed !== 0) failedWords[w] = failed;
      const open = (v >>> 1) & ONES;
      if (open !== 0) {
        this.openArrays();
        this.openWords[w] = open;
      }
      const next = ((v | (v >>> 1)) & ONES) | ((v & ONES) << 1);
      if (next !== 0) {
        foldedWords[w] = next;
        live[kept++] = w;
      }
    }
    this.liveCount = kept;
    // Counted when asked (see atMostInPlay).
    this.inPlay = -1;
  }

  /** Folds the next check's outcomes (FAILED, PASSED or UNKNOWN per entity). */
  add(outcome: Uint8Array): void {
    const mark = ++this.checkCount;
    const { folded, foldedWords, failedWords, live, words, count } = this;
    if (words === 0) {
      this.addEach(outcome, mark);
      return;
    }
    const aligned = outcome.byteOffset % 4 === 0;
    if (mark === 1 && !aligned) {
      this.foldedWords.fill(0x03030303);
      for (let w = 0; w < words; w++) live[w] = w;
    }
    if (mark === 1 && aligned) this.addFirst(new Uint32Array(outcome.buffer, outcome.byteOffset, words));
    else if (aligned) {
      const x = new Uint32Array(outcome.buffer, outcome.byteOffset, words);
      let kept = 0;
      const liveCount = this.liveCount;
      for (let n = 0; n < liveCount; n++) {
        const w = live[n]!;
        const v = x[w]!;
        // All four passed (most words of most checks): nothing changes.
        if (v === ONES) {
          live[kept++] = w;
          continue;
        }
        const f = foldedWords[w]!;
        // per byte: failed here and not before; open here and nothing failed or open before
        const failedNow = ~(v | (v >>> 1)) & (f | (f >>> 1)) & ONES;
        const openNow = (v >>> 1) & f & (f >>> 1) & ONES;
        if (failedNow) failedWords[w]! |= failedNow * mark;
        if (openNow) {
          this.openArrays();
          this.openWords[w]! |= openNow * mark;
        }
        const next = f & (((v | (v >>> 1)) & ONES) | ((v & ONES) << 1));
        foldedWords[w] = next;
        if (next !== 0) live[kept++] = w;
      }
      this.liveCount = kept;
      // Counted when asked (see atMostInPlay): most checks are not followed by the question.
      this.inPlay = -1;
    }
    const { firstFailed } = this;
    for (let i = aligned ? words * 4 : 0; i < count; i++) {
      const v = outcome[i]!;
      const f = folded[i]!;
      if (v === 0 && f !== 0) firstFailed[i] = mark;
      else if (v === 2 && f === 3) this.openArrays()[i] = mark;
      folded[i] = f & (((v | (v >>> 1)) & 1) | ((v & 1) << 1));
    }
  }

  /** Each entity's first open check, made at the first open outcome. */
  private openArrays(): Uint8Array {
    if (!this.anyOpen) {
      this.anyOpen = true;
      this.firstOpen = zeroedBytes(this.count);
      if (this.words > 0) this.openWords = new Uint32Array(this.firstOpen.buffer, 0, this.words);
    }
    return this.firstOpen;
  }

  /**
   * The words where some entity has not failed yet (after the first check; undefined for a small fold),
   * valid until the next `add`.
   */
  liveWords(): LiveWords | undefined {
    if (this.words === 0 || this.checkCount === 0) return undefined;
    return { words: this.words, list: this.live, count: this.liveCount };
  }

  /** Hands the list of live words to the next fold (the city's is megabytes): no more `add` after this. */
  release(): void {
    if (this.words >= POOLED_WORDS && spareLiveLists.length < 2) spareLiveLists.push(this.live);
  }

  /** How many entities no check has failed yet (but for the last `count % 4` of a large fold). */
  get entitiesInPlay(): number {
    if (this.inPlay < 0) {
      const { foldedWords, live, liveCount } = this;
      let inPlay = 0;
      for (let n = 0; n < liveCount; n++) {
        const f = foldedWords[live[n]!]!;
        inPlay += Math.imul((f | (f >>> 1)) & ONES, ONES) >>> 24;
      }
      this.inPlay = inPlay;
    }
    return this.inPlay;
  }

  /** Whether at most `limit` entities are in play (as `entitiesInPlay`), counting them only when in doubt. */
  atMostInPlay(limit: number): boolean {
    if (this.inPlay >= 0) return this.inPlay <= limit;
    // A live word holds one to four entities in play.
    if (this.liveCount > limit) return false;
    if (this.liveCount * 4 <= limit) return true;
    return this.entitiesInPlay <= limit;
  }

  /**
   * The distinct `ownerOf[entity]` of the entities no check has failed yet, in order, when they ascend (a
   * person's household, persons numbered household by household); undefined when they do not.
   */
  ownersInPlay(ownerOf: Int32Array): Int32Array | undefined {
    const { folded, live, liveCount, words, count } = this;
    // At most one owner per entity in play (those of the live words, and the last few counted as in play).
    const list = new Int32Array(this.entitiesInPlay + (count - words * 4));
    let n = 0;
    let last = -1;
    for (let k = 0; k < liveCount; k++) {
      const first = live[k]! * 4;
      for (let i = first; i < first + 4; i++) {
        if (folded[i] === 0) continue;
        const owner = ownerOf[i]!;
        if (owner === last) continue;
        if (owner < last) return undefined;
        list[n++] = last = owner;
      }
    }
    for (let i = words * 4; i < count; i++) {
      if (folded[i] === 0) continue;
      const owner = ownerOf[i]!;
      if (owner === last) continue;
      if (owner < last) return undefined;
      list[n++] = last = owner;
    }
    return list.subarray(0, n);
  }

  /** Ascending indices of the entities no check has failed yet. */
  liveEntities(): Int32Array {
    const { folded, foldedWords, live, liveCount, words, count } = this;
    // Counted first: a list four times the live words would be megabytes of pages for a city.
    let inPlay = 0;
    for (let k = 0; k < liveCount; k++) {
      const f = foldedWords[live[k]!]!;
      inPlay += Math.imul((f | (f >>> 1)) & ONES, ONES) >>> 24;
    }
    for (let i = words * 4; i < count; i++) if (folded[i] !== 0) inPlay++;
    const entities = new Int32Array(inPlay);
    let n = 0;
    for (let k = 0; k < liveCount; k++) {
      const first = live[k]! * 4;
      for (let i = first; i < first + 4; i++) if (folded[i] !== 0) entities[n++] = i;
    }
    for (let i = words * 4; i < count; i++) if (folded[i] !== 0) entities[n++] = i;
    return entities;
  }

  /**
   * The state as folded so far, not recoded: 0 where a check failed, and each entity's first failed and
   * open check (for a caller that replaces every entity still in play).
   */
  settled(): SettledChecks {
    return {
      eligible: this.folded,
      firstFailed: this.firstFailed,
      firstOpen: this.anyOpen ? this.firstOpen : undefined,
    };
  }

  /**
   * What a program narrowed after these checks keeps: each entity's first failed and open check (every
   * entity outside its part failed one). The folded state, and the open checks when none was noted, go back
   * to be used again: no more `add`, `settled` or `finish` after this.
   */
  keptForNarrowed(): LeadingFold {
    giveBack(this.folded);
    const { count, firstFailed } = this;
    // Narrowed after one check, every entity outside the part failed it, and its first open check is none
    // (those of the part are its own): nothing needs keeping, and the bytes go back to be folded again.
    if (this.checkCount === 1) {
      giveBack(firstFailed);
      return { count, firstFailedCopy: () => new Uint8Array(count).fill(1), firstOpen: undefined };
    }
    return {
      count,
      firstFailedCopy: () => firstFailed.slice(),
      firstOpen: this.anyOpen ? this.firstOpen : undefined,
    };
  }

  /** Eligibility (1 eligible, 0 not, 2 undetermined) and the first failed and open check per entity. */
  finish(): FoldedChecks {
    const { folded, foldedWords, words, count } = this;
    // Back to eligibility codes: 3 → 1 eligible, 1 → 2 undetermined, 0 → 0.
    for (let w = 0; w < words; w++) {
      const v = foldedWords[w]!;
      foldedWords[w] = ((v >>> 1) & ONES) | ((v & ~(v >>> 1) & ONES) << 1);
    }
    for (let i = words * 4; i < count; i++) {
      const v = folded[i]!;
      folded[i] = ((v >>> 1) & 1) | ((v & ~(v >>> 1) & 1) << 1);
    }
    return { eligible: folded, firstFailed: this.firstFailed, firstOpen: this.openArrays() };
  }
}
