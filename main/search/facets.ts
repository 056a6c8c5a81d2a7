import type { Bulletin } from '../../preload/contract';
import type { FacetName, FacetSelection, FacetValue, Facets } from '../../preload/searchTypes';

const NAMES: readonly FacetName[] = ['source', 'country', 'year', 'language'];

/** A bulletin's values for a facet (a bulletin can be about several countries). */
function facetValues(bulletin: Bulletin, name: FacetName): readonly string[] {
  switch (name) {
    case 'source':
      return [bulletin.source];
    case 'country':
      return bulletin.countries;
    case 'year':
      return [bulletin.published.slice(0, 4)];
    case 'language':
      return [bulletin.language];
  }
}

function matchesFacet(bulletin: Bulletin, name: FacetName, chosen: readonly string[] | undefined): boolean {
  if (!chosen || chosen.length === 0) return true;
  return facetValues(bulletin, name).some((value) => chosen.includes(value));
}

/** Values chosen within one facet are alternatives; facets combine with each other. */
export function matchesFacets(bulletin: Bulletin, selection: FacetSelection): boolean {
  return NAMES.every((name) => matchesFacet(bulletin, name, selection[name]));
}

/**
 * Counts each facet's values over the results narrowed by the *other* facets'
 * choices, so a facet keeps offering its alternatives after one is chosen.
 * Years newest first; other facets most frequent first.
 */
export function countFacets(bulletins: readonly Bulletin[], selection: FacetSelection): Facets {
  const facets = {} as Facets;
  for (const name of NAMES) {
    const counts = new Map<string, number>();
    for (const bulletin of bulletins) {
      if (!NAMES.every((other) => other === name || matchesFacet(bulletin, other, selection[other])))
        continue;
      for (const value of facetValues(bulletin, name)) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    const values: FacetValue[] = [...counts].map(([value, count]) => ({ value, count }));
    values.sort(
      name === 'year'
        ? (a, b) => b.value.localeCompare(a.value)
        : (a, b) => b.count - a.count || a.value.localeCompare(b.value),
    );
    facets[name] = values;
  }
  return facets;
}
