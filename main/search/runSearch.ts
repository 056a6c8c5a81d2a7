import type { Bulletin } from '../../preload/contract';
import type { FacetSelection, Facets, SearchHint, SearchSort } from '../../preload/searchTypes';
import { containsPhrase, foldedWords, searchableFields } from './documentText';
import { countFacets, matchesFacets } from './facets';
import { firstInOrder } from './firstInOrder';
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

/** What a matcher found; what each candidate matched is worked out on demand (the rows shown need it). */
export interface Matches {
  candidates: Candidate[];
  termsOf(id: string): MatchedTerms;
}

/** Finds candidates for the words of a query: the index when it is ready, a scan while it builds. */
export interface Matcher {
  match(query: ParsedQuery, fuzzy: boolean): Matches;
  /** Ids of bulletins containing the word (exactly, no prefix or typo), for -exclusions. */
  idsWithWord(word: string): Set<string>;
}

export interface SearchContext {
  matcher: Matcher;
  get(id: string): Bulletin | undefined;
  /** Every bulletin in the view searched, newest first (used when a query has filters only). */
  inView: readonly Bulletin[];
  isInView(bulletin: Bulletin): boolean;
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
}

export interface Hit {
  bulletin: Bulletin;
  score: number;
}

export interface SearchAnswer {
  hits: Hit[];
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
    if (!member) hints.push({ code: 'unknownCollection', value: `in:${name}` });
    return member ?? (() => false);
  });
  const noted = new Set(context.notes?.map(([id]) => id));
  const accept = (bulletin: Bulletin) =>
    context.isInView(bulletin) &&
    !excluded.has(bulletin.id) &&
    passesFilters(bulletin, query.filters, context) &&
    (!query.filters.noted || noted.has(bulletin.id)) &&
    inCollections.every((member) => member(bulletin.id));

  let matched: Hit[];
  let found: Matches = { candidates: [], termsOf: nothingMatched };
  if (query.clauses.length === 0) {
    matched = context.inView.filter(accept).map((bulletin) => ({ bulletin, score: 0 }));
  } else {
    found = context.matcher.match(query, false);
    matched = verified(found, query, context, accept);
    if (matched.length < FEW_RESULTS) {
      const tolerantFound = context.matcher.match(query, true);
      const tolerant = verified(tolerantFound, query, context, accept);
      if (tolerant.length > matched.length) {
        matched = tolerant;
        found = tolerantFound;
      }
    }
    matched.push(...noteMatches(query, context, accept, matched));
  }

  const facets = countFacets(
    matched.map((hit) => hit.bulletin),
    options.facets,
  );
  const results = matched.filter((hit) => matchesFacets(hit.bulletin, options.facets));
  const order = options.sort === 'date' ? byDate : byRelevance;
  const shown = firstInOrder(results, order, options.offset + options.limit).slice(options.offset);
  const terms = new Set<string>();
  for (const hit of shown) for (const term of found.termsOf(hit.bulletin.id).terms) terms.add(term);
  // Phrase words are highlighted too: the index may have matched them under a prefix.
  for (const clause of query.clauses)
    for (const term of clause) if (term.phrase) for (const word of foldedWords(term.text)) terms.add(word);

  return {
    hits: shown.map(({ bulletin, score }) => ({ bulletin, score })),
    total: results.length,
    terms: [...terms],
    facets,
    hints,
  };
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
  found: ReadonlyArray<Hit>,
): Array<Hit & { terms: string[] }> {
  if (!context.notes?.length) return [];
  const already = new Set(found.map((hit) => hit.bulletin.id));
  const score = found.reduce((best, hit) => Math.max(best, hit.score), 1);
  const lastClause = query.clauses.length - 1;
  const hits: Array<Hit & { terms: string[] }> = [];
  for (const [id, text] of context.notes) {
    if (already.has(id)) continue;
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
    if (matches) hits.push({ bulletin, score, terms: [] });
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

function passesFilters(bulletin: Bulletin, filters: QueryFilters, context: SearchContext): boolean {
  if (filters.sources.length > 0 && !filters.sources.some((value) => containsWords(bulletin.source, value)))
    return false;
  if (
    filters.countries.length > 0 &&
    !filters.countries.some((value) => bulletin.countries.some((country) => containsWords(country, value)))
  )
    return false;
  if (
    filters.languages.length > 0 &&
    !filters.languages.some((value) => {
      const language = bulletin.language.toLowerCase();
      return language === value || language.startsWith(`${value}-`);
    })
  )
    return false;
  if (filters.before !== undefined && !(bulletin.published.slice(0, 10) < filters.before)) return false;
  if (filters.after !== undefined && !(bulletin.published.slice(0, 10) > filters.after)) return false;
  if (filters.bookmarked && !context.isBookmarked(bulletin.id)) return false;
  if (filters.unread && context.isRead(bulletin.id)) return false;
  return true;
}

/** `country:costa` matches "Costa Rica", `source:"iom pana"` "IOM Panamá": folded, from a word start. */
function containsWords(text: string, value: string): boolean {
  const haystack = ` ${foldedWords(text).join(' ')}`;
  return haystack.includes(` ${foldedWords(value).join(' ')}`);
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
function withoutStopWordClauses(query: ParsedQuery): ParsedQuery {
  const meaningful = (term: Term) => foldedWords(term.text).some((word) => processTerm(word) !== null);
  const clauses = query.clauses
    .map((clause) => clause.filter(meaningful))
    .filter((clause) => clause.length > 0);
  return { ...query, clauses };
}
