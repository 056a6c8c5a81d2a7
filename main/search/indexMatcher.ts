import MiniSearch from 'minisearch';
import { fuzzyFor, indexOptions, processTerm, type IndexedDoc } from './indexOptions';
import type { ParsedQuery, Term } from './queryParser';
import type { DocColumns } from './docColumns';
import type { Matcher, MatchedTerms } from './runSearch';
import { STEPS_A_PAUSE, type Sliced } from '../mainThread/slices';
import type { Vocabulary } from './spelling';
import { postingArrays } from './postings';
import { fieldLengthsOf } from './fieldLengths';

/** Per field id, per document (short id), how often a term occurs (long lists: postings.ts, read by postingArrays). */
type Postings = Map<number, Map<number, number>>;

/**
 * The parts of a minisearch 7 index this matcher reads. They are not its public
 * API: its `search()` builds an object per matching document for every derived
 * term and sorts them all, which at 100k bulletins took over a second for a
 * four-letter prefix. indexMatcher.test.ts checks that ids and scores here
 * equal minisearch's own `search()` (where no variant is two edits away and none is capped), so
 * an upgrade that changes them fails there. Private fields can change in any release, so
 * package.json pins minisearch to the exact version checked (7.2.0; JSON has no comments, the
 * reason is here), and the test fails if the pin is loosened or the installed copy differs:
 * an upgrade is a deliberate edit that runs the parity cases. slicedIndexJson.ts and fieldLengths.ts read them too.
 */
interface IndexInternals {
  _index: {
    get(term: string): Postings | undefined;
    atPrefix(prefix: string): Iterable<[string, Postings]>;
    fuzzyGet(term: string, distance: number): Map<string, [Postings, number]>;
  };
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _avgFieldLength: number[];
  _fieldIds: Record<string, number>;
  _documentCount: number;
  _nextId: number;
}

// minisearch's defaults (BM25+ parameters, prefix and typo weights) and our field boosts.
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const MAX_FUZZY = indexOptions.searchOptions?.maxFuzzy ?? 6;
/**
 * Where we part from minisearch, on purpose: a typo variant two edits away weighs a quarter of what one
 * edit away does (in minisearch, about a tenth less), and a word reaches at most this many variants, nearest
 * (then commonest) first. A common word is one or two letters from dozens of others
 * ("migrants": "migrant", "migrante", "emigrants"…): each of them brought in thousands of
 * bulletins that outranked the few holding the word meant.
 */
const FARTHER_WEIGHT = 0.25;
const MAX_VARIANTS = 8;
const BOOSTS: Record<string, number> = indexOptions.searchOptions?.boost ?? {};
const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

/** One index term a query word reached (itself, a completion or a typo variant), with its weight. */
interface Expansion {
  term: string;
  weight: number;
  postings: Postings;
}

/**
 * Documents matching part of a query: the list, and dense per-document arrays
 * (by minisearch's short id) of score and of which query words matched (one bit each).
 */
interface Matches {
  /** The documents, in `docs[0..count)`. */
  docs: Int32Array;
  count: number;
  score: Float64Array;
  words: Uint32Array;
}

const NO_MATCHES: Matches = {
  docs: new Int32Array(0),
  count: 0,
  score: new Float64Array(0),
  words: new Uint32Array(0),
};

/**
 * Matches through the minisearch index, as `index.search` would (clauses
 * AND-ed, alternatives OR-ed, a phrase as all its words, prefix only on the word
 * being typed, typos when asked; the same BM25+ scores, but for typo variants: see FARTHER_WEIGHT), with typed arrays in
 * place of an object per document. What matched in a document (for highlights)
 * is worked out only for the documents that ask, i.e. the rows shown.
 */
export function indexMatcher(index: MiniSearch<IndexedDoc>, columns: DocColumns): Matcher {
  const internals = index as unknown as IndexInternals;
  const idOf = (doc: number) => internals._documentIds.get(doc);
  const size = internals._nextId;
  const fields = Object.entries(internals._fieldIds).map(([name, id]) => ({ id, boost: BOOSTS[name] ?? 1 }));
  const take = scratchFor(internals, size);
  /** Brought up to date on the first word matched (see fieldLengths.ts). */
  let fieldLengths: Float64Array[] | undefined;

  /** The word's index terms and the documents they are in, scored, as minisearch's executeQuerySpec. */
  const matchWord = function* (word: string, bit: number, expansions: Expansion[]): Sliced<Matches> {
    fieldLengths ??= yield* fieldLengthsOf(index);
    let steps = 0;
    const found: Expansion[] = [];
    const exact = internals._index.get(word);
    if (exact) found.push({ term: word, weight: 1, postings: exact });
    for (const expansion of expansions) found.push(expansion);
    const matches = take();
    for (const { weight, postings } of found) {
      for (const field of fields) {
        const counts = postings.get(field.id);
        if (!counts) continue;
        const average = internals._avgFieldLength[field.id] ?? 1;
        const idf = Math.log(1 + (internals._documentCount - counts.size + 0.5) / (counts.size + 0.5));
        const factor = weight * field.boost * idf;
        const lengths = fieldLengths[field.id] ?? new Float64Array(0);
        // The arrays as they are now: a change while this pauses makes new ones or leaves holes (count 0).
        const { docs, counts: frequencies, length: slots } = postingArrays(counts);
        for (let at = 0; at < slots; at++) {
          if (++steps % STEPS_A_PAUSE === 0) yield;
          const frequency = frequencies[at] ?? 0;
          if (frequency === 0) continue;
          const doc = docs[at] ?? 0;
          // A discarded document has no lengths (NaN); minisearch leaves its postings until it vacuums.
          const length = lengths[doc] ?? Number.NaN;
          if (Number.isNaN(length)) continue;
          const score =
            factor *
            (BM25.d +
              (frequency * (BM25.k + 1)) / (frequency + BM25.k * (1 - BM25.b + (BM25.b * length) / average)));
          const before = matches.score[doc] ?? 0;
          if (before === 0) matches.docs[matches.count++] = doc;
          matches.score[doc] = before + score;
        }
      }
    }
    for (const doc of matches.docs.subarray(0, matches.count)) {
      if (++steps % STEPS_A_PAUSE === 0) yield;
      matches.words[doc] = bit;
    }
    return matches;
  };

  const expansionsOf = (word: string, prefix: boolean, fuzzy: boolean): Expansion[] => {
    const expansions = new Map<string, Expansion>();
    const maxDistance = fuzzy && fuzzyFor(word) ? Math.min(MAX_FUZZY, Math.round(word.length * 0.2)) : 0;
    if (maxDistance > 0) {
      const variants = [...internals._index.fuzzyGet(word, maxDistance)]
        .filter(([, [, distance]]) => distance > 0)
        .map(([term, [postings, distance]]) => ({
          term,
          postings,
          distance,
          frequency: frequencyOf(postings),
        }))
        .sort((a, b) => a.distance - b.distance || b.frequency - a.frequency)
        .slice(0, MAX_VARIANTS);
      for (const { term, postings, distance } of variants)
        expansions.set(term, {
          term,
          weight:
            ((FUZZY_WEIGHT * term.length) / (term.length + distance)) * (distance > 1 ? FARTHER_WEIGHT : 1),
          postings,
        });
    }
    if (prefix) {
      // A completion that is also a typo variant counts as a completion, as in minisearch.
      for (const [term, postings] of internals._index.atPrefix(word)) {
        const distance = term.length - word.length;
        if (distance > 0)
          expansions.set(term, {
            term,
            weight: (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance),
            postings,
          });
      }
    }
    return [...expansions.values()];
  };

  const and = function* (a: Matches, b: Matches): Sliced<Matches> {
    const [small, large] = a.count <= b.count ? [a, b] : [b, a];
    // Kept documents are written back over the small list: never ahead of the one read.
    let kept = 0;
    let steps = 0;
    for (const doc of small.docs.subarray(0, small.count)) {
      if (++steps % STEPS_A_PAUSE === 0) yield;
      const other = large.score[doc] ?? 0;
      // A document dropped here is zeroed: a zero score is what "not matched" means later on.
      small.score[doc] = other === 0 ? 0 : (small.score[doc] ?? 0) + other;
      small.words[doc] = other === 0 ? 0 : (small.words[doc] ?? 0) | (large.words[doc] ?? 0);
      if (other !== 0) small.docs[kept++] = doc;
    }
    small.count = kept;
    return small;
  };
  const or = function* (a: Matches, b: Matches): Sliced<Matches> {
    let steps = 0;
    for (const doc of b.docs.subarray(0, b.count)) {
      if (++steps % STEPS_A_PAUSE === 0) yield;
      const before = a.score[doc] ?? 0;
      if (before === 0) a.docs[a.count++] = doc;
      a.score[doc] = before + (b.score[doc] ?? 0);
      a.words[doc] = (a.words[doc] ?? 0) | (b.words[doc] ?? 0);
    }
    return a;
  };

  /** The folded words of a term, as minisearch tokenizes and processes a query string. */
  const wordsOf = (text: string) =>
    tokenize(text)
      .map((token) => processTerm(token))
      .filter((word): word is string => word !== null && word !== '');

  /** Runs a parsed query; each distinct query word gets a bit (words past the 32nd share the last). */
  const run = function* (query: ParsedQuery, fuzzy: boolean) {
    const words: string[] = [];
    /** Per query word, and whether it was open (a prefix), the index terms it reached. */
    const expansions = new Map<string, { word: string; reached: Expansion[] }>();
    const bitOf = (word: string) => {
      let at = words.indexOf(word);
      if (at === -1) at = words.push(word) - 1;
      return 1 << Math.min(at, 31);
    };
    const last = query.clauses.length - 1;
    const alternative = function* (term: Term, open: boolean): Sliced<Matches | null> {
      let matches: Matches | null = null;
      for (const word of wordsOf(term.text)) {
        const key = `${open ? 'open' : 'whole'}:${word}`;
        const reached = expansions.get(key)?.reached ?? expansionsOf(word, open, fuzzy);
        expansions.set(key, { word, reached });
        const next = yield* matchWord(word, bitOf(word), reached);
        matches = matches ? yield* and(matches, next) : next;
      }
      return matches;
    };
    let result: Matches | null = null;
    for (const [position, clause] of query.clauses.entries()) {
      let union: Matches | null = null;
      for (const term of clause) {
        const matches = yield* alternative(term, query.lastWordOpen && position === last);
        if (matches) union = union ? yield* or(union, matches) : matches;
      }
      const clauseMatches = union ?? NO_MATCHES;
      result = result ? yield* and(result, clauseMatches) : clauseMatches;
    }
    return { result, words, expansions };
  };

  return {
    columns,
    idOf,
    docOf: (id) => internals._idToShortId.get(id),
    *match(query, fuzzy) {
      const { result, words, expansions } = yield* run(query, fuzzy);
      if (!result)
        return {
          docs: new Int32Array(0),
          scores: new Float64Array(0),
          termsOf: () => ({ terms: [], queryTerms: [] }),
        };
      const docs = result.docs.subarray(0, result.count);
      const scores = new Float64Array(docs.length);
      for (const [at, doc] of docs.entries()) {
        if (at % STEPS_A_PAUSE === STEPS_A_PAUSE - 1) yield;
        // As minisearch: a document matching more of the query's words ranks higher.
        const quality = popCount(result.words[doc] ?? 0) || 1;
        scores[at] = (result.score[doc] ?? 0) * quality;
      }
      const termsOf = (id: string): MatchedTerms => {
        const doc = internals._idToShortId.get(id) ?? -1;
        const mask = result.words[doc] ?? 0;
        const queryTerms = words.filter((_, at) => (mask & (1 << Math.min(at, 31))) !== 0);
        const terms = new Set<string>();
        for (const { word, reached } of expansions.values()) {
          if (!queryTerms.includes(word)) continue;
          const exact = internals._index.get(word);
          for (const { term, postings } of exact ? [{ term: word, postings: exact }, ...reached] : reached)
            if ([...postings.values()].some((counts) => counts.has(doc))) terms.add(term);
        }
        return { terms: [...terms], queryTerms };
      };
      return { docs, scores, termsOf };
    },
    *idsWithWord(word) {
      const folded = processTerm(word);
      const ids = new Set<string>();
      if (folded === null) return ids;
      const matches = yield* matchWord(folded, 1, []);
      for (const [at, doc] of matches.docs.subarray(0, matches.count).entries()) {
        if (at % STEPS_A_PAUSE === STEPS_A_PAUSE - 1) yield;
        const id = internals._documentIds.get(doc);
        if (id !== undefined) ids.add(id);
      }
      return ids;
    },
  };
}

/** Per index: dense per-document arrays lent to the matcher made last (see scratchFor). */
const scratchOf = new WeakMap<IndexInternals, { size: number; all: Matches[]; lent: number }>();

/**
 * Dense arrays for a query's words, reused from one search to the next: allocating a
 * megabyte or two per word at 100k bulletins made the collector stop queries every few
 * ones. Making a matcher takes back what the one before it was lent, so a matcher's
 * results are read before the next matcher of the same index is made: a search runs in slices,
 * so searches of one index run one after another (searchBulletins.ts queues them), each making
 * its matchers and done with them when it ends.
 */
function scratchFor(internals: IndexInternals, documents: number): () => Matches {
  let scratch = scratchOf.get(internals);
  // With room to grow: made again at every new size, every search during an import (each bulletin
  // a new next id) allocated its arrays afresh, 1.6 MB a word at 100k bulletins.
  if (!scratch || scratch.size < documents) {
    scratch = { size: Math.max(documents, Math.ceil((scratch?.size ?? 0) * 1.25)), all: [], lent: 0 };
    scratchOf.set(internals, scratch);
  }
  const { size } = scratch;
  const pool = scratch;
  pool.lent = 0;
  return () => {
    // A query of many words gets arrays of its own past the first few: the pool stays small.
    if (pool.lent >= POOLED) return emptyMatches(size);
    let matches = pool.all[pool.lent];
    if (matches) {
      matches.score.fill(0);
      matches.words.fill(0);
      matches.count = 0;
    } else {
      matches = emptyMatches(size);
      pool.all.push(matches);
    }
    pool.lent++;
    return matches;
  };
}

const POOLED = 8;

function emptyMatches(size: number): Matches {
  return {
    docs: new Int32Array(size),
    count: 0,
    score: new Float64Array(size),
    words: new Uint32Array(size),
  };
}

/** In how many documents a term occurs (its commonest field's count: a lower bound, and cheap). */
function frequencyOf(postings: Postings): number {
  let most = 0;
  for (const counts of postings.values()) most = Math.max(most, counts.size);
  return most;
}

/**
 * The index's terms as spelling correction sees them (spelling.ts): reads minisearch's tree of
 * terms, so a lookup costs a walk of the tree near the word, never a pass over the archive.
 */
export function indexVocabulary(index: MiniSearch<IndexedDoc>): Vocabulary {
  const terms = (index as unknown as IndexInternals)._index;
  return {
    frequency: (term) => {
      const postings = terms.get(term);
      return postings ? frequencyOf(postings) : 0;
    },
    hasCompletion: (prefix) => terms.atPrefix(prefix)[Symbol.iterator]().next().done === false,
    *neighbours(term, distance) {
      for (const [found, [postings]] of terms.fuzzyGet(term, distance)) yield [found, frequencyOf(postings)];
      // Two letters swapped: one edit for spelling, two for the tree's (Levenshtein) distance.
      for (let at = 0; at + 1 < term.length; at++) {
        const swapped = term.slice(0, at) + term.charAt(at + 1) + term.charAt(at) + term.slice(at + 2);
        const postings = swapped === term ? undefined : terms.get(swapped);
        if (postings) yield [swapped, frequencyOf(postings)];
      }
    },
  };
}

/** The index's own number for a document, which the columns are indexed by. */
export function documentNumber(index: MiniSearch<IndexedDoc>, id: string): number | undefined {
  return (index as unknown as IndexInternals)._idToShortId.get(id);
}

function popCount(bits: number): number {
  let count = 0;
  for (let rest = bits >>> 0; rest !== 0; rest &= rest - 1) count++;
  return count;
}
