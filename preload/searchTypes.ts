/** Search types shared by main and the renderer (plain JSON, see contract.ts). */

export type SearchSort = 'relevance' | 'date';

export type FacetName = 'source' | 'country' | 'year' | 'language';

/** Chosen facet values; values of one facet are alternatives, facets combine with AND. */
export type FacetSelection = Partial<Record<FacetName, string[]>>;

export interface FacetValue {
  value: string;
  count: number;
}

/** Per facet, its values among the results, most frequent first. */
export type Facets = Record<FacetName, FacetValue[]>;

/** Something about the query the user should know; the renderer words it. */
export interface SearchHint {
  code:
    | 'unknownFilter'
    | 'badDate'
    | 'badValue'
    | 'unclosedQuote'
    | 'danglingOr'
    | 'unknownCollection'
    | 'indexing'
    /** Some texts could not be read in time for a quoted phrase: their matches may be missing. */
    | 'phrasesUnchecked';
  /** The piece of the query the hint is about. */
  value: string;
}

/** A search answered for likelier words than those typed (the archive lacks the typed ones). */
export interface SearchCorrection {
  /** The query searched, with the likely words in place of the typed ones. */
  searched: string;
  /** The query as typed: searching it again with `literal` keeps it as it is. */
  typed: string;
}

export interface IndexStatus {
  state: 'ready' | 'building';
  /** 0..1 while building. */
  progress: number;
}
