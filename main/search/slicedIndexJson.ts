import type MiniSearch from 'minisearch';
import { Abandoned, SLICE_MS, pauser } from '../mainThread/slices';
import { postingArrays } from './postings';

/**
 * minisearch's JSON (what `JSON.stringify(index)` gives and `MiniSearch.loadJSON` reads), written
 * a piece at a time with pauses, so that main's thread (Electron's browser UI thread) is never held
 * for longer than a slice: one `JSON.stringify` of a 100,000-bulletin index held it 6–8 s after
 * every import. Same total work, spread over turns of the event loop.
 *
 * The index must not change meanwhile: `stale` is asked after every pause (the caller counts its
 * changes, and a vacuum counts), and a stale run gives null (the caller saves again later). A search
 * in a pause may drop a discarded document's terms from the tree being walked; the walk then misses
 * or keeps terms of documents no longer in the index, which loadJSON and searching ignore.
 */
export async function slicedIndexJson<T>(
  index: MiniSearch<T>,
  stale: () => boolean,
  sliceMs = SLICE_MS,
): Promise<string[] | null> {
  const chunks: string[] = [];
  let pieces: string[] = [];
  let length = 0;
  const pause = pauser({ sliceMs, abandoned: stale });
  try {
    for (const piece of jsonPieces(index as unknown as Internals)) {
      pieces.push(piece);
      length += piece.length;
      // Written to disk as ~1 MB strings: thousands of tiny writes would cost more than the joins.
      if (length >= CHUNK_CHARS) {
        chunks.push(pieces.join(''));
        pieces = [];
        length = 0;
      }
      await pause();
    }
  } catch (error) {
    if (error instanceof Abandoned) return null;
    throw error;
  }
  chunks.push(pieces.join(''));
  return chunks;
}

const CHUNK_CHARS = 1 << 20;

/** minisearch 7's private state, as its own toJSON reads it (serializationVersion 2). */
interface Internals {
  _index: Iterable<[string, Map<number, Map<number, number>>]>;
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, unknown>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, unknown>;
  _avgFieldLength: number[];
  _storedFields: Map<number, unknown>;
  _dirtCount: number;
}

function* jsonPieces(index: Internals): Generator<string> {
  yield `{"documentCount":${index._documentCount},"nextId":${index._nextId}`;
  yield* object('documentIds', index._documentIds);
  yield `,"fieldIds":${JSON.stringify(index._fieldIds)}`;
  yield* object('fieldLength', index._fieldLength);
  yield `,"averageFieldLength":${JSON.stringify(index._avgFieldLength)}`;
  yield* object('storedFields', index._storedFields);
  yield `,"dirtCount":${index._dirtCount},"index":[`;
  let first = true;
  for (const [term, fieldIndex] of index._index) {
    yield `${first ? '' : ','}[${JSON.stringify(term)},{`;
    let firstField = true;
    // By ascending field id, as JSON orders an object's integer keys.
    for (const fieldId of Int32Array.from(fieldIndex.keys()).sort()) {
      yield `${firstField ? '' : ','}"${fieldId}":{`;
      yield* postings(fieldIndex.get(fieldId) ?? new Map());
      yield '}';
      firstField = false;
    }
    yield '}]';
    first = false;
  }
  yield '],"serializationVersion":2}';
}

/** Postings written at once; a common word's (one per bulletin that has it) a few at a time. */
const POSTINGS_A_PIECE = 4096;

/**
 * A term's postings in one field, `"doc":frequency` by ascending document number, as
 * `JSON.stringify(Object.fromEntries(map))` orders integer keys. A word in most of 100,000
 * bulletins was one piece of tens of milliseconds on main. The arrays are read as they are when
 * the walk starts (postings.ts: a change meanwhile leaves a hole, count 0, or makes new arrays).
 */
function* postings(frequencies: Map<number, number>): Generator<string> {
  const { docs, counts, length } = postingArrays(frequencies);
  let first = true;
  for (let from = 0; from < length; from += POSTINGS_A_PIECE) {
    const parts: string[] = [];
    for (let at = from; at < Math.min(length, from + POSTINGS_A_PIECE); at++) {
      const count = counts[at] ?? 0;
      if (count !== 0) parts.push(`"${docs[at] ?? 0}":${count}`);
    }
    if (parts.length === 0) continue;
    yield `${first ? '' : ','}${parts.join(',')}`;
    first = false;
  }
}

/** A Map with number keys as a JSON object (what Object.fromEntries then JSON.stringify give). */
function* object(name: string, map: Map<number, unknown>): Generator<string> {
  yield `,"${name}":{`;
  let first = true;
  for (const [key, value] of map) {
    yield `${first ? '' : ','}"${key}":${JSON.stringify(value)}`;
    first = false;
  }
  yield '}';
}
