import MiniSearch from 'minisearch';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { indexOptions, toIndexedDoc, type IndexedDoc } from '../../../main/search/indexOptions';
import { slicedIndexJson } from '../../../main/search/slicedIndexJson';
import { slicedIndexLoad } from '../../../main/search/slicedIndexLoad';
import type { Bulletin } from '../../../preload/contract';
import { generateBulletins } from '../../bench/generateArchive';

/** Ids a feed may give: quotes, backslashes, brackets, the text of a key, scripts beyond Latin-1. */
const HOSTILE_IDS = [
  'a"index":[["x",{}]]',
  'back\\slash\\"quote',
  '{"documentCount":1}',
  'مرحبا-١٢',
  'emoji-🧭-id',
  ' ,]}',
];

const indexOf = (count: number) => {
  const bulletins: Bulletin[] = generateBulletins(count);
  for (const [at, id] of HOSTILE_IDS.entries())
    bulletins.push({ ...(bulletins[at] as Bulletin), id, title: `"quoted" [bracketed] {braced} ${id}` });
  const index = new MiniSearch<IndexedDoc>(indexOptions);
  index.addAll(bulletins.map(toIndexedDoc));
  // A discarded document: its dirt count and the terms it leaves behind are part of the file too.
  index.discard(index.search('border')[0]?.id ?? '');
  return index;
};

/** Everything of an index that a search reads, comparable with toEqual. */
const stateOf = (index: MiniSearch<IndexedDoc>) => {
  const internals = index as unknown as { _idToShortId: Map<string, number> };
  return { json: JSON.parse(JSON.stringify(index)) as unknown, ids: [...internals._idToShortId] };
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the saved index, loaded a term at a time', () => {
  it(
    "makes what minisearch's loadJSON makes, from its JSON and from ours written in slices",
    { timeout: 30_000 },
    async () => {
      const index = indexOf(300);
      const written = [JSON.stringify(index), ((await slicedIndexJson(index, () => false)) ?? []).join('')];
      for (const json of written) {
        const expected = MiniSearch.loadJSON<IndexedDoc>(json, indexOptions);
        const loaded = await slicedIndexLoad<IndexedDoc>(json, indexOptions);
        expect(stateOf(loaded)).toEqual(stateOf(expected));
        for (const word of ['migrants', 'shelter', 'salud', 'quoted', 'مرحبا'])
          expect(loaded.search(word, { prefix: true, fuzzy: 0.2 })).toEqual(
            expected.search(word, { prefix: true, fuzzy: 0.2 }),
          );
        // Still a working index: changes after the load behave as on minisearch's own.
        for (const changed of [loaded, expected]) {
          changed.add({ id: 'new', title: 'Zanzibar shelter', text: '', labels: '' });
          changed.discard(HOSTILE_IDS[0] ?? '');
        }
        expect(stateOf(loaded)).toEqual(stateOf(expected));
      }
    },
  );

  it('never parses the whole text at once: one term, or one table of the documents, at a time', async () => {
    const index = indexOf(300);
    const json = JSON.stringify(index);
    const parse = vi.spyOn(JSON, 'parse');
    await slicedIndexLoad<IndexedDoc>(json, indexOptions);
    const longest = Math.max(...parse.mock.calls.map(([text]) => text.length));
    // loadJSON parses all of it (the whole tree of objects held until its maps are built).
    expect(longest).toBeLessThan(json.length / 3);
  });

  it('gives the event loop turns while it loads', { timeout: 30_000 }, async () => {
    const json = JSON.stringify(indexOf(2000));
    let turns = 0;
    const probe = setInterval(() => {
      turns++;
    }, 1);
    try {
      await slicedIndexLoad<IndexedDoc>(json, indexOptions, 0);
    } finally {
      clearInterval(probe);
    }
    expect(turns).toBeGreaterThan(3);
  });

  it('rejects a file that is not a whole index of the version it reads (the caller rebuilds)', async () => {
    const json = JSON.stringify(indexOf(20));
    const broken = [
      json.slice(0, Math.floor(json.length / 2)),
      json.slice(0, -1),
      json.replace('"serializationVersion":2', '"serializationVersion":1'),
      json.replace(/"index":\[\[/, '"index":[[1,'),
      json.replace(/"index":\[\["([^"]+)",\{"(\d+)":\{"(\d+)":\d+/, '"index":[["$1",{"$2":{"$3":"x"'),
      // Counts and document numbers minisearch never writes (a compact list cannot hold them).
      json.replace(/"index":\[\["([^"]+)",\{"(\d+)":\{"(\d+)":\d+/, '"index":[["$1",{"$2":{"$3":0'),
      json.replace(/"index":\[\["([^"]+)",\{"(\d+)":\{"(\d+)":/, '"index":[["$1",{"$2":{"-$3":'),
      `${json} trailing`,
      '',
      'null',
    ];
    for (const text of broken) await expect(slicedIndexLoad(text, indexOptions)).rejects.toThrow();
  });
});
