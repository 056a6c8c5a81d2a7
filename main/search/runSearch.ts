import type { Bulletin } from '../../preload/contract';
import type { FacetSelection, Facets, SearchHint, SearchSort } from '../../preload/searchTypes';
import { countryNamesEverywhere } from '../../resources/locales/displayNames';
import { containsPhrase, foldedWords, searchableFields } from './documentText';
import { countFacets, facetsTest } from './facets';
import { firstInOrder } from './firstInOrder';
import { dateNumber, type DocColumns } from './docColumns';
import { processTerm } from './indexOptions';
import type { ParsedQuery, QueryFilters, Term } from './queryParser';
import { STEPS_A_PAUSE, type Sliced } from '../mainThread/slices';

/** What a candidate matched: index terms (prefix and typo variants included) and query words. */
export interface MatchedTerms {
  /** What to highlight. */
  terms: string[];
  /** Folded query words, to tell which alternative of an OR clause matched. */
  queryTerms: string[];
}

/**
 * What a matcher found, by its own document numbers: a result is named (id, Bulletin) only if it
 * is shown. What each matched is worked out on demand (the rows shown need it).
 */
export interface Matches {
  docs: Int32Array;
  /** Score of `docs[i]` at `scores[i]`. */
  scores: Float64Array;
  termsOf(id: string): MatchedTerms;
}

/**
 * Finds documents for the words of a query: the index when it is ready, a scan while it builds.
 * Each numbers the archive's bulletins its own way, and holds the columns of what a search filters,
 * counts and sorts by under those numbers.
 */
export interface Matcher {
  /** Every bulletin of the archive has a number whose `live` is 1 (a query of filters alone starts there). */
  readonly columns: DocColumns;
  /** Sliced (see slices.ts): a common word's postings can be most of the archive. */
  match(query: ParsedQuery, fuzzy: boolean): Sliced<Matches>;
  idOf(doc: number): string | undefined;
  docOf(id: string): number | undefined;
  /** Ids of bulletins containing the word (exactly, no prefix or typo), for -exclusions. */
  idsWithWord(word: string): Sliced<Set<string>>;
}

/**
 * The full articles kept offline, for quoted phrases (their words are in the index; their text is
 * on disk: main/offline/keptPhrases.ts reads the ones asked about, and the search runs again).
 */
export interface KeptPhraseLookup {
  /** Whether the bulletin's kept article has the phrase (folded words in order); false while unknown. */
  has(id: string, phrase: readonly string[]): boolean;
  /** The passage showing the phrase, for a bulletin found by its kept article in this search. */
  passage(id: string): string | undefined;
}

export interface SearchContext {
  matcher: Matcher;
  get(id: string): Bulletin | undefined;
  /** Whether a bulletin is in the view searched; left out when the view is the whole archive. */
  isInView?(id: string): boolean;
  isBookmarked(id: string): boolean;
  isRead(id: string): boolean;
  /** The user's notes as [bulletin id, text]: searched by a scan (they are few), and `is:noted`. */
  notes?: ReadonlyArray<readonly [string, string]>;
  /** The test for membership of the collection so named (case and accents aside), or undefined. */
  collectionNamed?(name: string): Sliced<((id: string) => boolean) | undefined>;
  /** Asked only of bulletins whose own fields lack a quoted phrase. */
  kept?: KeptPhraseLookup;
}

export interface SearchOptions {
  sort: SearchSort;
  facets: FacetSelection;
  /** Where the page of rows starts in the results (0 for the first). */
  offset: number;
  /** Rows to return; the total and the facets count them all. */
  limit: number;
  /** Only the ids of the page, in order (no Bulletins, no highlights): for actions on all results. */
  idsOnly?: boolean;
}

export interface Hit {
  bulletin: Bulletin;
  score: number;
  /** In a returned page: the terms that matched in this bulletin (and phrase words), for its passage. */
  terms?: string[];
}

export interface SearchAnswer {
  /** Empty when only ids were asked for. */
  hits: Hit[];
  /** The page's ids, in order. */
  ids: string[];
  total: number;
  /** Index terms that matched in the returned hits, for highlighting. */
  terms: string[];
  facets: Facets;
  hints: SearchHint[];
}

const nothingMatched = (): MatchedTerms => ({ terms: [], queryTerms: [] });

/** Under this many results, exact and prefix matching are not enough: try again tolerating typos. */
const FEW_RESULTS = 5;
/** A phrase checked in a bulletin's text counts as this many steps of a loop between pauses. */
const PHRASE_STEPS = 64;

/**
 * Runs a parsed query: words through the matcher (exact and prefix first, typo-tolerant when that
 * finds few), then the phrase, exclusion, view and filter checks, facet counts, and the order
 * asked for, all on the matcher's document numbers and columns; Bulletins are read for the rows
 * shown only. Free of electron and of the matcher's kind, so one path serves the index and the
 * scan that stands in while it builds. Sliced (see slices.ts): every step that grows with the
 * results has places to pause, so a search of a word most of the archive holds never holds
 * main's thread for more than a slice.
 */
export function* runSearch(
  parsed: ParsedQuery,
  context: SearchContext,
  options: SearchOptions,
): Sliced<SearchAnswer> {
  const query = withoutStopWordClauses(parsed);
  const { matcher } = context;
  const excluded = yield* excludedIds(query, context);
  const hints = [...query.hints];
  const inCollections: Array<(id: string) => boolean> = [];
  for (const name of query.filters.collections) {
    const member = context.collectionNamed ? yield* context.collectionNamed(name) : undefined;
    // An unknown name narrows to nothing, and says why, rather than being silently ignored.
    if (!member) hints.push({ code: 'unknownCollection', value: `${query.filters.inWord ?? 'in'}:${name}` });
    inCollections.push(member ?? (() => false));
  }
  const noted = new Set(context.notes?.map(([id]) => id));
  const { filters } = query;
  const checksId =
    context.isInView !== undefined ||
    excluded.size > 0 ||
    filters.bookmarked ||
    filters.unread ||
    filters.noted ||
    inCollections.length > 0;
  const acceptId = (id: string) =>
    (context.isInView?.(id) ?? true) &&
    !excluded.has(id) &&
    (!filters.bookmarked || context.isBookmarked(id)) &&
    (!filters.unread || !context.isRead(id)) &&
    (!filters.noted || noted.has(id)) &&
    inCollections.every((member) => member(id));
  const check: Check = { query, context, checksId, acceptId, passes: columnFilter(filters, matcher.columns) };

  if (query.clauses.length === 0) {
    const everything = yield* everyDocument(matcher.columns);
    return { ...(yield* pageOf(yield* accepted(everything, check), everything, check, options)), hints };
  }
  let found = yield* matcher.match(query, false);
  let hits = yield* accepted(found, check);
  if (hits.count < FEW_RESULTS) {
    const tolerantFound = yield* matcher.match(query, true);
    const tolerant = yield* accepted(tolerantFound, check);
    if (tolerant.count > hits.count) {
      hits = tolerant;
      found = tolerantFound;
    }
  }
  return { ...(yield* pageOf(yield* withNoteMatches(hits, check), found, check, options)), hints };
}

/** Every bulletin, unscored: what a query of filters alone narrows. */
function* everyDocument(columns: DocColumns): Sliced<Matches> {
  const docs = new Int32Array(columns.live.length);
  let count = 0;
  for (let doc = 0; doc < columns.live.length; doc++) {
    if (doc % STEPS_A_PAUSE === STEPS_A_PAUSE - 1) yield;
    if (columns.live[doc] === 1) docs[count++] = doc;
  }
  return { docs: docs.slice(0, count), scores: new Float64Array(count), termsOf: nothingMatched };
}

interface Check {
  query: ParsedQuery;
  context: SearchContext;
  /** False when no clause of the query, nor the view, depends on the bulletin's id: no id is looked up. */
  checksId: boolean;
  acceptId(id: string): boolean;
  /** The query's filters on the columns (source, country, language, dates). */
  passes(doc: number): boolean;
}

/** Accepted documents: `docs[i]` scored `scores[i]` for i below `count`. */
interface Accepted {
  docs: Int32Array;
  scores: Float64Array;
  count: number;
}

/** The documents found that really satisfy the query: live, filters on the columns, ids only where a clause needs them. */
function* accepted(found: Matches, check: Check): Sliced<Accepted> {
  const { query, context, checksId, acceptId, passes } = check;
  const { docs, scores } = found;
  const { columns, idOf } = context.matcher;
  const hasPhrase = query.clauses.some((clause) => clause.some((term) => term.phrase));
  const kept = new Int32Array(docs.length);
  const keptScores = new Float64Array(docs.length);
  let count = 0;
  // A phrase is checked in the bulletin's folded text (microseconds): it weighs more before a pause.
  const cost = hasPhrase ? PHRASE_STEPS : 1;
  let steps = 0;
  for (let at = 0; at < docs.length; at++) {
    if ((steps += cost) >= STEPS_A_PAUSE) {
      steps = 0;
      yield;
    }
    const doc = docs[at] ?? 0;
    if (columns.live[doc] !== 1 || !passes(doc)) continue;
    if (checksId || hasPhrase) {
      const id = idOf(doc);
      if (id === undefined || !acceptId(id)) continue;
      if (hasPhrase) {
        const bulletin = context.get(id);
        if (!bulletin || !satisfiesClauses(bulletin, found.termsOf(id), query.clauses, context.kept))
          continue;
      }
    }
    kept[count] = doc;
    keptScores[count] = scores[at] ?? 0;
    count++;
  }
  return { docs: kept, scores: keptScores, count };
}

/**
 * With the bulletins whose note has every clause of the query (the last word as a prefix while it
 * is typed), not already found by their own text. They rank with the best text match: the user's
 * own words about a bulletin are as telling as its title.
 */
function* withNoteMatches(hits: Accepted, check: Check): Sliced<Accepted> {
  const { query, context, acceptId, passes } = check;
  const { columns, docOf } = context.matcher;
  if (!context.notes?.length) return hits;
  const docs = hits.docs.subarray(0, hits.count);
  const scores = hits.scores.subarray(0, hits.count);
  const isFound = new Uint8Array(columns.live.length);
  for (const doc of docs) isFound[doc] = 1;
  const best = scores.reduce((top, score) => Math.max(top, score), 1);
  const lastClause = query.clauses.length - 1;
  const noted: number[] = [];
  for (const [id, text] of context.notes) {
    yield;
    const doc = docOf(id);
    if (doc === undefined || isFound[doc] === 1 || columns.live[doc] !== 1) continue;
    if (!passes(doc) || !acceptId(id)) continue;
    const noteWords = foldedWords(text);
    const has = (word: string, prefix: boolean) =>
      noteWords.some((noteWord) => (prefix ? noteWord.startsWith(word) : noteWord === word));
    const matches = query.clauses.every((clause, position) =>
      clause.some((term) => {
        const words = foldedWords(term.text);
        if (term.phrase) return containsPhrase([noteWords], words);
        const open = query.lastWordOpen && position === lastClause;
        return words.length > 0 && words.every((word) => has(word, open));
      }),
    );
    if (matches) noted.push(doc);
  }
  if (noted.length === 0) return hits;
  return {
    docs: Int32Array.from([...docs, ...noted]),
    scores: Float64Array.from([...scores, ...noted.map(() => best)]),
    count: hits.count + noted.length,
  };
}

/** Facets, the facet choice, the order and the page, on document numbers; Bulletins for the page only. */
function* pageOf(
  hits: Accepted,
  found: Matches,
  check: Check,
  options: SearchOptions,
): Sliced<Omit<SearchAnswer, 'hints'>> {
  const { columns, idOf } = check.context.matcher;
  const docs = hits.docs.subarray(0, hits.count);
  const scores = hits.scores.subarray(0, hits.count);
  const facets = yield* countFacets(columns, docs, options.facets);
  const chosen = facetsTest(columns, options.facets);
  const chosenAt = new Int32Array(docs.length);
  let total = 0;
  for (let at = 0; at < docs.length; at++) {
    if (at % STEPS_A_PAUSE === STEPS_A_PAUSE - 1) yield;
    if (chosen(docs[at] ?? 0)) chosenAt[total++] = at;
  }
  const positions = chosenAt.subarray(0, total);
  const published = columns.published;
  // Dates as numbers: no locale collation, no strings (sorting large results by them was slow).
  const newer = (a: number, b: number) => (published[docs[b] ?? 0] ?? 0) - (published[docs[a] ?? 0] ?? 0);
  const order =
    options.sort === 'date'
      ? (a: number, b: number) => newer(a, b) || (scores[b] ?? 0) - (scores[a] ?? 0)
      : // Scores are floats: "equal" within a hair, so recency decides between equally good matches.
        (a: number, b: number) => {
          const sa = scores[a] ?? 0;
          const sb = scores[b] ?? 0;
          return Math.abs(sb - sa) > 1e-9 * Math.max(sa, sb) ? sb - sa : newer(a, b);
        };
  const page = (yield* firstInOrder(positions, order, options.offset + options.limit)).slice(options.offset);
  const named: Array<{ id: string; score: number }> = [];
  for (const [step, at] of page.entries()) {
    if (step % STEPS_A_PAUSE === STEPS_A_PAUSE - 1) yield;
    const id = idOf(docs[at] ?? 0);
    if (id !== undefined) named.push({ id, score: scores[at] ?? 0 });
  }
  const ids = named.map((hit) => hit.id);
  if (options.idsOnly) return { hits: [], ids, total, terms: [], facets };
  const shown: Hit[] = [];
  for (const { id, score } of named) {
    const bulletin = check.context.get(id);
    if (bulletin) shown.push({ bulletin, score });
  }
  return { ...highlighted(shown, found, check.query), ids, total, facets };
}

/**
 * Index terms that matched in each row shown and in all of them, with the words of phrases (the
 * index may have matched them as prefixes). A row's own terms pick its passage: with the terms of
 * every row, a common prefix ("migr") asked each row for dozens of words it lacks.
 */
function highlighted(
  shown: readonly Hit[],
  found: Matches,
  query: ParsedQuery,
): { hits: Hit[]; terms: string[] } {
  const phraseWords = query.clauses.flatMap((clause) =>
    clause.flatMap((term) => (term.phrase ? foldedWords(term.text) : [])),
  );
  const all = new Set<string>(phraseWords);
  const hits = shown.map(({ bulletin, score }) => {
    const terms = [...new Set([...found.termsOf(bulletin.id).terms, ...phraseWords])];
    for (const term of terms) all.add(term);
    return { bulletin, score, terms };
  });
  return { hits, terms: [...all] };
}

/** The column part of a query's filters (source, country, language, dates); each value tested once per code. */
function columnFilter(filters: QueryFilters, columns: DocColumns): (doc: number) => boolean {
  const tests: Array<(doc: number) => boolean> = [];
  if (filters.sources.length > 0) {
    const source = perCode(columns.sources, (name) =>
      filters.sources.some((value) => containsWords(name, value)),
    );
    tests.push((doc) => source(columns.source[doc] ?? -1));
  }
  if (filters.countries.length > 0) {
    const country = perCode(columns.countries, (name) =>
      filters.countries.some((value) => countryMatches(name, value)),
    );
    tests.push(
      (doc) => country(columns.country[doc] ?? -1) || (columns.moreCountries.get(doc) ?? []).some(country),
    );
  }
  if (filters.languages.length > 0) {
    const language = perCode(columns.languages, (name) => languageMatches(name, filters.languages));
    tests.push((doc) => language(columns.language[doc] ?? -1));
  }
  // Dates are exclusive and whole days: compare the YYYYMMDD part of the column.
  const day = (doc: number) => Math.floor((columns.published[doc] ?? 0) / 1e6);
  if (filters.before !== undefined) {
    const before = Math.floor(dateNumber(filters.before) / 1e6);
    tests.push((doc) => day(doc) < before);
  }
  if (filters.after !== undefined) {
    const after = Math.floor(dateNumber(filters.after) / 1e6);
    tests.push((doc) => day(doc) > after);
  }
  return (doc) => tests.every((test) => test(doc));
}

/** A test of a dictionary's values, worked out once per code. */
function perCode(values: readonly string[], test: (value: string) => boolean): (code: number) => boolean {
  const known = new Map<number, boolean>();
  return (code) => {
    let answer = known.get(code);
    if (answer === undefined) {
      const value = values[code];
      answer = value !== undefined && test(value);
      known.set(code, answer);
    }
    return answer;
  };
}

function languageMatches(language: string, wanted: readonly string[]): boolean {
  const lower = language.toLowerCase();
  return wanted.some((value) => lower === value || lower.startsWith(`${value}-`));
}

function satisfiesClauses(
  bulletin: Bulletin,
  matched: MatchedTerms,
  clauses: readonly Term[][],
  kept: KeptPhraseLookup | undefined,
): boolean {
  const fields = searchableFields(bulletin).map(foldedWords);
  const matchedWords = new Set(matched.queryTerms);
  return clauses.every((clause) =>
    clause.some((term) =>
      term.phrase
        ? phraseFound(bulletin.id, fields, foldedWords(term.text), kept)
        : foldedWords(term.text).some((word) => matchedWords.has(word)),
    ),
  );
}

/** In the bulletin's own fields, else in its kept article (asked only then: reading it costs a file). */
function phraseFound(
  id: string,
  fields: readonly string[][],
  phrase: readonly string[],
  kept: KeptPhraseLookup | undefined,
): boolean {
  return containsPhrase(fields, phrase) || (kept?.has(id, phrase) ?? false);
}

function* excludedIds(query: ParsedQuery, context: SearchContext): Sliced<Set<string>> {
  const ids = new Set<string>();
  for (const term of query.exclude) {
    const words = foldedWords(term.text);
    if (!term.phrase) {
      for (const word of words) for (const id of yield* context.matcher.idsWithWord(word)) ids.add(id);
      continue;
    }
    // A phrase is excluded where its first word occurs and the whole phrase follows.
    for (const id of yield* context.matcher.idsWithWord(words[0] ?? '')) {
      yield;
      const bulletin = context.get(id);
      if (bulletin && phraseFound(id, searchableFields(bulletin).map(foldedWords), words, context.kept))
        ids.add(id);
    }
  }
  return ids;
}

/** `country:costa` matches "Costa Rica", `source:"iom pana"` "IOM Panamá": folded, from a word start. */
function containsWords(text: string, value: string): boolean {
  const haystack = ` ${foldedWords(text).join(' ')}`;
  return haystack.includes(` ${foldedWords(value).join(' ')}`);
}

/** `country:` finds a country by its name in any UI language: `país:méxico`, `pays:mexique`. */
function countryMatches(englishName: string, value: string): boolean {
  return countryNamesEverywhere(englishName).some((name) => containsWords(name, value));
}

/**
 * Drops clauses whose every word is a stop word ("the", "de"): the index has
 * no entry for them, so as a clause of their own they would match nothing.
 */
export function withoutStopWordClauses(query: ParsedQuery): ParsedQuery {
  const meaningful = (term: Term) => foldedWords(term.text).some((word) => processTerm(word) !== null);
  const clauses = query.clauses
    .map((clause) => clause.filter(meaningful))
    .filter((clause) => clause.length > 0);
  return { ...query, clauses };
}
