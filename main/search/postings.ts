/**
 * One term's postings in one field of minisearch's index (document number → how often the term
 * occurs there), held in two typed arrays instead of a `Map`: at 100,000 bulletins the index holds
 * millions of postings, ~42 bytes each in minisearch's `Map`s and ~5 here (a 4-byte document number
 * and a 1-byte count, widened to 2 or 4 bytes only for a list whose counts need it).
 *
 * It stands in for the inner `Map<shortId, termFreq>` of minisearch 7's index (pinned: see
 * indexMatcher.ts), which calls get, set, delete, has, size, keys() and iteration on it; the whole
 * of Map's surface is here so that it is one. What it guarantees:
 * - Keys are integers from 0 to 2³²−1 and values integers from 1 to 2³²−1 (minisearch's short ids
 *   and term counts; it deletes a posting rather than store 0); anything else is a RangeError.
 * - Iteration is by ascending document number. minisearch numbers documents in the order it
 *   takes them, so that is also the order its own `Map` would give, and its JSON is the same.
 * - `get`, `has`, `delete` and changing a count are a binary search (the last slot is tried first:
 *   an add counts its document's words there). Setting a number above every other is an append,
 *   amortised O(1): the arrays grow by an eighth, so a long list an import adds to keeps little
 *   slack. Below every other is O(n) (minisearch never does).
 * - `delete` leaves a hole (count 0) and is compacted away when the arrays next grow, or once fewer
 *   than a quarter of the slots are in use: a vacuum after many deletes gives the memory back.
 * - An iteration sees changes made during it, as a Map's does (minisearch deletes the posting it is
 *   visiting while it iterates), except that an entry added below the one visited is not visited.
 */
export class CompactPostings implements Map<number, number> {
  private docs: Uint32Array;
  private counts: Uint8Array | Uint16Array | Uint32Array;
  /** Slots in use, holes included: `docs[0..used)` ascending. */
  private used = 0;
  private live = 0;

  /** `capacity`: how many postings are expected (the loader knows; minisearch's adds grow it). */
  constructor(capacity = 1) {
    this.docs = new Uint32Array(Math.max(1, capacity));
    this.counts = new Uint8Array(this.docs.length);
  }

  get size(): number {
    return this.live;
  }

  get(doc: number): number | undefined {
    const at = this.slotOf(doc);
    return at < 0 ? undefined : this.counts[at];
  }

  has(doc: number): boolean {
    return this.slotOf(doc) >= 0;
  }

  set(doc: number, count: number): this {
    if (!Number.isInteger(doc) || doc < 0 || doc > MAX_UINT32)
      throw new RangeError(`a posting's document number is an integer from 0 to 2^32-1 (got ${doc})`);
    if (!Number.isInteger(count) || count < 1 || count > MAX_UINT32)
      throw new RangeError(`a posting's count is an integer from 1 to 2^32-1 (got ${count})`);
    this.widenFor(count);
    const last = this.used - 1;
    if (last < 0 || doc > (this.docs[last] ?? 0)) {
      if (this.used === this.docs.length) this.resize(grown(this.live));
      this.docs[this.used] = doc;
      this.counts[this.used++] = count;
      this.live++;
      return this;
    }
    const at = this.searchSlot(doc);
    if (this.docs[at] === doc) {
      if (this.counts[at] === 0) this.live++;
      this.counts[at] = count;
      return this;
    }
    // Below the last: new arrays first, so that an iteration under way is not shifted (see entries).
    this.resize(grown(this.live));
    const slot = this.searchSlot(doc);
    this.docs.copyWithin(slot + 1, slot, this.used);
    this.counts.copyWithin(slot + 1, slot, this.used);
    this.docs[slot] = doc;
    this.counts[slot] = count;
    this.used++;
    this.live++;
    return this;
  }

  delete(doc: number): boolean {
    const at = this.slotOf(doc);
    if (at < 0) return false;
    this.counts[at] = 0;
    this.live--;
    if (this.used > MIN_COMPACTED && this.live * 4 < this.used) this.resize(this.live * 2);
    return true;
  }

  clear(): void {
    this.docs = new Uint32Array(1);
    this.counts = new Uint8Array(1);
    this.used = 0;
    this.live = 0;
  }

  /** The postings as arrays, for a reader that walks them all (see postingArrays). */
  arrays(): PostingArrays {
    return { docs: this.docs, counts: this.counts, length: this.used };
  }

  *entries(): MapIterator<[number, number]> {
    let docs = this.docs;
    let at = 0;
    let visited = -1;
    for (;;) {
      // The arrays were made again (grown, compacted, an insert): go on after the last one visited.
      if (docs !== this.docs) {
        docs = this.docs;
        at = visited < 0 ? 0 : this.searchSlot(visited + 1);
      }
      if (at >= this.used) return;
      const count = this.counts[at] ?? 0;
      const doc = docs[at++] ?? 0;
      if (count === 0) continue;
      visited = doc;
      yield [doc, count];
    }
  }

  *keys(): MapIterator<number> {
    for (const [doc] of this.entries()) yield doc;
  }

  *values(): MapIterator<number> {
    for (const [, count] of this.entries()) yield count;
  }

  [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries();
  }

  forEach(callback: (count: number, doc: number, map: Map<number, number>) => void, thisArg?: unknown): void {
    for (const [doc, count] of this.entries()) callback.call(thisArg, count, doc, this);
  }

  get [Symbol.toStringTag](): string {
    return 'CompactPostings';
  }

  /** The slot holding `doc` with a count, or -1. */
  private slotOf(doc: number): number {
    // minisearch's adds count a document's words in the last slot: no search for those.
    const last = this.used - 1;
    const at = this.docs[last] === doc ? last : this.searchSlot(doc);
    return this.docs[at] === doc && at < this.used && this.counts[at] !== 0 ? at : -1;
  }

  /** The first slot whose document number is `doc` or above (`used` when none is). */
  private searchSlot(doc: number): number {
    let low = 0;
    let high = this.used;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.docs[middle] ?? 0) < doc) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Counts as wide as `count` needs (a list's counts are widened once, never narrowed). */
  private widenFor(count: number): void {
    const wider =
      count > 0xffff && !(this.counts instanceof Uint32Array)
        ? Uint32Array
        : count > 0xff && this.counts instanceof Uint8Array
          ? Uint16Array
          : undefined;
    if (wider) this.counts = wider.from(this.counts);
  }

  /** New arrays of `capacity` slots (more than the live postings) holding them, holes dropped. */
  private resize(capacity: number): void {
    const docs = new Uint32Array(Math.max(1, capacity));
    const counts = new (this.counts.constructor as CountsConstructor)(docs.length);
    let kept = 0;
    for (let at = 0; at < this.used; at++) {
      const count = this.counts[at] ?? 0;
      if (count === 0) continue;
      docs[kept] = this.docs[at] ?? 0;
      counts[kept++] = count;
    }
    this.docs = docs;
    this.counts = counts;
    this.used = kept;
  }
}

/** A term's postings in one field as arrays: `docs[at]` holds the term `counts[at]` times (0: deleted). */
export interface PostingArrays {
  docs: ArrayLike<number>;
  counts: ArrayLike<number>;
  length: number;
}

/**
 * The postings as arrays by ascending document number, however they are held: compact ones as
 * they are (no copy), a plain `Map` (a term first seen in an import after the index loaded:
 * minisearch makes those itself) copied and sorted. Walking the arrays is what makes scoring and
 * saving cheap: no [document, count] array made per posting.
 */
export function postingArrays(postings: ReadonlyMap<number, number>): PostingArrays {
  if (postings instanceof CompactPostings) return postings.arrays();
  // A typed array sorts by number; minisearch's keys are short ids (integers from 0).
  const docs = Uint32Array.from(postings.keys()).sort();
  return { docs, counts: Uint32Array.from(docs, (doc) => postings.get(doc) ?? 0), length: docs.length };
}

/** Slots for `live` postings and the ones to come: an eighth more (at least 4), geometric growth. */
const grown = (live: number) => live + Math.max(4, live >>> 3);

type CountsConstructor = Uint8ArrayConstructor | Uint16ArrayConstructor | Uint32ArrayConstructor;

const MAX_UINT32 = 0xffffffff;
/** Short lists keep their holes: compacting them saves less than it costs. */
const MIN_COMPACTED = 16;
