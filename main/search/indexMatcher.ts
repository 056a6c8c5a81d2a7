import type MiniSearch from 'minisearch';
import type { Query } from 'minisearch';
import { fuzzyFor, type IndexedDoc } from './indexOptions';
import type { ParsedQuery, Term } from './queryParser';
import type { Candidate, Matcher } from './runSearch';

/**
 * Matches through the minisearch index: clauses AND-ed, alternatives OR-ed, a
 * phrase as all its words (runSearch checks their order), prefix only on the
 * word being typed, and typo tolerance when asked.
 */
export function indexMatcher(index: MiniSearch<IndexedDoc>): Matcher {
  return {
    match(query, fuzzy) {
      const results = index.search(toQuery(query), { fuzzy: fuzzy ? fuzzyFor : false, prefix: false });
      return results.map((result): Candidate => ({
        id: String(result.id),
        score: result.score,
        terms: result.terms,
        queryTerms: result.queryTerms,
      }));
    },
    idsWithWord(word) {
      return new Set(index.search(word, { prefix: false, fuzzy: false }).map((result) => String(result.id)));
    },
  };
}

function toQuery(query: ParsedQuery): Query {
  const last = query.clauses.length - 1;
  return {
    combineWith: 'AND',
    queries: query.clauses.map((clause, position) => ({
      combineWith: 'OR',
      queries: clause.map((term) => alternative(term, query.lastWordOpen && position === last)),
    })),
  };
}

function alternative(term: Term, open: boolean): Query {
  return { combineWith: 'AND', prefix: open, queries: [term.text] };
}
