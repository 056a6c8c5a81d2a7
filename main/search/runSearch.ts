import type { Bulletin } from '../../preload/contract';
import type { FacetSelection, Facets, SearchHint, SearchSort } from '../../preload/searchTypes';
import { countryNamesEverywhere } from '../../resources/locales/displayNames';
import { containsPhrase, foldedWords, searchableFields } from './documentText';
import { countFacets, countFacetsOfDocs, facetsTestOfDocs, matchesFacets } from './facets';
import { firstInOrder } from './firstInOrder';
import { dateNumber, type DocColumns } from './docColumns';
import { processTerm } from './indexOptions';
import type { ParsedQuery, QueryFilters, Term } from './queryParser';

/** A bulletin a matcher found. */
export interface Candidate {
  id: string;
  score: number;
}

/** What a candidate matched: index terms (prefix and typo variants included) and query words. */
export interface MatchedTerms {
  /** What to highlight. */
  terms: string[];
  /** Folded query words, to tell which alternative of an OR clause matched. */
  queryTerms: string[];
}

/**
 * The index's candidates by its own document numbers, with the columns of what a search
 * filters, counts and sorts by: a result is named (id, Bulletin) only if it is shown.
 */
export interface NumberedMatches {
  docs: Int32Array;
  /** Score of `docs[i]` at `scores[i]`. */
  scores: Float64Array;
  columns: DocColumns;
  idOf(doc: number): string | undefined;
}

/** What a matcher found; what each candidate matched is worked out on demand (the rows shown need it). */
export interface Matches {
  candidates: Candidate[];
  termsOf(id: string): MatchedTerms;
  numbered?: NumberedMatches;
}

/** Finds candidates for the words of a query: the index when it is ready, a scan while it builds. */
export interface Matcher {
  match(query: ParsedQuery, fuzzy: boolean): Matches;
  /** Ids of bulletins containing the word (exactly, no prefix or typo), for -exclusions. */
  idsWithWord(word: string): Set<string>;
  /** The index's number for a bulletin (the index's matcher only). */
  docOf?(id: string): number | undefined;
}

export interface SearchContext {
  matcher: Matcher;
  get(id: string): Bulletin | undefined;
  /** Every bulletin in the view searched, newest first (used when a query has filters only). */
  inView(): readonly Bulletin[];
  /** Whether a bulletin is in the view searched; left out when the view is the whole archive. */
  isInView?(id: string): boolean;
  isBookmarked(id: string): boolean;
  isRead(id: string): boolean;
  /** The user's notes as [bulletin id, text]: searched by a scan (they are few), and `is:noted`. */
  notes?: ReadonlyArray<readonly [string, string]>;
  /** The test for membership of the collection so named (case and accents aside), or undefined. */
  collectionNamed?(name: string): ((id: string) => boolean) | undefined;
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

/**
 * Runs a parsed query: words through the matcher (exact and prefix first,
 * typo-tolerant when that finds few), then the phrase, exclusion, view and
 * filter checks, facet counts, and the order asked for. Free of electron and
 * of the index's kind, so the same path serves the index and the fallback scan.
 */
export function runSearch(parsed: ParsedQuery, context: SearchContext, options: SearchOptions): SearchAnswer {
  const query = withoutStopWordClauses(parsed);
  const excluded = excludedIds(query, context);
  const hints = [...query.hints];
  const inCollections = query.filters.collections.map((name) => {
    const member = context.collectionNamed?.(name);
    // An unknown name narrows to nothing, and says why, rather than being silently ignored.
    if (!member) hints.push({ code: 'unknownCollection', value: `${query.filters.inWord ?? 'in'}:${name}` });
    return member ?? (() => false);
  });
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
  const accept = (bulletin: Bulletin) => acceptId(bulletin.id) && passesFilters(bulletin, filters);

  let matched: Hit[];
  let found: Matches = { candidates: [], termsOf: nothingMatched };
  if (query.clauses.length === 0) {
    matched = context
      .inView()
      .filter(accept)
      .map((bulletin) => ({ bulletin, score: 0 }));
  } else {
    found = context.matcher.match(query, false);
    const numbered = found.numbered;
    if (numbered) {
      const check = { query, context, checksId, acceptId };
      let hits = numberedHits(found, numbered, check);
      if (hits.count < FEW_RESULTS) {
        const tolerantFound = context.matcher.match(query, true);
        const tolerant = tolerantFound.numbered && numberedHits(tolerantFound, tolerantFound.numbered, check);
        if (tolerant && tolerant.count > hits.count) {
          hits = tolerant;
          found = tolerantFound;
        }
      }
      return { ...pageOfNumbered(hits, numbered.columns, found, query, context, accept, options), hints };
    }
    matched = verified(found, query, context, accept);
    if (matched.length < FEW_RESULTS) {
      const tolerantFound = context.matcher.match(query, true);
      const tolerant = verified(tolerantFound, query, context, accept);
      if (tolerant.length > matched.length) {
        matched = tolerant;
        found = tolerantFound;
      }
    }
    const already = new Set(matched.map((hit) => hit.bulletin.id));
    const best = matched.reduce((top, hit) => Math.max(top, hit.score), 1);
    matched.push(...noteMatches(query, context, accept, (id) => already.has(id), best));
  }

  const facets = countFacets(
    matched.map((hit) => hit.bulletin),
    options.facets,
  );
  const results = matched.filter((hit) => matchesFacets(hit.bulletin, options.facets));
  const order = options.sort === 'date' ? byDate : byRelevance;
  const shown = firstInOrder(results, order, options.offset + options.limit).slice(options.offset);
  return {
    ...highlighted(shown, found, query),
    ids: shown.map((hit) => hit.bulletin.id),
    total: results.length,
    facets,
    hints,
  };
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

interface NumberedCheck {
  query: ParsedQuery;
  context: SearchContext;
  /** False when no clause of the query, nor the view, depends on the bulletin's id: no id is looked up. */
  checksId: boolean;
  acceptId(id: string): boolean;
}

/** Accepted candidates, by document number: `docs[i]` scored `scores[i]` for i below `count`. */
interface NumberedHits {
  docs: Int32Array;
  scores: Float64Array;
  count: number;
}

/** `verified` over the index's document numbers: filters on the columns, ids only where a clause needs them. */
function numberedHits(found: Matches, numbered: NumberedMatches, check: NumberedCheck): NumberedHits {
  const { query, context, checksId, acceptId } = check;
  const { docs, scores, columns, idOf } = numbered;
  const passes = columnFilter(query.filters, columns);
  const hasPhrase = query.clauses.some((clause) => clause.some((term) => term.phrase));
  const kept = new Int32Array(docs.length);
  const keptScores = new Float64Array(docs.length);
  let count = 0;
  for (let at = 0; at < docs.length; at++) {
    const doc = docs[at] ?? 0;
    if (columns.live[doc] !== 1 || !passes(doc)) continue;
    if (checksId || hasPhrase) {
      const id = idOf(doc);
      if (id === undefined || !acceptId(id)) continue;
      if (hasPhrase) {
        const bulletin = context.get(id);
        if (!bulletin || !satisfiesClauses(bulletin, found.termsOf(id), query.clauses)) continue;
      }
    }
    kept[count] = doc;
    keptScores[count] = scores[at] ?? 0;
    count++;
  }
  return { docs: kept, scores: keptScores, count };
}

/** Facets, the facet choice, the order and the page, on document numbers; Bulletins for the page only. */
function pageOfNumbered(
  hits: NumberedHits,
  columns: DocColumns,
  found: Matches,
  query: ParsedQuery,
  context: SearchContext,
  accept: (bulletin: Bulletin) => boolean,
  options: SearchOptions,
): Omit<SearchAnswer, 'hints'> {
  let docs = hits.docs.subarray(0, hits.count);
  let scores = hits.scores.subarray(0, hits.count);
  if (context.notes?.length) {
    const docOf = context.matcher.docOf;
    const isFound = new Uint8Array(columns.live.length);
    for (const doc of docs) isFound[doc] = 1;
    const best = scores.reduce((top, score) => Math.max(top, score), 1);
    const alreadyFound = (id: string) => isFound[docOf?.(id) ?? -1] === 1;
    const noted = noteMatches(query, context, accept, alreadyFound, best).flatMap(({ bulletin, score }) => {
      const doc = docOf?.(bulletin.id);
      return doc === undefined ? [] : [{ doc, score }];
    });
    if (noted.length > 0) {
      docs = Int32Array.from([...docs, ...noted.map((hit) => hit.doc)]);
      scores = Float64Array.from([...scores, ...noted.map((hit) => hit.score)]);
    }
  }
  const facets = countFacetsOfDocs(columns, docs, options.facets);
  const chosen = facetsTestOfDocs(columns, options.facets);
  const chosenAt = new Int32Array(docs.length);
  let total = 0;
  for (let at = 0; at < docs.length; at++) if (chosen(docs[at] ?? 0)) chosenAt[total++] = at;
  const positions = chosenAt.subarray(0, total);
  const published = columns.published;
  const newer = (a: number, b: number) => (published[docs[b] ?? 0] ?? 0) - (published[docs[a] ?? 0] ?? 0);
  const order =
    options.sort === 'date'
      ? (a: number, b: number) => newer(a, b) || (scores[b] ?? 0) - (scores[a] ?? 0)
      : (a: number, b: number) => {
          const sa = scores[a] ?? 0;
          const sb = scores[b] ?? 0;
          return Math.abs(sb - sa) > 1e-9 * Math.max(sa, sb) ? sb - sa : newer(a, b);
        };
  const page = firstInOrder(positions, order, options.offset + options.limit).slice(options.offset);
  const named = page.flatMap((at) => {
    const id = found.numbered?.idOf(docs[at] ?? 0);
    return id === undefined ? [] : [{ id, score: scores[at] ?? 0 }];
  });
  const ids = named.map((hit) => hit.id);
  if (options.idsOnly) return { hits: [], ids, total, terms: [], facets };
  const shown: Hit[] = [];
  for (const { id, score } of named) {
    const bulletin = context.get(id);
    if (bulletin) shown.push({ bulletin, score });
  }
  return { ...highlighted(shown, found, query), ids, total, facets };
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

/**
 * Bulletins whose note has every clause of the query (the last word as a prefix while it is
 * typed), not already found by their own text. They rank with the best text match: the user's
 * own words about a bulletin are as telling as its title.
 */
function noteMatches(
  query: ParsedQuery,
  context: SearchContext,
  accept: (bulletin: Bulletin) => boolean,
  alreadyFound: (id: string) => boolean,
  score: number,
): Hit[] {
  if (!context.notes?.length) return [];
  const lastClause = query.clauses.length - 1;
  const hits: Hit[] = [];
  for (const [id, text] of context.notes) {
    if (alreadyFound(id)) continue;
    const bulletin = context.get(id);
    if (!bulletin || !accept(bulletin)) continue;
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
    if (matches) hits.push({ bulletin, score });
  }
  return hits;
}

/** Candidates that really satisfy every clause (phrases checked against the text) and the filters. */
function verified(
  found: Matches,
  query: ParsedQuery,
  context: SearchContext,
  accept: (bulletin: Bulletin) => boolean,
): Hit[] {
  const hasPhrase = query.clauses.some((clause) => clause.some((term) => term.phrase));
  const hits: Hit[] = [];
  for (const candidate of found.candidates) {
    const bulletin = context.get(candidate.id);
    if (!bulletin || !accept(bulletin)) continue;
    if (hasPhrase && !satisfiesClauses(bulletin, found.termsOf(candidate.id), query.clauses)) continue;
    hits.push({ bulletin, score: candidate.score });
  }
  return hits;
}

function satisfiesClauses(bulletin: Bulletin, matched: MatchedTerms, clauses: readonly Term[][]): boolean {
  const fields = searchableFields(bulletin).map(foldedWords);
  const matchedWords = new Set(matched.queryTerms);
  return clauses.every((clause) =>
    clause.some((term) =>
      term.phrase
        ? containsPhrase(fields, foldedWords(term.text))
        : foldedWords(term.text).some((word) => matchedWords.has(word)),
    ),
  );
}

function excludedIds(query: ParsedQuery, context: SearchContext): Set<string> {
  const ids = new Set<string>();
  for (const term of query.exclude) {
    const words = foldedWords(term.text);
    if (!term.phrase) {
      for (const word of words) for (const id of context.matcher.idsWithWord(word)) ids.add(id);
      continue;
    }
    // A phrase is excluded where its first word occurs and the whole phrase follows.
    for (const id of context.matcher.idsWithWord(words[0] ?? '')) {
      const bulletin = context.get(id);
      if (bulletin && containsPhrase(searchableFields(bulletin).map(foldedWords), words)) ids.add(id);
    }
  }
  return ids;
}

function passesFilters(bulletin: Bulletin, filters: QueryFilters): boolean {
  if (filters.sources.length > 0 && !filters.sources.some((value) => containsWords(bulletin.source, value)))
    return false;
  if (
    filters.countries.length > 0 &&
    !filters.countries.some((value) => bulletin.countries.some((country) => countryMatches(country, value)))
  )
    return false;
  if (filters.languages.length > 0 && !languageMatches(bulletin.language, filters.languages)) return false;
  if (filters.before !== undefined && !(bulletin.published.slice(0, 10) < filters.before)) return false;
  if (filters.after !== undefined && !(bulletin.published.slice(0, 10) > filters.after)) return false;
  return true;
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

// ISO dates order by code unit: no locale collation (it made sorting large results slow).
const newerFirst = (a: Hit, b: Hit) =>
  a.bulletin.published < b.bulletin.published ? 1 : a.bulletin.published > b.bulletin.published ? -1 : 0;

const byDate = (a: Hit, b: Hit) => newerFirst(a, b) || b.score - a.score;

// Scores are floats: "equal" within a hair, so recency decides between equally good matches.
const byRelevance = (a: Hit, b: Hit) =>
  Math.abs(b.score - a.score) > 1e-9 * Math.max(a.score, b.score) ? b.score - a.score : newerFirst(a, b);

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
