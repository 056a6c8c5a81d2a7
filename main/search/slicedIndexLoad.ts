import MiniSearch, { type Options } from 'minisearch';

/**
 * minisearch's JSON (as `slicedIndexJson` writes it) loaded into an index a term at a time, with
 * pauses: what `MiniSearch.loadJSON` makes, without its whole parse tree. loadJSON parses the
 * whole text into objects first (at 100,000 bulletins a 69 MB file: ~360 MB of objects keyed by
 * document number) and only then builds its maps, so main's RSS peaked at 1,230 MB for a steady
 * 790 MB (tests/bench/RESULTS.md, issue 18). Here each term's postings are parsed and turned into
 * maps before the next, and the text is scanned once, linearly. Same result, same file format.
 *
 * Rejects on anything that is not minisearch JSON of serialisation version 2 (the caller rebuilds).
 */
export async function slicedIndexLoad<T>(
  json: string,
  options: Options<T>,
  sliceMs = 8,
): Promise<MiniSearch<T>> {
  // minisearch's own empty tree, filled here and then given to the loaded index (it exports no SearchableMap).
  const tree = (new MiniSearch<T>(options) as unknown as Internals)._index;
  const skeleton: Record<string, unknown> = {};
  let at = expect(json, 0, OPEN_OBJECT);
  let sliceStart = performance.now();
  while (json.charCodeAt(at) !== CLOSE_OBJECT) {
    if (Object.keys(skeleton).length > 0) at = expect(json, at, COMMA);
    const keyEnd = valueEnd(json, at);
    const key: unknown = JSON.parse(json.slice(at, keyEnd));
    at = expect(json, keyEnd, COLON);
    if (key !== 'index') {
      const end = valueEnd(json, at);
      skeleton[String(key)] = JSON.parse(json.slice(at, end));
      at = end;
      continue;
    }
    skeleton.index = [];
    at = expect(json, at, OPEN_ARRAY);
    for (let first = true; json.charCodeAt(at) !== CLOSE_ARRAY; first = false) {
      if (!first) at = expect(json, at, COMMA);
      const end = valueEnd(json, at);
      const [term, postings] = entryOf(JSON.parse(json.slice(at, end)));
      tree.set(term, postings);
      at = end;
      if (performance.now() - sliceStart < sliceMs) continue;
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
    at = expect(json, at, CLOSE_ARRAY);
  }
  if (expect(json, at, CLOSE_OBJECT) !== json.length) throw new Error('the index has text after its end');
  if (skeleton.serializationVersion !== 2 || !Array.isArray(skeleton.index))
    throw new Error('not a minisearch index of serialisation version 2');
  const loaded = MiniSearch.loadJS(skeleton as Parameters<typeof MiniSearch.loadJS>[0], options);
  (loaded as unknown as Internals)._index = tree;
  return loaded as MiniSearch<T>;
}

/** minisearch 7's private tree of terms (see indexMatcher.ts: the version is pinned and checked). */
interface Internals {
  _index: { set(term: string, postings: Map<number, Map<number, number>>): unknown };
}

/** One `[term, {fieldId: {documentNumber: frequency}}]` of the JSON, as loadJS makes it (version 2). */
function entryOf(entry: unknown): [string, Map<number, Map<number, number>>] {
  if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !isObject(entry[1]))
    throw new Error('a term of the index is malformed');
  const byField = new Map<number, Map<number, number>>();
  for (const [field, frequencies] of Object.entries(entry[1])) {
    if (!isObject(frequencies)) throw new Error('a term of the index is malformed');
    const byDocument = new Map<number, number>();
    for (const [document, frequency] of Object.entries(frequencies)) {
      if (typeof frequency !== 'number') throw new Error('a term of the index is malformed');
      byDocument.set(parseInt(document, 10), frequency);
    }
    byField.set(parseInt(field, 10), byDocument);
  }
  return [entry[0], byField];
}

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
