import type { DocColumns } from './docColumns';
import type { FacetName, FacetSelection, FacetValue, Facets } from '../../preload/searchTypes';
import { STEPS_A_PAUSE, type Sliced } from '../mainThread/slices';

const NAMES: readonly FacetName[] = ['source', 'country', 'year', 'language'];

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

/** Whether a document is among the values chosen: values chosen within one facet are alternatives; facets combine with each other. */
export function facetsTest(columns: DocColumns, selection: FacetSelection): (doc: number) => boolean {
  const tests = NAMES.flatMap((name) => codeTests(columns, selection)[name] ?? []);
  return (doc) => tests.every((test) => test(doc));
}

/**
 * Counts each facet's values over the results narrowed by the *other* facets' choices, so a facet
 * keeps offering its alternatives after one is chosen. Years newest first; other facets most
 * frequent first. One pass over the results (at 100k bulletins a search can match most of them),
 * counting by code in typed arrays: names only for the totals. Sliced (see slices.ts).
 */
export function* countFacets(
  columns: DocColumns,
  docs: Iterable<number>,
  selection: FacetSelection,
): Sliced<Facets> {
  const tests = codeTests(columns, selection);
  const chosen = NAMES.filter((name) => tests[name] !== undefined);
  const sources = new Uint32Array(columns.sources.length);
  const languages = new Uint32Array(columns.languages.length);
  const countries = new Uint32Array(columns.countries.length);
  const years = new Uint32Array(10_000);
  let steps = 0;
  for (const doc of docs) {
    if (++steps % STEPS_A_PAUSE === 0) yield;
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
