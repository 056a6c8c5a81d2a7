import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Bulletin, SearchRequest } from '../../preload/contract';
import { bulletinRow } from '../../main/ipc/bulletinRow';
import { searchBulletins, matchingIds } from '../../main/search/searchBulletins';
import { createSearchIndex } from '../../main/search/searchIndex';
import { openLibrary } from '../../main/store/library';
import { allOf, orderedIds } from '../../renderer/list/selection';
import { launchApp } from '../host/launch.mjs';
import { percentile, time, type Figure, type Suite } from './harness';

const ROUNDS = 5;
const BUILT_MAIN = fileURLToPath(new URL('../../out/main/index.js', import.meta.url));
/**
 * Two of the countries the generator ends its sentences with, in Spanish bulletins: about a fifth
 * of the archive matches (≈ 21,000 of 100,000), the "select all results, act on them" case.
 */
const REQUEST: SearchRequest = { view: 'all', text: 'honduras OR belize lang:es' };

/**
 * Multi-selection at archive scale: "select all" of a large search (every result id, in list
 * order, from main), one bulk bookmark of them persisted, "mark all read" of the whole view;
 * then the same in the built app, with how long the window was blocked meanwhile.
 */
export const selectionSuite: Suite = {
  name: 'selection',
  async run(context) {
    const figures: Figure[] = [];
    for (const size of context.sizes) {
      const folder = await context.archiveFolder(size);
      const library = await openLibrary(folder);
      console.error(`  selection ${size}: building the index…`);
      const index = createSearchIndex({ bulletins: () => library.bulletins() });
      await index.ready;
      const figure = (name: string, value: number, unit: Figure['unit'], extra: Partial<Figure> = {}) =>
        figures.push({ suite: 'selection', name, size, value, unit, ...extra });

      // What the list shows first (200 rows with snippets): the baseline "select all" is judged by.
      const shown: number[] = [];
      const listed: number[] = [];
      let ids: string[] = [];
      let total = 0;
      const toRow = (bulletin: Bulletin, excerpt: string) => bulletinRow(bulletin, library, excerpt);
      for (let round = 0; round < ROUNDS; round++) {
        shown.push(
          await time(
            async () => (total = (await searchBulletins(REQUEST, library, index, toRow)).total ?? 0),
          ),
        );
        listed.push(await time(async () => (ids = await matchingIds(REQUEST, library, index))));
      }
      if (ids.length !== total) throw new Error(`listIds found ${ids.length} of ${total} results`);
      figure(
        `listIds of a search with ${ids.length} results (median of ${ROUNDS})`,
        percentile(listed, 50),
        'ms',
        {
          baseline: { name: 'the search itself (first 200 rows)', value: percentile(shown, 50) },
          goal: '≤ 2× the search',
        },
      );
      figure(`listIds reply for ${ids.length} ids (JSON)`, JSON.stringify(ids).length / 1024, 'KB');

      const rows = library
        .bulletins()
        .slice(0, 200)
        .map((bulletin) => toRow(bulletin, ''));
      const ordering: number[] = [];
      for (let round = 0; round < ROUNDS; round++)
        ordering.push(await time(() => orderedIds(allOf('k', ids).ids, rows)));
      figure(
        `renderer: selection of ${ids.length} + list order (median of ${ROUNDS})`,
        percentile(ordering, 50),
        'ms',
        {
          goal: '≤ 16 ms (one frame)',
        },
      );

      // Alternating on and off, so each round really changes every mark and writes state.json.
      const bookmarking: number[] = [];
      for (let round = 0; round < ROUNDS; round++)
        bookmarking.push(await time(() => library.setBookmarked(ids, round % 2 === 0)));
      figure(
        `setBookmarked of ${ids.length} ids, persisted (median of ${ROUNDS})`,
        percentile(bookmarking, 50),
        'ms',
        {
          goal: '≤ 250 ms',
        },
      );

      const everything = library.bulletins().map((bulletin) => bulletin.id);
      const reading: number[] = [];
      for (let round = 0; round < 3; round++)
        reading.push(await time(() => library.setReadMany(everything, round % 2 === 0)));
      figure(
        `mark all read: setRead of ${everything.length} ids, persisted (median of 3)`,
        percentile(reading, 50),
        'ms',
      );
      library.close();

      if (existsSync(BUILT_MAIN))
        figures.push(...(await inTheWindow(await context.archiveFolder(size), size)));
      else console.error('  selection: the in-window figures need `npm run build` first.');
    }
    return figures;
  },
};

/**
 * The same in the built app (tests/host): Ctrl+A on the search's results, then Bookmark, timed from
 * the click to the notice, with the longest task that blocked the window meanwhile (what a frozen
 * UI would show).
 */
async function inTheWindow(userDataDir: string, size: number): Promise<Figure[]> {
  const app = await launchApp({ userDataDir });
  try {
    const page = await app.firstWindow({ timeout: 120_000 });
    const list = page.getByRole('grid', { name: /list of bulletins/ });
    await list.getByRole('row').first().waitFor({ timeout: 120_000 });
    console.error(`  selection ${size}: waiting for the index in the app…`);
    // The search's own note, not searchStatus(): until the index is built, searches are a slow scan.
    for (;;) {
      const hints = await page.evaluate(
        async (request) => (await window.bulletins.search(request)).hints,
        REQUEST,
      );
      if (!hints?.some((hint) => hint.code === 'indexing')) break;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    await page.getByRole('combobox', { name: 'Search bulletins' }).fill(REQUEST.text);
    await page.getByText(/^[\d,]+ results$/).waitFor({ timeout: 120_000 });
    await list.focus();
    const bar = page.getByRole('toolbar', { name: 'Selected bulletins' });
    const selecting = await time(async () => {
      await page.keyboard.press('Control+A');
      await bar.waitFor({ timeout: 120_000 });
    });
    const selected = Number((await bar.locator('.selection-count').textContent())?.replace(/\D/g, ''));
    await page.evaluate(() => {
      const blocked = { longest: 0 };
      Object.assign(window, { blocked });
      new PerformanceObserver((entries) => {
        for (const entry of entries.getEntries()) blocked.longest = Math.max(blocked.longest, entry.duration);
      }).observe({ type: 'longtask' });
    });
    const bookmarking = await time(async () => {
      await bar.getByRole('button', { name: 'Bookmark', exact: true }).click();
      await page
        .getByRole('region', { name: 'Notifications' })
        .getByText(/^Bookmarked [\d,]+ bulletins\.$/)
        .waitFor({ timeout: 120_000 });
    });
    const longest = await page.evaluate(
      () => (window as unknown as { blocked: { longest: number } }).blocked.longest,
    );
    const figure = (name: string, value: number, goal: string): Figure => ({
      suite: 'selection',
      name,
      size,
      value,
      unit: 'ms',
      goal,
    });
    return [
      figure(`window: Ctrl+A on ${selected} results to the selection bar`, selecting, '≤ 2× listIds'),
      figure(`window: Bookmark ${selected} selected, click to notice`, bookmarking, '≤ 1000 ms'),
      figure('window: longest task blocking the window meanwhile', longest, '≤ 100 ms'),
    ];
  } finally {
    await app.close();
  }
}
