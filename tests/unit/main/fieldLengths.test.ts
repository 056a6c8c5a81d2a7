import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { createDocColumns } from '../../../main/search/docColumns';
import { dropFieldLengths, fieldLengthsOf } from '../../../main/search/fieldLengths';
import { documentNumber, indexMatcher } from '../../../main/search/indexMatcher';
import { indexOptions, toIndexedDoc, type IndexedDoc } from '../../../main/search/indexOptions';
import { parseQuery } from '../../../main/search/queryParser';
import { whole } from '../../../main/mainThread/slices';
import { CORPUS } from '../../fixtures/searchCorpus';

/**
 * The matcher's field lengths are kept a change at a time (fieldLengths.ts), not copied again
 * after every change of the index. A stale copy scores a search with old lengths, or finds a
 * discarded bulletin: each search after a change must answer as minisearch's own search() does.
 */
const doc = (id: string, title: string, text: string): IndexedDoc => ({ id, title, text, labels: '' });

/** Ids and scores of a word's matches through the matcher. */
function ours(index: MiniSearch<IndexedDoc>, word: string) {
  const matcher = indexMatcher(index, createDocColumns().read());
  const found = whole(matcher.match(parseQuery(word), false));
  return new Map([...found.docs].map((at, i) => [matcher.idOf(at) ?? '', found.scores[i] ?? 0]));
}

/**
 * The matcher's answer equals minisearch's: the same ids before minisearch's search drops a
 * discarded bulletin's postings (only the lengths keep it out), the same scores once it has dropped
 * them (the search that drops them counts the term's documents as it goes, so it is not compared).
 */
function expectSame(index: MiniSearch<IndexedDoc>, word: string) {
  const first = ours(index, word);
  const search = () =>
    index
      .search(word, { prefix: false, fuzzy: false })
      .map((result) => [String(result.id), result.score] as const);
  search();
  const theirs = new Map(search());
  expect([...first.keys()].sort()).toEqual([...theirs.keys()].sort());
  const scored = ours(index, word);
  for (const [id, score] of theirs) expect(scored.get(id)).toBeCloseTo(score, 6);
  return first;
}

/** Discards as searchIndex.ts does: the lengths told first. */
function discard(index: MiniSearch<IndexedDoc>, id: string) {
  const number = documentNumber(index, id);
  if (number !== undefined) dropFieldLengths(index, number);
  index.discard(id);
}

describe('field lengths after the index changes', () => {
  it('a search after adds scores with the new documents’ lengths and the new averages', () => {
    const index = new MiniSearch<IndexedDoc>(indexOptions);
    index.addAll(CORPUS.map(toIndexedDoc));
    expectSame(index, 'station');
    // Longer than any before: the averages move, and the new documents must have lengths to score.
    const long = 'station shelter water health '.repeat(30);
    index.addAll([doc('new-1', 'Station', long), doc('new-2', 'Another station report', 'station')]);
    const ours = expectSame(index, 'station');
    expect(ours.has('new-1')).toBe(true);
    expect(ours.has('new-2')).toBe(true);
  });

  it('a search after a discard, told or not, never finds the discarded bulletin', () => {
    const index = new MiniSearch<IndexedDoc>(indexOptions);
    index.addAll(CORPUS.map(toIndexedDoc));
    index.addAll([doc('told', 'Station told', 'station'), doc('untold', 'Station untold', 'station')]);
    expectSame(index, 'station');
    discard(index, 'told');
    expect(expectSame(index, 'station').has('told')).toBe(false);
    // Not told (a caller that discarded on its own): the counts disagree and the lengths are read again.
    index.discard('untold');
    expect(expectSame(index, 'station').has('untold')).toBe(false);
  });

  it('a replaced bulletin is scored with its new text only', () => {
    const index = new MiniSearch<IndexedDoc>(indexOptions);
    index.addAll([...CORPUS.map(toIndexedDoc), doc('edited', 'Station', 'a short note')]);
    expectSame(index, 'station');
    discard(index, 'edited');
    index.add(doc('edited', 'Station', 'a much longer note about the station, its water and its shelter'));
    expectSame(index, 'station');
  });

  it('are not copied again per change: the same arrays, grown with room, after an add', () => {
    const index = new MiniSearch<IndexedDoc>(indexOptions);
    index.addAll(CORPUS.map(toIndexedDoc));
    const before = whole(fieldLengthsOf(index));
    index.add(doc('one-more', 'Station', 'station'));
    const grown = whole(fieldLengthsOf(index));
    index.add(doc('and-another', 'Station', 'station'));
    // Grown once with room for later adds; the next add is read into the same arrays.
    expect(grown).not.toBe(before);
    expect(whole(fieldLengthsOf(index))).toBe(grown);
    const number = documentNumber(index, 'and-another') ?? -1;
    expect(grown.every((column) => !Number.isNaN(column[number] ?? Number.NaN))).toBe(true);
  });
});
