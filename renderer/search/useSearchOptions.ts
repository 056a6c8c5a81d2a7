import { useCallback, useEffect, useState } from 'react';
import type { FacetName, FacetSelection, IndexStatus, SearchSort } from '../../preload/contract';
import { bridge } from '../bridge/bridge';

/**
 * What the user chose around the query (order, facet values), the index's
 * state (it may still be building), and the remembered searches.
 */
export function useSearchOptions(onError: (error: unknown) => void) {
  const [sort, setSort] = useState<SearchSort>('relevance');
  const [facets, setFacets] = useState<FacetSelection>({});
  const [status, setStatus] = useState<IndexStatus>({ state: 'ready', progress: 1 });
  const [recent, setRecent] = useState<string[]>([]);

  useEffect(() => {
    const api = bridge();
    api.searchStatus().then(setStatus, onError);
    api.recentSearches().then(setRecent, onError);
    return api.subscribe('search:status', setStatus);
  }, [onError]);

  const toggleFacet = useCallback((name: FacetName, value: string) => {
    setFacets((previous) => {
      const chosen = previous[name] ?? [];
      const next = chosen.includes(value) ? chosen.filter((item) => item !== value) : [...chosen, value];
      return { ...previous, [name]: next };
    });
  }, []);
  const clearFacets = useCallback(() => setFacets({}), []);

  const remember = useCallback(
    (text: string) => {
      if (text.trim() === '') return;
      bridge().rememberSearch(text).then(setRecent, onError);
    },
    [onError],
  );

  const anyFacet = Object.values(facets).some((values) => values.length > 0);
  return {
    sort,
    setSort,
    facets,
    /** The whole choice at once (a saved search opened). */
    setFacets,
    anyFacet,
    toggleFacet,
    clearFacets,
    status,
    recent,
    remember,
  };
}

export type SearchOptionsState = ReturnType<typeof useSearchOptions>;
