import type { FacetSelection, SavedSearchQuery } from '../../preload/contract';

/** Facets as a comparable key: empty choices dropped, names and values in order. */
function facetKey(facets: FacetSelection): string {
  return JSON.stringify(
    Object.entries(facets)
      .filter(([, values]) => values.length > 0)
      .map(([name, values]) => [name, [...values].sort()])
      .sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)),
  );
}

/** Whether the list shows exactly what a saved search searches (it is then the one open). */
export function sameQuery(a: SavedSearchQuery, b: SavedSearchQuery): boolean {
  return (
    a.view === b.view &&
    a.text.trim() === b.text.trim() &&
    a.sort === b.sort &&
    facetKey(a.facets) === facetKey(b.facets)
  );
}
