import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { createDocColumns } from '../../../main/search/docColumns';
import { indexMatcher } from '../../../main/search/indexMatcher';
import { fuzzyFor, indexOptions, toIndexedDoc, type IndexedDoc } from '../../../main/search/indexOptions';
import { CompactPostings, postingArrays } from '../../../main/search/postings';
import { parseQuery } from '../../../main/search/queryParser';
import { slicedIndexJson } from '../../../main/search/slicedIndexJson';
import { slicedIndexLoad } from '../../../main/search/slicedIndexLoad';
import { whole } from '../../../main/mainThread/slices';
import type { Bulletin } from '../../../preload/contract';
import { generateBulletins } from '../../bench/generateArchive';

/** A small deterministic generator (the same sequence on every run). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('compact postings, as minisearch uses a Map', () => {
  it('answer get, has, size and iteration as a Map does through appends, changes and deletes', () => {
    const next = random(7);
    const map = new Map<number, number>();
    const compact = new CompactPostings(4);
    let doc = 0;
    for (let step = 0; step < 5_000; step++) {
      const roll = next();
      if (roll < 0.5) {
        // minisearch's adds: a new, higher document number.
        doc += 1 + Math.floor(next() * 3);
        map.set(doc, 1);
        compact.set(doc, 1);
      } else if (roll < 0.7) {
        const known = Math.floor(next() * (doc + 1));
        const count = (map.get(known) ?? 0) + 1;
        map.set(known, count);
        compact.set(known, count);
      } else {
        const gone = Math.floor(next() * (doc + 1));
        expect(compact.delete(gone)).toBe(map.delete(gone));
      }
      const probe = Math.floor(next() * (doc + 2));
      expect(compact.get(probe)).toBe(map.get(probe));
      expect(compact.has(probe)).toBe(map.has(probe));
      expect(compact.size).toBe(map.size);
    }
    expect([...compact]).toEqual([...map].sort(([a], [b]) => a - b));
    expect([...compact.keys()]).toEqual([...map.keys()].sort((a, b) => a - b));
    expect(Object.fromEntries(compact)).toEqual(Object.fromEntries(map));
  });

  it('takes a document below the others, and counts too large for a byte or two', () => {
    const compact = new CompactPostings();
    for (const [doc, count] of [
      [10, 1],
      [3, 300],
      [7, 70_000],
      [0, 2],
    ] as const)
      compact.set(doc, count);
    expect([...compact]).toEqual([
      [0, 2],
      [3, 300],
      [7, 70_000],
      [10, 1],
    ]);
  });

  it('lets the entry being visited be deleted, as minisearch vacuums, and sees later changes', () => {
    const compact = new CompactPostings();
    for (let doc = 0; doc < 200; doc++) compact.set(doc, 1 + (doc % 3));
    const visited: number[] = [];
    for (const [doc] of compact) {
      visited.push(doc);
      // Most go (the arrays are compacted meanwhile); one ahead goes too; one comes after the last.
      if (doc % 10 !== 0) compact.delete(doc);
      if (doc === 50) compact.delete(60);
      if (doc === 100) compact.set(500, 4);
    }
    const expected = [...Array.from({ length: 200 }, (_, doc) => doc).filter((doc) => doc !== 60), 500];
    expect(visited).toEqual(expected);
    expect([...compact.keys()]).toEqual([
      0, 10, 20, 30, 40, 50, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 500,
    ]);
    // Compacted (201 slots otherwise): a quarter or more of the slots a reader walks are postings.
    expect(postingArrays(compact).length).toBeLessThanOrEqual(4 * compact.size);
  });

  it('refuses what minisearch never stores (the loader then rebuilds the index)', () => {
    const compact = new CompactPostings();
    for (const [doc, count] of [
      [-1, 1],
      [1.5, 1],
      [2 ** 32, 1],
      [Number.NaN, 1],
      [1, 0],
      [1, 2.5],
    ] as const)
      expect(() => compact.set(doc, count)).toThrow(RangeError);
    expect(compact.size).toBe(0);
  });
});

/** Every document of the generated archive: more than a few thousand makes this test slow. */
const COUNT = 2000;

describe('an index loaded with compact postings, then changed, is the one minisearch would have', () => {
  it(
    'after adds, replaces, removes, discards and a vacuum: the same searches, matcher and saved JSON',
    { timeout: 60_000 },
    async () => {
      const bulletins: Bulletin[] = generateBulletins(COUNT + 600, 11);
      const first = bulletins.slice(0, COUNT);
      const built = new MiniSearch<IndexedDoc>(indexOptions);
      built.addAll(first.map(toIndexedDoc));
      const json = JSON.stringify(built);

      const plain = MiniSearch.loadJSON<IndexedDoc>(json, indexOptions);
      const loaded = await slicedIndexLoad<IndexedDoc>(json, indexOptions);
      const compactLists = [...internalsOf(loaded)._index].flatMap(([, byField]) =>
        [...byField.values()].filter((postings) => postings instanceof CompactPostings),
      );
      // The long lists are compact (a plain Map on the code before), the short ones stay Maps.
      expect(compactLists.length).toBeGreaterThan(100);

      for (const index of [plain, loaded]) {
        // An import: new documents, some with words the index has never seen.
        index.addAll(
          bulletins
            .slice(COUNT, COUNT + 500)
            .map((bulletin, at) => toIndexedDoc({ ...bulletin, title: `${bulletin.title} zzword${at % 7}` })),
        );
        // Deletes both ways minisearch has: removal with the document, and discard (the app's).
        for (const bulletin of first.slice(0, 300)) index.remove(toIndexedDoc(bulletin));
        for (const bulletin of first.slice(300, 1200)) index.discard(bulletin.id);
        // Content changed: a replace is a discard and an add under a new number.
        for (const bulletin of first.slice(1200, 1300))
          index.replace(toIndexedDoc({ ...bulletin, title: `${bulletin.title} shelter` }));
      }
      await Promise.all([plain.vacuum(), loaded.vacuum()]);
      for (const index of [plain, loaded]) index.addAll(bulletins.slice(COUNT + 500).map(toIndexedDoc));

      for (const word of ['migrants', 'shelter', 'salud', 'zzword3', 'frontera', 'refu'])
        expect(loaded.search(word, { prefix: true, fuzzy: 0.2 })).toEqual(
          plain.search(word, { prefix: true, fuzzy: 0.2 }),
        );
      const found = (index: MiniSearch<IndexedDoc>, text: string) => {
        const matcher = indexMatcher(index, createDocColumns().read());
        const { docs, scores } = whole(matcher.match(parseQuery(text), true));
        return { docs: [...docs], scores: [...scores] };
      };
      for (const text of ['migrants shelter', 'salud OR zzword5', 'front', 'refugeees'])
        expect(found(loaded, text)).toEqual(found(plain, text));
      expect(loaded.autoSuggest('shel', { fuzzy: fuzzyFor })).toEqual(
        plain.autoSuggest('shel', { fuzzy: fuzzyFor }),
      );

      // Saved: the same bytes, minisearch's toJSON and our sliced writer alike.
      expect(JSON.stringify(loaded)).toBe(JSON.stringify(plain));
      const written = async (index: MiniSearch<IndexedDoc>) =>
        ((await slicedIndexJson(index, () => false)) ?? []).join('');
      expect(await written(loaded)).toBe(await written(plain));
    },
  );
});

function internalsOf(index: MiniSearch<IndexedDoc>) {
  return index as unknown as { _index: Iterable<[string, Map<number, Map<number, number>>]> };
}
