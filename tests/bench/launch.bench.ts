import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchApp } from '../host/launch.mjs';
import { openLibrary } from '../../main/store/library';
import { time, type Figure, type Suite } from './harness';

const BUILT_MAIN = fileURLToPath(new URL('../../out/main/index.js', import.meta.url));

/**
 * The app as users start it, through tests/host (the built bundles on a
 * stand-in for Electron and a real Chromium): launch to the first row of the
 * list painted, the size of the list's IPC reply, and main's peak memory.
 */
export const launchSuite: Suite = {
  name: 'launch',
  async run(context) {
    if (!existsSync(BUILT_MAIN)) {
      console.error('launch suite skipped: run `npm run build` first (it measures the built app).');
      return [];
    }
    const figures: Figure[] = [];
    for (const size of context.sizes) {
      const userDataDir = await context.archiveFolder(size);
      // What main does while the window loads (the same code, in this process): its calls wait for it.
      // The search index is not among it: it loads or builds in a worker meanwhile.
      const opening = await time(async () => (await openLibrary(userDataDir)).close());
      figures.push({
        suite: 'launch',
        name: 'start-up step: open the store',
        size,
        value: opening,
        unit: 'ms',
      });

      const started = performance.now();
      const startedAt = Date.now();
      const app = await launchApp({ userDataDir });
      try {
        const page = await app.firstWindow({ timeout: 120_000 });
        // Mostly not ours: the host and Chromium starting; main opens the window before the library.
        const windowOpen = performance.now() - started;
        // The page's own clock of the first row in the DOM: Playwright's polling, under load, notices
        // it hundreds of milliseconds later. (A string: the bench's TypeScript loader would add helpers.)
        await page.evaluate(`(() => {
          const seen = () => {
            if (window.firstRowAt === undefined && document.querySelector('[role="option"]'))
              window.firstRowAt = Date.now();
          };
          new MutationObserver(seen).observe(document, { subtree: true, childList: true });
          seen();
        })()`);
        await page
          .getByRole('listbox', { name: /list of bulletins/ })
          .getByRole('option')
          .first()
          .waitFor({ timeout: 120_000 });
        const firstPaint = performance.now() - started;
        const firstRowInPage = Number(await page.evaluate('window.firstRowAt')) - startedAt;
        const reply = await page.evaluate(async () => {
          const start = performance.now();
          const result = await window.bulletins.list({ view: 'all' });
          return {
            ms: performance.now() - start,
            bytes: JSON.stringify(result).length,
            rows: result.rows.length,
          };
        });
        const maxRssKb = await app.evaluate(() => process.resourceUsage().maxRSS);
        figures.push(
          {
            suite: 'launch',
            name: 'launch to the window created (host and Chromium start-up, then main up to the window)',
            size,
            value: windowOpen,
            unit: 'ms',
          },
          {
            suite: 'launch',
            name: 'launch to first list row, no index on disk yet (host: built app on Chromium)',
            size,
            value: firstPaint,
            unit: 'ms',
            goal: '≤ 1500 ms',
          },
          {
            suite: 'launch',
            name: 'launch to first list row in the page (its own clock, not Playwright noticing it)',
            size,
            value: firstRowInPage,
            unit: 'ms',
            goal: '≤ 1500 ms',
          },
          {
            suite: 'launch',
            name: `list IPC reply for "All" (${reply.rows} rows, ${Math.round(reply.bytes / 1024)} KB)`,
            size,
            value: reply.ms,
            unit: 'ms',
          },
          {
            suite: 'launch',
            name: 'peak RSS of main (after launch)',
            size,
            value: Math.round(maxRssKb / 1024),
            unit: 'MB',
          },
        );
      } finally {
        await app.close();
      }
    }
    return figures;
  },
};
