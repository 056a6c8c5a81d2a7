import MiniSearch, { type Options } from 'minisearch';
import { SLICE_MS, pauser } from '../mainThread/slices';
import { CompactPostings } from './postings';

/**
 * minisearch's JSON (as `slicedIndexJson` writes it) loaded into an index a piece at a time, with
 * pauses: what `MiniSearch.loadJSON` makes, without its whole parse tree. loadJSON parses the
 * whole text into objects keyed by document number first and only then builds its maps, all in one
 * turn of main's thread: for a 100,000-bulletin index (a 69 MB file), 7–14 s on a loaded machine,
 * and a process doing nothing else peaked at 751 MB, against 518 MB here (tests/bench/RESULTS.md,
 * issue 18). Here the text is scanned once, linearly, and parsed one term's postings or 1,000
 * documents' ids or field lengths at a time, each piece turned into maps before the next. Same
 * result, same file format; minisearch's private fields are set as its loadJS sets them, but for
 * a term's longer postings, held in typed arrays (postings.ts) at a seventh of a Map's size.
 *
 * Rejects on anything that is not minisearch JSON of serialisation version 2 (the caller rebuilds).
 */
export async function slicedIndexLoad<T>(
  json: string,
  options: Options<T>,
  sliceMs = SLICE_MS,
): Promise<MiniSearch<T>> {
  // minisearch's own empty tree, filled here and then given to the loaded index (it exports no SearchableMap).
  const tree = (new MiniSearch<T>(options) as unknown as Internals)._index;
  const documentIds = new Map<number, string>();
  const idToShortId = new Map<string, number>();
  const fieldLength = new Map<number, number[]>();
  const skeleton: Record<string, unknown> = {};
  const pause = pauser({ sliceMs });

  let at = expect(json, 0, OPEN_OBJECT);
  for (let first = true; json.charCodeAt(at) !== CLOSE_OBJECT; first = false) {
    if (!first) at = expect(json, at, COMMA);
    const keyEnd = valueEnd(json, at);
    const key: unknown = JSON.parse(json.slice(at, keyEnd));
    at = expect(json, keyEnd, COLON);
    if (key === 'index') {
      skeleton.index = [];
      at = await inPieces(json, at, OPEN_ARRAY, TERMS_A_PIECE, pause, (entries) => {
        for (const entry of entries as unknown[]) tree.set(...entryOf(entry));
      });
    } else if (key === 'documentIds') {
      skeleton.documentIds = {};
      at = await inPieces(json, at, OPEN_OBJECT, DOCUMENTS_A_PIECE, pause, (piece) => {
        for (const [shortId, id] of numberKeyed(piece, (value) => typeof value === 'string')) {
          documentIds.set(shortId, id as string);
          idToShortId.set(id as string, shortId);
        }
      });
    } else if (key === 'fieldLength') {
      skeleton.fieldLength = {};
      at = await inPieces(json, at, OPEN_OBJECT, DOCUMENTS_A_PIECE, pause, (piece) => {
        for (const [shortId, lengths] of numberKeyed(piece, Array.isArray))
          fieldLength.set(shortId, lengths as number[]);
      });
    } else {
      const end = valueEnd(json, at);
      skeleton[String(key)] = JSON.parse(json.slice(at, end));
      at = end;
    }
  }
  if (expect(json, at, CLOSE_OBJECT) !== json.length) throw new Error('the index has text after its end');
  if (
    skeleton.serializationVersion !== 2 ||
    !Array.isArray(skeleton.index) ||
    !isObject(skeleton.documentIds) ||
    !isObject(skeleton.fieldLength)
  )
    throw new Error('not a minisearch index of serialisation version 2');
  // The small rest (counts, field ids, average lengths, stored fields) as minisearch reads it.
  const loaded = MiniSearch.loadJS(skeleton as Parameters<typeof MiniSearch.loadJS>[0], options);
  const internals = loaded as unknown as Internals;
  internals._index = tree;
  internals._documentIds = documentIds;
  internals._idToShortId = idToShortId;
  internals._fieldLength = fieldLength;
  return loaded as MiniSearch<T>;
}

/** Terms parsed at a time: one is a common word's postings (up to every document). */
const TERMS_A_PIECE = 1;
/** Documents' ids or field lengths parsed at a time: ~30 kB of text. */
const DOCUMENTS_A_PIECE = 1000;

/** minisearch 7's private state, as its loadJS sets it (see indexMatcher.ts: the version is pinned and checked). */
interface Internals {
  _index: { set(term: string, postings: Map<number, Map<number, number>>): unknown };
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldLength: Map<number, number[]>;
}

/**
 * The array or object that opens at `at`, parsed `count` items (array values, or object members)
 * at a time and handed to `take` as an array or object of those items; pauses between pieces.
 * Resolves to where the text goes on after it.
 */
async function inPieces(
  json: string,
  at: number,
  open: typeof OPEN_ARRAY | typeof OPEN_OBJECT,
  count: number,
  pause: () => Promise<void>,
  take: (piece: unknown) => void,
): Promise<number> {
  const close = open === OPEN_ARRAY ? CLOSE_ARRAY : CLOSE_OBJECT;
  const [before, after] = open === OPEN_ARRAY ? ['[', ']'] : ['{', '}'];
  let next = expect(json, at, open);
  let pieceStart = next;
  let items = 0;
  for (let first = true; json.charCodeAt(next) !== close; first = false) {
    if (!first) next = expect(json, next, COMMA);
    if (items === 0) pieceStart = next;
    if (open === OPEN_OBJECT) next = expect(json, valueEnd(json, next), COLON);
    next = valueEnd(json, next);
    if (++items < count) continue;
    take(JSON.parse(before + json.slice(pieceStart, next) + after));
    items = 0;
    await pause();
  }
  if (items > 0) take(JSON.parse(before + json.slice(pieceStart, next) + after));
  return expect(json, next, close);
}

/** An object's members with their number keys, each value checked. */
function numberKeyed(piece: unknown, valid: (value: unknown) => boolean): Array<[number, unknown]> {
  if (!isObject(piece)) throw new Error('a table of the index is malformed');
  return Object.keys(piece).map((key) => {
    if (!valid(piece[key])) throw new Error('a table of the index is malformed');
    return [parseInt(key, 10), piece[key]];
  });
}

/**
 * One `[term, {fieldId: {documentNumber: frequency}}]` of the JSON, as loadJS makes it (version 2),
 * but for the postings: a field's list of at least COMPACT_FROM is held compactly (postings.ts).
 */
function entryOf(entry: unknown): [string, Map<number, Map<number, number>>] {
  if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !isObject(entry[1]))
    throw new Error('a term of the index is malformed');
  const byField = new Map<number, Map<number, number>>();
  // Keys, not entries: no [key, value] array made per posting (millions at 100k bulletins).
  for (const field of Object.keys(entry[1])) {
    const frequencies = entry[1][field];
    if (!isObject(frequencies)) throw new Error('a term of the index is malformed');
    // Object.keys gives integer keys in ascending order: the compact list appends each.
    const documents = Object.keys(frequencies);
    const byDocument =
      documents.length >= COMPACT_FROM ? new CompactPostings(documents.length) : new Map<number, number>();
    for (const document of documents) {
      const frequency = frequencies[document];
      const number = Number(document);
      if (typeof frequency !== 'number' || !isPosting(number, frequency))
        throw new Error('a term of the index is malformed');
      byDocument.set(number, frequency);
    }
    byField.set(parseInt(field, 10), byDocument);
  }
  return [entry[0], byField];
}

/**
 * From how many postings a field's list is held compactly. Measured in Node 20 (a throwaway
 * script): a Map takes ~193 bytes for 1 to 4 postings and ~33 a posting at 16, the compact list
 * ~480 bytes for up to 4 and ~34 a posting at 16, ~5.4 at 1,000 (against ~29 for a Map). Below
 * this a Map is as small or smaller; a real archive's many rare words keep theirs.
 */
const COMPACT_FROM = 16;

/** A short document id and a term count as minisearch makes them (what a compact list holds). */
const isPosting = (document: number, frequency: number) =>
  Number.isInteger(document) &&
  document >= 0 &&
  document <= 0xffffffff &&
  Number.isInteger(frequency) &&
  frequency >= 1 &&
  frequency <= 0xffffffff;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/** Where the text goes on after `code` at `at` (JSON.stringify writes no whitespace); throws otherwise. */
function expect(json: string, at: number, code: number): number {
  if (json.charCodeAt(at) !== code) throw new Error(`the index is malformed at character ${at}`);
  return at + 1;
}

/**
 * The end (exclusive) of the JSON value that starts at `at`: a string to its closing quote, an
 * object or array to its matching bracket (brackets inside strings skipped), anything else to the
 * next comma or bracket. One pass, no backtracking; JSON.parse then checks the value itself.
 */
function valueEnd(json: string, at: number): number {
  let depth = 0;
  let inString = false;
  for (let i = at; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i++;
      else if (code === QUOTE) {
        inString = false;
        if (depth === 0) return i + 1;
      }
    } else if (code === QUOTE) inString = true;
    else if (code === OPEN_OBJECT || code === OPEN_ARRAY) depth++;
    else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      if (depth === 0) return i;
      if (--depth === 0) return i + 1;
    } else if (code === COMMA && depth === 0) return i;
  }
  throw new Error('the index ends early');
}
