import type { Bulletin } from '../../preload/contract';
import type { DocColumns } from './docColumns';
import type { FacetName, FacetSelection, FacetValue, Facets } from '../../preload/searchTypes';

const NAMES: readonly FacetName[] = ['source', 'country', 'year', 'language'];
const NONE: readonly FacetName[] = [];

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
 * Years newest first; other facets most frequent first. One pass over the
 * results (at 100k bulletins a search can match most of them).
 */
export function countFacets(bulletins: readonly Bulletin[], selection: FacetSelection): Facets {
  const chosen = NAMES.filter((name) => (selection[name]?.length ?? 0) > 0);
  const counts: Record<FacetName, Map<string, number>> = {
    source: new Map(),
    country: new Map(),
    year: new Map(),
    language: new Map(),
  };
  const bump = (name: FacetName, value: string) =>
    counts[name].set(value, (counts[name].get(value) ?? 0) + 1);
  // Years by number: slicing a string per result was most of the counting at 100k results.
  const years = new Uint32Array(10_000);
  for (const bulletin of bulletins) {
    // A bulletin outside one chosen facet still counts toward that facet's alternatives.
    const missed =
      chosen.length === 0 ? NONE : chosen.filter((name) => !matchesFacet(bulletin, name, selection[name]));
    if (missed.length > 1) continue;
    const only = missed[0];
    if (only === undefined || only === 'source') bump('source', bulletin.source);
    if (only === undefined || only === 'country')
      for (const country of bulletin.countries) bump('country', country);
    if (only === undefined || only === 'year') {
      const year = yearOf(bulletin);
      years[year] = (years[year] ?? 0) + 1;
    }
    if (only === undefined || only === 'language') bump('language', bulletin.language);
  }
  for (const [year, count] of years.entries())
    if (count > 0) counts.year.set(String(year).padStart(4, '0'), count);
  return sortedFacets(counts);
}

function sortedFacets(counts: Record<FacetName, Map<string, number>>): Facets {
  const facets = {} as Facets;
  for (const name of NAMES) {
    const values: FacetValue[] = [...counts[name]].map(([value, count]) => ({ value, count }));
    values.sort(
      name === 'year'
        ? (a, b) => b.value.localeCompare(a.value)
        : (a, b) => b.count - a.count || a.value.localeCompare(b.value),
    );
    facets[name] = values;
  }
  return facets;
}

/** The year of an ISO date as a number, without making a string. */
function yearOf(bulletin: Bulletin): number {
  const date = bulletin.published;
  let year = 0;
  for (let at = 0; at < 4; at++) year = year * 10 + (date.charCodeAt(at) - 48);
  return year >= 0 && year < 10_000 ? year : 0;
}

/** Per facet, the test of a document's codes against the values chosen (undefined: nothing chosen). */
type CodeTests = Record<FacetName, ((doc: number) => boolean) | undefined>;

function codeTests(columns: DocColumns, selection: FacetSelection): CodeTests {
  const chosenCodes = (values: readonly string[], name: FacetName) => {
    const chosen = new Set(selection[name]);
    return new Set(values.flatMap((value, code) => (chosen.has(value) ? [code] : [])));
  };
  const picked = (name: FacetName) => (selection[name]?.length ?? 0) > 0;
  const sources = chosenCodes(columns.sources, 'source');
  const languages = chosenCodes(columns.languages, 'language');
  const countries = chosenCodes(columns.countries, 'country');
  const years = new Set((selection.year ?? []).map(Number));
  return {
    source: picked('source') ? (doc) => sources.has(columns.source[doc] ?? -1) : undefined,
    country: picked('country')
      ? (doc) =>
          countries.has(columns.country[doc] ?? -1) ||
          (columns.moreCountries.get(doc) ?? []).some((code) => countries.has(code))
      : undefined,
    year: picked('year') ? (doc) => years.has(columns.year[doc] ?? 0) : undefined,
    language: picked('language') ? (doc) => languages.has(columns.language[doc] ?? -1) : undefined,
  };
}

/** `matchesFacets` on the index's columns. */
export function facetsTestOfDocs(columns: DocColumns, selection: FacetSelection): (doc: number) => boolean {
  const tests = NAMES.flatMap((name) => codeTests(columns, selection)[name] ?? []);
  return (doc) => tests.every((test) => test(doc));
}

/** `countFacets` on the index's columns: counts by code in typed arrays, names only for the totals. */
export function countFacetsOfDocs(
  columns: DocColumns,
  docs: Iterable<number>,
  selection: FacetSelection,
): Facets {
  const tests = codeTests(columns, selection);
  const chosen = NAMES.filter((name) => tests[name] !== undefined);
  const sources = new Uint32Array(columns.sources.length);
  const languages = new Uint32Array(columns.languages.length);
  const countries = new Uint32Array(columns.countries.length);
  const years = new Uint32Array(10_000);
  for (const doc of docs) {
    let only: FacetName | undefined;
    let missed = 0;
    for (const name of chosen)
      if (!(tests[name]?.(doc) ?? true)) {
        only = name;
        missed++;
      }
    // A bulletin outside one chosen facet still counts toward that facet's alternatives.
    if (missed > 1) continue;
    if (only === undefined || only === 'source') bump(sources, columns.source[doc] ?? 0);
    if (only === undefined || only === 'country') {
      const first = columns.country[doc] ?? -1;
      if (first >= 0) bump(countries, first);
      for (const code of columns.moreCountries.get(doc) ?? []) bump(countries, code);
    }
    if (only === undefined || only === 'year') bump(years, columns.year[doc] ?? 0);
    if (only === undefined || only === 'language') bump(languages, columns.language[doc] ?? 0);
  }
  const named = (values: readonly string[], codes: Uint32Array) => {
    const counted = new Map<string, number>();
    for (const [code, count] of codes.entries()) {
      const value = values[code];
      if (count > 0 && value !== undefined) counted.set(value, (counted.get(value) ?? 0) + count);
    }
    return counted;
  };
  const counts = new Map<string, number>();
  for (const [year, count] of years.entries())
    if (count > 0) counts.set(String(year).padStart(4, '0'), count);
  return sortedFacets({
    source: named(columns.sources, sources),
    country: named(columns.countries, countries),
    year: counts,
    language: named(columns.languages, languages),
  });
}

function bump(counts: Uint32Array, code: number): void {
  counts[code] = (counts[code] ?? 0) + 1;
}
