import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { launchApp } from '../host/launch.mjs';
import type { HostApp, IpcTraffic } from '../host/types';
import { percentile, type Figure, type Suite } from './harness';

const BUILT_MAIN = fileURLToPath(new URL('../../out/main/index.js', import.meta.url));
/** Toggles timed per size: enough for a p95 that is not the single slowest. */
const PRESSES = 40;
/** About a fifth of the archive: ≈ 21,000 results at 100,000 bulletins (see selection.bench.ts). */
const BULK_SEARCH = 'honduras OR belize lang:es';
/** How long the bridge is watched after an action, for late events and reloads it causes. */
const SETTLE_MS = 1500;

type Traffic = Record<string, IpcTraffic>;

/** Calls (invokes) and bytes, both ways, events included, between two readings of the host's tally. */
function trafficBetween(before: Traffic, after: Traffic) {
  let calls = 0;
  let bytes = 0;
  const channels: string[] = [];
  for (const [channel, tally] of Object.entries(after)) {
    const messages = tally.messages - (before[channel]?.messages ?? 0);
    if (messages === 0) continue;
    bytes += tally.bytes - (before[channel]?.bytes ?? 0);
    if (!channel.startsWith('event:')) calls += messages;
    channels.push(`${channel}×${messages}`);
  }
  return { calls, kilobytes: bytes / 1024, channels };
}

async function settled(app: HostApp, page: Page, action: () => Promise<void>) {
  const before = await app.ipcTraffic();
  await action();
  await page.waitForTimeout(SETTLE_MS);
  return trafficBetween(before, await app.ipcTraffic());
}

/**
 * Arms the page to time a key press to the moment the active row's class or bookmark button
 * changes (what the user sees), in the page's own clock.
 */
async function pressAndTimeRow(page: Page, key: string): Promise<number> {
  // Source text, not a function: tsx would wrap named inner functions in a helper the page lacks.
  const armed = page.evaluate<number>(`new Promise((resolve, reject) => {
    const row = document.querySelector('[role="grid"] [role="row"][aria-current="true"]');
    if (!row) return reject(new Error('no open row'));
    let pressed = 0;
    window.addEventListener('keydown', () => { pressed = performance.now(); }, { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (pressed === 0) return;
      observer.disconnect();
      // The frame that shows it: the next animation frame after the DOM changed.
      requestAnimationFrame(() => resolve(performance.now() - pressed));
    });
    observer.observe(row, { attributes: true, subtree: true, attributeFilter: ['class'] });
    setTimeout(() => reject(new Error('the row did not change within 10 s')), 10000);
  })`);
  await page.waitForTimeout(20);
  await page.keyboard.press(key);
  return armed;
}

/**
 * A mark in the built app (tests/host) at archive scale: for a bookmark toggled from the list, an
 * automatic read mark and a bulk bookmark of a large search's results, the calls and bytes that
 * cross the bridge (events included, counted by the host's transport) and the time from the key
 * press to the row updated on screen.
 */
export const marksSuite: Suite = {
  name: 'marks',
  async run(context) {
    if (!existsSync(BUILT_MAIN)) {
      console.error('  marks: needs `npm run build` first; skipped.');
      return [];
    }
    const figures: Figure[] = [];
    for (const size of context.sizes) {
      const app = await launchApp({ userDataDir: await context.archiveFolder(size), timeout: 180_000 });
      const figure = (name: string, value: number, unit: Figure['unit'], goal?: string) =>
        figures.push({ suite: 'marks', name, size, value, unit, ...(goal ? { goal } : {}) });
      try {
        const page = await app.firstWindow({ timeout: 120_000 });
        const list = page.getByRole('grid', { name: /list of bulletins/ });
        await list.getByRole('row').first().waitFor({ timeout: 120_000 });
        // The whole archive known (the older months read), so nothing else is on its way.
        await page
          .getByText(/^[\d,]+ bulletins$/)
          .first()
          .waitFor({ timeout: 120_000 });
        await page.waitForTimeout(SETTLE_MS);
        await list.focus();
        await page.keyboard.press('j');
        await page.locator('[role="option"][aria-current="true"]').waitFor();
        const scrollBefore = await list.evaluate((element) => element.scrollTop);

        // A bookmark toggled from the list (B on the open row).
        const single = await settled(app, page, async () => void (await pressAndTimeRow(page, 'b')));
        console.error(`  marks ${size}: one bookmark: ${single.channels.join(', ')}`);
        figure('bookmark from the list: bridge calls', single.calls, 'count', '≤ 2');
        figure('bookmark from the list: bytes across the bridge', single.kilobytes, 'KB', '< 50 KB');
        const times: number[] = [];
        for (let press = 0; press < PRESSES; press++) times.push(await pressAndTimeRow(page, 'b'));
        figure(
          `bookmark from the list: key press to row updated, p95 of ${PRESSES}`,
          percentile(times, 95),
          'ms',
          '≤ 16 ms',
        );
        const readTimes: number[] = [];
        for (let press = 0; press < PRESSES; press++) readTimes.push(await pressAndTimeRow(page, 'm'));
        figure(
          `read mark by hand (M): key press to row updated, p95 of ${PRESSES}`,
          percentile(readTimes, 95),
          'ms',
          '≤ 16 ms',
        );
        const scrollAfter = await list.evaluate((element) => element.scrollTop);
        figure('scroll position moved by the marks', Math.abs(scrollAfter - scrollBefore), 'count', '0');

        // The automatic read mark: the next (unread) bulletin left open for three seconds.
        await page.keyboard.press('j');
        const row = page.locator('[role="option"][aria-current="true"]');
        await row.waitFor();
        const before = await app.ipcTraffic();
        await page.waitForFunction(
          () =>
            document.querySelector('[role="option"][aria-current="true"]')?.classList.contains('row--read'),
          undefined,
          { timeout: 10_000 },
        );
        await page.waitForTimeout(SETTLE_MS);
        const automatic = trafficBetween(before, await app.ipcTraffic());
        console.error(
          `  marks ${size}: automatic read mark (with the opening): ${automatic.channels.join(', ')}`,
        );
        figure(
          'automatic read mark (and the opening before it): bridge calls',
          automatic.calls,
          'count',
          '≤ 2 + the opening',
        );
        figure('automatic read mark: bytes across the bridge', automatic.kilobytes, 'KB', '< 50 KB');

        // A bulk bookmark of a large search's results, with one row selected kept in view.
        await page.getByRole('combobox', { name: 'Search bulletins' }).fill(BULK_SEARCH);
        await page.getByText(/^[\d,]+ results$/).waitFor({ timeout: 120_000 });
        await list.focus();
        const bar = page.getByRole('toolbar', { name: 'Selected bulletins' });
        await page.keyboard.press('Control+A');
        await bar.waitFor({ timeout: 120_000 });
        const selected = Number((await bar.locator('.selection-count').textContent())?.replace(/\D/g, ''));
        let bulkMs = 0;
        const bulk = await settled(app, page, async () => {
          const started = Date.now();
          await bar.getByRole('button', { name: 'Bookmark', exact: true }).click();
          await page.locator('[role="option"] .row-bookmark--on').first().waitFor({ timeout: 120_000 });
          bulkMs = Date.now() - started;
        });
        console.error(`  marks ${size}: bulk bookmark of ${selected}: ${bulk.channels.join(', ')}`);
        figure(`bulk bookmark of ${selected} results: bridge calls`, bulk.calls, 'count');
        figure(`bulk bookmark of ${selected} results: bytes across the bridge`, bulk.kilobytes, 'KB');
        figure(`bulk bookmark of ${selected} results: click to rows updated`, bulkMs, 'ms');
        const stillSelected = Number(
          (await bar.locator('.selection-count').textContent())?.replace(/\D/g, ''),
        );
        figure('selection lost by the bulk bookmark (rows)', selected - stillSelected, 'count', '0');
      } finally {
        await app.close();
      }
    }
    return figures;
  },
};
