import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { indexOptions, toIndexedDoc, type IndexedDoc } from '../../../main/search/indexOptions';
import { slicedIndexJson } from '../../../main/search/slicedIndexJson';
import { generateBulletins } from '../../bench/generateArchive';

const indexOf = (count: number) => {
  const index = new MiniSearch<IndexedDoc>(indexOptions);
  index.addAll(generateBulletins(count).map(toIndexedDoc));
  return index;
};

describe('the saved index, written in slices', () => {
  it(
    "is minisearch's own JSON, and loads to an index that answers the same",
    { timeout: 30_000 },
    async () => {
      const index = indexOf(300);
      index.discard(index.search('border')[0]?.id ?? ''); // a discarded document and its dirt count, too
      const chunks = await slicedIndexJson(index, () => false);
      const json = (chunks ?? []).join('');
      expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(index)));
      const loaded = MiniSearch.loadJSON<IndexedDoc>(json, indexOptions);
      for (const word of ['migrants', 'shelter', 'health'])
        expect(loaded.search(word).map((hit) => hit.id)).toEqual(index.search(word).map((hit) => hit.id));
    },
  );

  it(
    "writes a common word's postings a few at a time, byte for byte minisearch's JSON",
    { timeout: 60_000 },
    async () => {
      const index = indexOf(9000); // words in most bulletins: postings over two pieces of 4,096
      const chunks = (await slicedIndexJson(index, () => false)) ?? [];
      expect(chunks.join('')).toBe(JSON.stringify(index));
    },
  );

  it(
    'gives the event loop a turn at least every slice, and gives up when the index changes meanwhile',
    { timeout: 30_000 },
    async () => {
      const index = indexOf(2000);
      let turns = 0;
      const probe = setInterval(() => {
        turns++;
      }, 1);
      try {
        expect(await slicedIndexJson(index, () => false, 4)).not.toBeNull();
      } finally {
        clearInterval(probe);
      }
      expect(turns).toBeGreaterThan(3);
      // (How long each turn waits is the bench's: timings are not asserted on a shared machine.)
      let changed = false;
      setImmediate(() => (changed = true));
      expect(await slicedIndexJson(index, () => changed, 0)).toBeNull();
    },
  );
});
