import MiniSearch, { type SearchResult } from 'minisearch';
import type { Bulletin } from '../../preload/contract';
import { htmlToText } from './htmlText';
import { foldTerm } from './normalise';

export interface SearchHit {
  id: string;
  score: number;
}

export interface SearchOutcome {
  hits: SearchHit[];
  /** Folded index terms that matched, for highlighting. */
  terms: string[];
}

export interface SearchIndex {
  add(bulletins: readonly Bulletin[]): void;
  /** Re-indexes bulletins whose content changed (adds any not yet indexed). */
  update(bulletins: readonly Bulletin[]): void;
  search(text: string): SearchOutcome;
}

const FIELDS = ['title', 'summary', 'body', 'source'] as const;

/**
 * Full-text search over bulletins with minisearch. Settings follow what works
 * for VitePress's local search: title boosted, prefix matching so results come
 * while the last word is being typed, and fuzzy matching only for longer words,
 * where a typo is likelier than a different word.
 */
export function createSearchIndex(): SearchIndex {
  const index = new MiniSearch<Bulletin>({
    fields: [...FIELDS],
    storeFields: [],
    extractField: (bulletin, field) => {
      if (field === 'body') return bulletin.bodyHtml ? htmlToText(bulletin.bodyHtml) : '';
      return (bulletin as unknown as Record<string, unknown>)[field] as string;
    },
    processTerm: (term) => foldTerm(term) || null,
    searchOptions: {
      boost: { title: 3, summary: 1.5 },
      prefix: true,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      combineWith: 'AND',
    },
  });

  return {
    add(bulletins) {
      index.addAll(bulletins.filter((bulletin) => !index.has(bulletin.id)));
    },
    update(bulletins) {
      for (const bulletin of bulletins) {
        if (index.has(bulletin.id)) index.replace(bulletin);
        else index.add(bulletin);
      }
    },
    search(text) {
      if (text.trim() === '') return { hits: [], terms: [] };
      const results: SearchResult[] = index.search(text);
      const terms = new Set<string>();
      for (const result of results) for (const term of result.terms) terms.add(term);
      return {
        hits: results.map((result) => ({ id: String(result.id), score: result.score })),
        terms: [...terms],
      };
    },
  };
}
