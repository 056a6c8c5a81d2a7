import { describe, expect, it } from 'vitest';
import type { Bulletin, SearchRequest } from '../../../preload/contract';
import { bulletinRow } from '../../../main/ipc/bulletinRow';
import { createNewestRequest } from '../../../main/ipc/newestRequest';
import { matchingIds, searchBulletins } from '../../../main/search/searchBulletins';
import { createSearchIndex } from '../../../main/search/searchIndex';
import {
  Abandoned,
  STEPS_A_PAUSE,
  asForeground,
  eachOf,
  inSlices,
  type SliceOptions,
} from '../../../main/mainThread/slices';
import { inATurnOfItsOwn } from '../../../main/store/durableJsonFile';
import { generateBulletins } from '../../bench/generateArchive';
import { fakeLibrary } from './searchHelpers';

/**
 * A search never holds main's thread (issue 20): it answers in slices, so a window's input, a
 * timer or another window's request runs between them, and a window's search replaced by a newer
 * one stops at its next pause. 3,000 generated bulletins: "migration" is in about half of them.
 */
const archive = generateBulletins(3000, 11);
const index = createSearchIndex();
await index.add(archive);
const library = fakeLibrary(archive);
const toRow = (bulletin: Bulletin, excerpt: string) => bulletinRow(bulletin, library, excerpt);
const REQUEST: SearchRequest = { view: 'all', text: 'migration', limit: 200 };
const search = (slices?: SliceOptions) =>
  searchBulletins(REQUEST, library, index, toRow, [], undefined, slices);

/** Turns of the event loop while `work` runs (a probe that runs once a turn). */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ turns: number; result: T }> {
  let turns = 0;
  let probing = true;
  const probe = () => {
    if (!probing) return;
    turns++;
    setImmediate(probe);
  };
  setImmediate(probe);
  try {
    return { result: await work(), turns };
  } finally {
    probing = false;
  }
}

describe('a search answers in slices', () => {
  it('lets a timer set before it fire before it answers, pausing at least once per ~1,000 results', async () => {
    const whole = await search();
    expect(whole.total).toBeGreaterThan(1000);
    let fired = false;
    setTimeout(() => (fired = true), 0);
    // Slices of 0 ms: the search gives a turn at every place it may pause.
    const { result, turns } = await turnsDuring(() => search({ sliceMs: 0 }));
    expect(fired).toBe(true);
    // Every step that goes through the results pauses: matching, filtering, facets, the order.
    expect(turns).toBeGreaterThanOrEqual(Math.floor((whole.total ?? 0) / STEPS_A_PAUSE) * 3);
    // The same answer as in bigger slices.
    expect(result).toEqual(whole);
  });

  it('gives every id in the same order, in slices (the whole sort included)', async () => {
    const { result, turns } = await turnsDuring(() =>
      // Slices of 0 ms: a fast machine answers 3,000 bulletins within one slice of 8 ms.
      matchingIds({ view: 'all', text: 'migration', sort: 'date' }, library, index, [], undefined, {
        sliceMs: 0,
      }),
    );
    const rows = await searchBulletins(
      { view: 'all', text: 'migration', sort: 'date', limit: 5000 },
      library,
      index,
      toRow,
    );
    expect(result).toEqual(rows.rows.map((row) => row.id));
    expect(turns).toBeGreaterThan(0);
  });
});

describe('a search comes before background work', () => {
  it('an index update or save waits at its pauses while a search runs, then goes on', async () => {
    let steps = 0;
    let whileSearching = 0;
    let searching = false;
    const items = Array.from({ length: 300 }, (_, at) => at);
    const background = inSlices(
      eachOf(items, () => {
        steps++;
        if (searching) whileSearching++;
      }),
      { sliceMs: 0 },
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(steps).toBeGreaterThan(0);
    searching = true;
    const { turns } = await turnsDuring(() => search({ sliceMs: 0 }));
    searching = false;
    await background;
    expect(turns).toBeGreaterThan(3);
    // At most the step already under way when the search ended (the background wakes first).
    expect(whileSearching).toBeLessThanOrEqual(1);
    expect(steps).toBe(items.length);
  });
});

describe("the store's files wait for a search", () => {
  it("serialises a file only once no search runs (an import's months came between its slices)", async () => {
    let endSearch = () => {};
    const searching = asForeground(() => new Promise<void>((resolve) => (endSearch = resolve)));
    let serialised = false;
    const written = inATurnOfItsOwn(() => (serialised = true));
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(serialised).toBe(false);
    endSearch();
    await searching;
    await written;
    expect(serialised).toBe(true);
  });
});

describe('a search nobody waits for any more', () => {
  it('stops at its next pause once a newer one replaced it, having done a fraction of the work', async () => {
    const whole = await turnsDuring(() => search({ sliceMs: 0 }));
    let replaced = false;
    let pauses = 0;
    const abandoned = () => {
      pauses++;
      return replaced;
    };
    const running = search({ sliceMs: 0, abandoned });
    // The window sends its next search while this one runs.
    await new Promise((resolve) => setImmediate(resolve));
    replaced = true;
    await expect(running).rejects.toBeInstanceOf(Abandoned);
    expect(pauses).toBeLessThanOrEqual(3);
    expect(whole.turns).toBeGreaterThan(10);
  });

  it('never starts when it was replaced while it waited for the search before it', async () => {
    let asked = 0;
    const first = search({ sliceMs: 0 });
    const second = search({
      sliceMs: 0,
      abandoned: () => {
        asked++;
        return true;
      },
    });
    const refused = expect(second).rejects.toBeInstanceOf(Abandoned);
    await first;
    await refused;
    // Asked before it began, and stopped there.
    expect(asked).toBe(1);
    // And the index answers the next search as before.
    expect((await search()).total).toBe((await first).total);
  });

  it("is each window's own: a newer search replaces that window's older one only", () => {
    const searches = createNewestRequest();
    const older = searches.begin(1);
    const otherWindow = searches.begin(2);
    expect(older.replaced()).toBe(false);
    const newer = searches.begin(1);
    expect(older.replaced()).toBe(true);
    expect(newer.replaced()).toBe(false);
    expect(otherWindow.replaced()).toBe(false);
    older.end();
    // The older one's end does not forget the newer one.
    expect(newer.replaced()).toBe(false);
  });
});
