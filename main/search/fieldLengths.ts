import type MiniSearch from 'minisearch';
import { STEPS_A_PAUSE, type Sliced } from '../mainThread/slices';

/** The parts of minisearch 7's private state field lengths are read from (see indexMatcher.ts). */
interface LengthInternals {
  _fieldLength: Map<number, number[]>;
  _fieldIds: Record<string, number>;
  _documentCount: number;
  _nextId: number;
}

/** Per index: its field lengths as arrays, and how far they reflect it. */
interface Lengths {
  /** Per field id, per document number: the field's length, NaN where no live document is. */
  byField: Float64Array[];
  /** Documents numbered below this have been read (minisearch never renumbers one). */
  read: number;
  /** Documents read with lengths and not dropped since: equals the index's count while in step. */
  live: number;
}

const lengthsOf = new WeakMap<LengthInternals, Lengths>();

/**
 * minisearch's field lengths (a Map entry per document) as one array per field, by document
 * number: reading the Map for every posting of a common prefix was most of the scoring at 100k.
 * Kept up to date a change at a time: documents added since the last read are read (a document's
 * number and lengths never change: minisearch gives a replaced one a new number), and documents
 * about to be discarded are dropped through `dropFieldLengths`. Made again from the whole Map
 * only when the counts disagree (a discard nobody reported, or an index emptied). Copied again
 * after every change, at 100,000 documents the first search after an add spent 19 ms of CPU on it
 * (median; up to 43 ms), against 0.04 ms kept, with an entry pair, an iterator and a pair per field
 * of garbage per document; during an import every search is a first one.
 */
export function* fieldLengthsOf<T>(index: MiniSearch<T>): Sliced<Float64Array[]> {
  const internals = index as unknown as LengthInternals;
  let lengths = lengthsOf.get(internals);
  if (!lengths || lengths.read > internals._nextId) lengths = fresh(internals);
  yield* readAdded(internals, lengths);
  // In step: every document minisearch holds lengths of was read, and none it discarded is kept.
  if (lengths.live === internals._fieldLength.size) return lengths.byField;
  const rebuilt = fresh(internals);
  yield* readAdded(internals, rebuilt);
  return rebuilt.byField;
}

/**
 * Forgets a document's lengths; called just before it is discarded or replaced, so a search
 * never scores it again (minisearch leaves its postings until it vacuums).
 */
export function dropFieldLengths<T>(index: MiniSearch<T>, doc: number): void {
  const lengths = lengthsOf.get(index as unknown as LengthInternals);
  // Not read yet: it will be read without lengths once discarded.
  if (!lengths || doc >= lengths.read) return;
  let had = false;
  for (const column of lengths.byField) {
    if (!Number.isNaN(column[doc] ?? Number.NaN)) had = true;
    column[doc] = Number.NaN;
  }
  if (had) lengths.live--;
}

/**
 * Reads the documents numbered from `lengths.read` to the index's next number, growing the arrays;
 * returns once none is left, without a pause after the last (so the caller's check sees the index
 * as read).
 */
function* readAdded(internals: LengthInternals, lengths: Lengths): Sliced<void> {
  while (lengths.read < internals._nextId) yield* readUntil(internals, lengths, internals._nextId);
}

function* readUntil(internals: LengthInternals, lengths: Lengths, until: number): Sliced<void> {
  const capacity = lengths.byField[0]?.length ?? 0;
  if (until > capacity) {
    // Room for later imports too: growing copies every column.
    const grown = columnsFor(internals, Math.max(until, Math.ceil(capacity * 1.25)));
    for (const [field, column] of grown.entries()) column.set(lengths.byField[field] ?? []);
    lengths.byField = grown;
  }
  for (let doc = lengths.read, steps = 0; doc < until; doc++) {
    if (++steps % STEPS_A_PAUSE === 0) yield;
    const found = internals._fieldLength.get(doc);
    lengths.read = doc + 1;
    if (!found) continue;
    // Indexed, not entries(): an iterator and a pair per document were most of the garbage. A field
    // the document lacks is a hole: NaN, as before.
    for (let field = 0; field < lengths.byField.length; field++) {
      const column = lengths.byField[field];
      if (column) column[doc] = found[field] ?? Number.NaN;
    }
    lengths.live++;
  }
}

/** Empty arrays for the index as it is now, kept as its lengths. */
function fresh(internals: LengthInternals): Lengths {
  const lengths: Lengths = { byField: columnsFor(internals, internals._nextId), read: 0, live: 0 };
  lengthsOf.set(internals, lengths);
  return lengths;
}

function columnsFor(internals: LengthInternals, size: number): Float64Array[] {
  return Object.values(internals._fieldIds).map(() => new Float64Array(size).fill(Number.NaN));
}
