import type { Bulletin } from '../../preload/contract';
import type { FacetSelection, Facets, SearchHint, SearchSort } from '../../preload/searchTypes';
import { containsPhrase, foldedWords, searchableFields } from './documentText';
import { countFacets, matchesFacets } from './facets';
import { processTerm } from './indexOptions';
import type { ParsedQuery, QueryFilters, Term } from './queryParser';

/** A bulletin a matcher found, with the folded query words it matched and the index terms behind them. */
export interface Candidate {
  id: string;
  score: number;
  /** Index terms that matched (prefix and typo variants included): what to highlight. */
  terms: string[];
  /** Folded query words that matched, to tell which alternative of an OR clause did. */
  queryTerms: string[];
}

/** Finds candidates for the words of a query: the index when it is ready, a scan while it builds. */
export interface Matcher {
  match(query: ParsedQuery, fuzzy: boolean): Candidate[];
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

  let matched: Array<Hit & { terms: string[] }>;
  if (query.clauses.length === 0) {
    matched = context.inView.filter(accept).map((bulletin) => ({ bulletin, score: 0, terms: [] }));
  } else {
    matched = verified(context.matcher.match(query, false), query, context, accept);
    if (matched.length < FEW_RESULTS) {
      const tolerant = verified(context.matcher.match(query, true), query, context, accept);
      if (tolerant.length > matched.length) matched = tolerant;
    }
    matched.push(...noteMatches(query, context, accept, matched));
  }

  const facets = countFacets(
    matched.map((hit) => hit.bulletin),
    options.facets,
  );
  const results = matched.filter((hit) => matchesFacets(hit.bulletin, options.facets));
  results.sort(options.sort === 'date' ? byDate : byRelevance);
  const shown = results.slice(0, options.limit);
  const terms = new Set<string>();
  for (const hit of shown) for (const term of hit.terms) terms.add(term);
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
  candidates: readonly Candidate[],
  query: ParsedQuery,
  context: SearchContext,
  accept: (bulletin: Bulletin) => boolean,
): Array<Hit & { terms: string[] }> {
  const hasPhrase = query.clauses.some((clause) => clause.some((term) => term.phrase));
  const hits: Array<Hit & { terms: string[] }> = [];
  for (const candidate of candidates) {
    const bulletin = context.get(candidate.id);
    if (!bulletin || !accept(bulletin)) continue;
    if (hasPhrase && !satisfiesClauses(bulletin, candidate, query.clauses)) continue;
    hits.push({ bulletin, score: candidate.score, terms: candidate.terms });
  }
  return hits;
}

function satisfiesClauses(bulletin: Bulletin, candidate: Candidate, clauses: readonly Term[][]): boolean {
  const fields = searchableFields(bulletin).map(foldedWords);
  const matchedWords = new Set(candidate.queryTerms);
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
  const day = bulletin.published.slice(0, 10);
  if (filters.before !== undefined && !(day < filters.before)) return false;
  if (filters.after !== undefined && !(day > filters.after)) return false;
  if (filters.bookmarked && !context.isBookmarked(bulletin.id)) return false;
  if (filters.unread && context.isRead(bulletin.id)) return false;
  return true;
}

/** `country:costa` matches "Costa Rica", `source:"iom pana"` "IOM Panamá": folded, from a word start. */
function containsWords(text: string, value: string): boolean {
  const haystack = ` ${foldedWords(text).join(' ')}`;
  return haystack.includes(` ${foldedWords(value).join(' ')}`);
}

const byDate = (a: Hit, b: Hit) =>
  b.bulletin.published.localeCompare(a.bulletin.published) || b.score - a.score;

// Scores are floats: "equal" within a hair, so recency decides between equally good matches.
const byRelevance = (a: Hit, b: Hit) =>
  Math.abs(b.score - a.score) > 1e-9 * Math.max(a.score, b.score)
    ? b.score - a.score
    : b.bulletin.published.localeCompare(a.bulletin.published);

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
