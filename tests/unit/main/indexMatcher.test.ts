import { readFileSync } from 'node:fs';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { createDocColumns } from '../../../main/search/docColumns';
import { indexMatcher } from '../../../main/search/indexMatcher';
import { fuzzyFor, indexOptions, toIndexedDoc, type IndexedDoc } from '../../../main/search/indexOptions';
import { parseQuery } from '../../../main/search/queryParser';
import type { Matcher, Matches } from '../../../main/search/runSearch';
import { whole } from '../../../main/mainThread/slices';
import { CORPUS } from '../../fixtures/searchCorpus';

/**
 * indexMatcher reads minisearch's index directly (its search() was too slow at
 * 100k bulletins). These cases pin it to minisearch's own search(): the same
 * documents, scores and matched terms, so an upgrade that changes the index's
 * shape or scoring fails here rather than quietly in the app.
 */
const index = new MiniSearch<IndexedDoc>(indexOptions);
index.addAll(CORPUS.map(toIndexedDoc));
// A discarded document leaves postings behind until minisearch vacuums: it must not come back.
const gone = CORPUS[1]?.id ?? '';
index.discard(gone);
const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const packageJson = readJson('../../../package.json');
// Not through `require`: minisearch's exports do not include its package.json.
const installedMinisearch = readJson('../../../node_modules/minisearch/package.json') as { version: string };

const matcherOf = (of: MiniSearch<IndexedDoc>) => indexMatcher(of, createDocColumns().read());
const matcher = matcherOf(index);

/** The documents a match found, by id, with their scores. */
function candidates(of: Matcher, found: Matches) {
  return [...found.docs].map((doc, at) => ({ id: of.idOf(doc) ?? '', score: found.scores[at] ?? 0 }));
}

function viaMinisearch(text: string, fuzzy: boolean) {
  const query = parseQuery(text);
  const last = query.clauses.length - 1;
  return index.search(
    {
      combineWith: 'AND',
      queries: query.clauses.map((clause, position) => ({
        combineWith: 'OR',
        queries: clause.map((term) => ({
          combineWith: 'AND',
          prefix: query.lastWordOpen && position === last,
          queries: [term.text],
        })),
      })),
    },
    { fuzzy: fuzzy ? fuzzyFor : false, prefix: false },
  );
}

const TYPOS = ['recepton station', 'Tapachla'];

describe('indexMatcher answers as minisearch search() does', () => {
  it('on the exact minisearch version package.json pins, the one these cases were checked on', () => {
    const wanted = (packageJson as { dependencies: Record<string, string> }).dependencies.minisearch;
    expect(wanted).toMatch(/^\d+\.\d+\.\d+$/);
    expect(installedMinisearch.version).toBe(wanted);
  });

  const queries = [
    'migra',
    'darien reception',
    'recepton station',
    'shelter OR refugio',
    'becas panad',
    'haiti -x',
    'reception station darien',
    'darien OR haiti reception station',
    'families jungle OR shelter darien',
    '"reception station"',
    'Tapachla',
    'zzzz',
  ];
  it.each(queries.flatMap((text) => [[text, false] as const, [text, true] as const]))(
    '%s (typos: %s)',
    (text, fuzzy) => {
      const expected = viaMinisearch(text, fuzzy);
      // Cases match something (typos only when tolerated), so the comparison is not of two empty lists.
      expect(expected.length > 0).toBe(text !== 'zzzz' && (fuzzy || !TYPOS.includes(text)));
      const found = whole(matcher.match(parseQuery(text), fuzzy));
      const byId = new Map(candidates(matcher, found).map((candidate) => [candidate.id, candidate.score]));
      expect([...byId.keys()].sort()).toEqual(expected.map((result) => String(result.id)).sort());
      expect(byId.has(gone)).toBe(false);
      for (const result of expected) {
        expect(byId.get(String(result.id))).toBeCloseTo(result.score, 6);
        const matched = found.termsOf(String(result.id));
        expect(matched.terms.sort()).toEqual([...result.terms].sort());
        expect(matched.queryTerms.sort()).toEqual([...result.queryTerms].sort());
      }
    },
  );

  it('finds the documents holding an exact word, for exclusions', () => {
    const expected = index
      .search('reception', { prefix: false, fuzzy: false })
      .map((result) => String(result.id));
    expect([...whole(matcher.idsWithWord('Réception'))].sort()).toEqual(expected.sort());
  });
});

describe('indexMatcher combining clauses', () => {
  it('drops a document one clause lacks, whatever the order the clauses are combined in', () => {
    const doc = (id: string, title: string): IndexedDoc => ({ id, title, text: '', labels: '' });
    const small = new MiniSearch<IndexedDoc>(indexOptions);
    small.addAll([
      doc('d1', 'alpha beta'),
      doc('d2', 'beta gamma'),
      doc('d3', 'alpha'),
      doc('d4', 'alpha'),
      doc('d5', 'alpha'),
      doc('d6', 'alpha beta'),
    ]);
    // "alpha beta" leaves d1 and d6; d2 has beta and gamma but no alpha, so nothing has all three.
    const of = matcherOf(small);
    const ids = (text: string) =>
      candidates(of, whole(of.match(parseQuery(text), false))).map((found) => found.id);
    expect(ids('alpha beta gamma')).toEqual([]);
    expect(ids('alpha beta').sort()).toEqual(['d1', 'd6']);
  });
});

describe('typo variants: where the matcher parts from minisearch on purpose', () => {
  const doc = (id: string, title: string, text = ''): IndexedDoc => ({ id, title, text, labels: '' });

  it('ranks a word one edit away above a word two edits away, even in a title', () => {
    const small = new MiniSearch<IndexedDoc>(indexOptions);
    small.addAll([
      doc('near', 'Noticias de la semana', 'La caravanas llegó a la frontera norte del país ayer'),
      doc('far', 'La carabina del museo', 'Una pieza antigua'),
    ]);
    const of = matcherOf(small);
    const found = candidates(of, whole(of.match(parseQuery('caravana '), true)));
    const score = (id: string) => found.find((candidate) => candidate.id === id)?.score ?? 0;
    expect(score('far')).toBeGreaterThan(0);
    expect(score('near')).toBeGreaterThan(score('far'));
  });

  it('reaches at most eight variants of a word, the nearest and commonest', () => {
    const small = new MiniSearch<IndexedDoc>(indexOptions);
    const variants = [
      'casa',
      'cara',
      'capa',
      'cama',
      'cada',
      'cala',
      'gata',
      'rata',
      'bata',
      'lata',
      'nata',
      'pata',
    ];
    small.addAll(variants.map((word) => doc(word, word)));
    // "rata" is in three bulletins: commoner than the others, so one of the eight.
    small.addAll([doc('rata-2', 'rata'), doc('rata-3', 'rata')]);
    const of = matcherOf(small);
    const found = candidates(of, whole(of.match(parseQuery('cata '), true))).map((candidate) => candidate.id);
    expect(found).toHaveLength(10);
    expect(found).toEqual(expect.arrayContaining(['rata', 'rata-2', 'rata-3']));
  });
});
