import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { launchApp } from '../host/launch.mjs';
import type { IndexStatus } from '../../preload/contract';
import type { HostApp, IpcTraffic } from '../host/types';
import { percentile, type Figure, type Suite } from './harness';

const BUILT_MAIN = fileURLToPath(new URL('../../out/main/index.js', import.meta.url));
/**
 * An A/B in one run: BENCH_BASELINE_BUILD names another build's `out` folder (say, main's, copied
 * aside before the change), measured first on a fresh archive of the same size; each figure of
 * this build then shows the baseline's beside it, under the same load. BENCH_BUILD names this
 * build's, when `out/` is to be rebuilt meanwhile.
 */
const BASELINE_BUILD = process.env.BENCH_BASELINE_BUILD;
const THIS_BUILD = process.env.BENCH_BUILD;
/** Rounds of an A/B (BENCH_AB_ROUNDS, default 2: A B then B A). */
const AB_ROUNDS = Math.max(1, Number(process.env.BENCH_AB_ROUNDS ?? 2));
const mainOf = (build: string | undefined) => (build ? join(build, 'main', 'index.js') : BUILT_MAIN);
/**
 * Presses timed per figure (BENCH_PRESSES). At 40 a p95 was the second-slowest press, and three
 * quiet runs of one build gave 14.0–17.6 ms for it; at 200 it is the tenth-slowest, so one stalled
 * frame no longer decides it.
 */
const PRESSES = Math.max(20, Number(process.env.BENCH_PRESSES ?? 200));
/**
 * The pause before a timed press, as a reader's between keys (a bookmark, a glance at the row):
 * 150–249 ms, uneven. Presses back to back would queue behind each other's answers from main, which
 * no user does; and each press is armed right after the last one's frame, so an even gap (150 ms is
 * nine frames at 60 Hz) would land every press at the same point of the display's frame and make
 * the wait for the next frame a constant instead of what a user meets (anything up to a frame).
 */
const pressGapMs = (press: number) => 150 + ((press * 37) % 100);
/** About a fifth of the archive: ≈ 21,000 results at 100,000 bulletins (see selection.bench.ts). */
const BULK_SEARCH = 'honduras OR belize lang:es';
/** How long the bridge is watched after an action, for late events and reloads it causes. */
const SETTLE_MS = 1500;
/**
 * How long any one step may take before the run gives up. Generous: on a shared machine (load 20+ on
 * two cores) the archive's opening and a 20,000-row bulk action take minutes, not seconds; a step
 * that is merely slow must be measured, not fail the run.
 */
const STEP_TIMEOUT_MS = 600_000;
/** A single key press's row update: far beyond any goal, so a timeout is a bug, not load. */
const PRESS_TIMEOUT_MS = Number(process.env.BENCH_PRESS_TIMEOUT_MS ?? 60_000);

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
 * Waits until nothing has crossed the bridge for SETTLE_MS: a mark shows before main answers, so
 * after a series of presses their calls can still be on their way, and must not be counted with
 * the next action's.
 */
async function quiet(app: HostApp) {
  const until = Date.now() + STEP_TIMEOUT_MS;
  let last = JSON.stringify(await app.ipcTraffic());
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const now = JSON.stringify(await app.ipcTraffic());
    if (now === last) return;
    if (Date.now() > until) throw new Error('the bridge did not fall quiet in time');
    last = now;
  }
}

/**
 * Times a key press to the moment the open row's class or bookmark button changes (what the user
 * sees), in the page's own clock. The page is armed first, in a call that returns once its
 * listeners are in place, and only then is the key pressed: pressed while the arming script was
 * still on its way (as under load it can be), the key would go unseen and the wait never end.
 */
async function pressAndTimeRow(page: Page, key: string): Promise<RowTiming> {
  // Source text, not a function: tsx would wrap named inner functions in a helper the page lacks.
  await page.evaluate(`void (window.__rowChange = new Promise((resolve, reject) => {
    const row = document.querySelector('[role="grid"] [role="row"][aria-current="true"]');
    if (!row) return reject(new Error('no open row'));
    let pressed = 0;
    window.addEventListener('keydown', () => { pressed = performance.now(); }, { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (pressed === 0) return;
      observer.disconnect();
      const dom = performance.now() - pressed;
      // The frame that shows it: the next animation frame after the DOM changed.
      requestAnimationFrame(() => resolve({ dom, frame: performance.now() - pressed }));
    });
    observer.observe(row, { attributes: true, subtree: true, attributeFilter: ['class'] });
    setTimeout(() => reject(new Error(
      'the open row did not change within ${PRESS_TIMEOUT_MS} ms of pressing ${key} (key seen: ' + (pressed > 0) + ')'
    )), ${PRESS_TIMEOUT_MS});
  }))`);
  await page.keyboard.press(key);
  return page.evaluate<RowTiming>('window.__rowChange');
}

/** `PRESSES` timed presses of `key`, each after a user's pause. */
async function timePresses(page: Page, key: string): Promise<RowTiming[]> {
  const times: RowTiming[] = [];
  for (let press = 0; press < PRESSES; press++) {
    await page.waitForTimeout(pressGapMs(press));
    times.push(await pressAndTimeRow(page, key));
  }
  return times;
}

/**
 * From the key press: to the row's DOM changed (the app's own work: the key handler, the store,
 * React's render) and to the next animation frame after it (what the user sees; under load the
 * frame waits on the compositor too).
 */
interface RowTiming {
  dom: number;
  frame: number;
}

/**
 * The figures of a series of timed presses: to the next frame (p50, p95, max), to the DOM (p95),
 * and the wait from the DOM's change to that frame (p95): the display's part, up to a frame (16.7 ms
 * at 60 Hz) when the window is idle, more when other work holds the frame back.
 */
function timingFigures(times: readonly RowTiming[]) {
  const frames = times.map((time) => time.frame);
  return {
    frame: percentile(frames, 95),
    median: percentile(frames, 50),
    max: Math.max(...frames),
    dom: percentile(
      times.map((time) => time.dom),
      95,
    ),
    wait: percentile(
      times.map((time) => time.frame - time.dom),
      95,
    ),
  };
}

/** One line per series on the console: how many presses, and the spread behind its p95. */
function logSeries(size: number, what: string, figures: ReturnType<typeof timingFigures>) {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.error(
    `  marks ${size}: ${what}: ${PRESSES} presses, to the next frame p50 ${ms(figures.median)}, ` +
      `p95 ${ms(figures.frame)}, max ${ms(figures.max)}; to the DOM p95 ${ms(figures.dom)}; ` +
      `from the DOM to the frame p95 ${ms(figures.wait)}`,
  );
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
    const entry = mainOf(THIS_BUILD);
    if (!existsSync(entry)) {
      console.error(`  marks: needs \`npm run build\` first (no ${entry}); skipped.`);
      return [];
    }
    const baseline = BASELINE_BUILD ? mainOf(BASELINE_BUILD) : undefined;
    if (baseline && !existsSync(baseline)) throw new Error(`BENCH_BASELINE_BUILD: no ${baseline}`);
    if (!baseline) {
      const figures: Figure[] = [];
      for (const size of context.sizes)
        figures.push(...(await measureMarks(entry, size, context.archiveFolder, 'this build')));
      return figures;
    }
    // Rounds in the order A B, B A, A B…: a load that rises or falls during the run weighs on both.
    const figures: Figure[] = [];
    for (const size of context.sizes) {
      const runs = { baseline: [] as Figure[][], current: [] as Figure[][] };
      for (let round = 0; round < AB_ROUNDS; round++) {
        const order =
          round % 2 === 0 ? (['baseline', 'current'] as const) : (['current', 'baseline'] as const);
        for (const build of order)
          runs[build].push(
            await measureMarks(build === 'baseline' ? baseline : entry, size, context.archiveFolder, build),
          );
      }
      const before = meanOfRounds(runs.baseline);
      for (const figure of meanOfRounds(runs.current)) {
        const was = before.find((other) => other.name === figure.name);
        const name = AB_ROUNDS > 1 ? `${figure.name} (mean of ${AB_ROUNDS} rounds)` : figure.name;
        figures.push({
          ...figure,
          name,
          ...(was ? { baseline: { name: 'baseline build', value: was.value } } : {}),
        });
      }
    }
    return figures;
  },
};

/** Each figure's mean over rounds, by name (a round's bulk search selects as many as the others). */
function meanOfRounds(rounds: readonly Figure[][]): Figure[] {
  return (rounds[0] ?? []).map((figure) => {
    const values = rounds.map((round) => round.find((other) => other.name === figure.name)?.value ?? NaN);
    return { ...figure, value: values.reduce((sum, value) => sum + value, 0) / values.length };
  });
}

/** Every figure of the suite for one build at one size, on a fresh archive. */
async function measureMarks(
  entry: string,
  size: number,
  archiveFolder: (size: number) => Promise<string>,
  label: string,
): Promise<Figure[]> {
  console.error(`  marks ${size}: ${label} (${entry})`);
  const figures: Figure[] = [];
  const app = await launchApp({
    entry,
    userDataDir: await archiveFolder(size),
    timeout: STEP_TIMEOUT_MS,
  });
  const figure = (name: string, value: number, unit: Figure['unit'], goal?: string) =>
    figures.push({ suite: 'marks', name, size, value, unit, ...(goal ? { goal } : {}) });
  try {
    const page = await app.firstWindow({ timeout: STEP_TIMEOUT_MS });
    const list = page.getByRole('grid', { name: /list of bulletins/ });
    await list.getByRole('row').first().waitFor({ timeout: STEP_TIMEOUT_MS });
    // The whole archive known (the older months read), so nothing else is on its way.
    await page
      .getByText(/^[\d,]+ bulletins$/)
      .first()
      .waitFor({ timeout: STEP_TIMEOUT_MS });
    // The first launch builds the search index in a worker: wait for it, or its progress events
    // and its work on the cores would be measured with the marks.
    const indexed = Date.now() + STEP_TIMEOUT_MS;
    while ((await page.evaluate<IndexStatus>('window.bulletins.searchStatus()')).state !== 'ready') {
      if (Date.now() > indexed) throw new Error('the search index was not ready in time');
      await page.waitForTimeout(1000);
    }
    await quiet(app);
    await list.focus();
    await page.keyboard.press('j');
    await page.locator('[role="row"][aria-current="true"]').waitFor({ timeout: PRESS_TIMEOUT_MS });
    const scrollBefore = await list.evaluate((element) => element.scrollTop);

    // A bookmark toggled from the list (B on the open row).
    const single = await settled(app, page, async () => void (await pressAndTimeRow(page, 'b')));
    console.error(`  marks ${size}: one bookmark: ${single.channels.join(', ')}`);
    figure('bookmark from the list: bridge calls', single.calls, 'count', '≤ 2');
    figure('bookmark from the list: bytes across the bridge', single.kilobytes, 'KB', '< 50 KB');
    const series = (what: string, timed: ReturnType<typeof timingFigures>) => {
      logSeries(size, what, timed);
      figure(`${what}: key press to row updated, p95 of ${PRESSES}`, timed.frame, 'ms', '≤ 16 ms');
      figure(`${what}: key press to row updated, median of ${PRESSES}`, timed.median, 'ms');
      figure(`${what}: key press to row updated, max of ${PRESSES}`, timed.max, 'ms');
      figure(`${what}: key press to row's DOM changed, p95 of ${PRESSES}`, timed.dom, 'ms');
      figure(`${what}: row's DOM changed to the next frame, p95 of ${PRESSES}`, timed.wait, 'ms');
    };
    series('bookmark (B)', timingFigures(await timePresses(page, 'b')));
    series('read mark (M)', timingFigures(await timePresses(page, 'm')));
    // The same bookmark once every bulletin is read (what Mark all read does): each change event
    // used to count the sidebar's numbers from every read mark.
    await page.evaluate(
      "window.bulletins.listIds({ view: 'all', text: '' }).then((ids) => window.bulletins.setRead(ids, true))",
    );
    await quiet(app);
    series('bookmark (B) with every bulletin read', timingFigures(await timePresses(page, 'b')));
    // Unread again, so that the automatic read mark below has an unread bulletin to mark.
    await page.evaluate(
      "window.bulletins.listIds({ view: 'all', text: '' }).then((ids) => window.bulletins.setRead(ids, false))",
    );
    await quiet(app);
    const scrollAfter = await list.evaluate((element) => element.scrollTop);
    figure('scroll position moved by the marks', Math.abs(scrollAfter - scrollBefore), 'count', '0');

    // The automatic read mark: the next (unread) bulletin left open for three seconds.
    await page.keyboard.press('j');
    const row = page.locator('[role="row"][aria-current="true"]');
    await row.waitFor({ timeout: PRESS_TIMEOUT_MS });
    const before = await app.ipcTraffic();
    await page.waitForFunction(
      () => document.querySelector('[role="row"][aria-current="true"]')?.classList.contains('row--read'),
      undefined,
      { timeout: PRESS_TIMEOUT_MS },
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
    await page.getByText(/^[\d,]+ results$/).waitFor({ timeout: STEP_TIMEOUT_MS });
    await list.focus();
    const bar = page.getByRole('toolbar', { name: 'Selected bulletins' });
    await page.keyboard.press('Control+A');
    await bar.waitFor({ timeout: STEP_TIMEOUT_MS });
    const selected = Number((await bar.locator('.selection-count').textContent())?.replace(/\D/g, ''));
    let bulkMs = 0;
    const bulk = await settled(app, page, async () => {
      const started = Date.now();
      // A narrow list pane keeps the marks in the bar's More… menu (useCrowded).
      const button = bar.getByRole('button', { name: 'Bookmark', exact: true });
      if (await button.isVisible()) await button.click();
      else {
        await bar.getByRole('button', { name: 'More…' }).click();
        await page.getByRole('menuitem', { name: 'Bookmark', exact: true }).click();
      }
      // Done when every row on screen shows its bookmark: all are among the selected results. One
      // bookmarked row alone could be one of the presses above.
      await page.waitForFunction(
        () => {
          const rows = [...document.querySelectorAll('[role="grid"] [role="row"]')];
          return rows.length > 0 && rows.every((row) => row.querySelector('.row-bookmark--on'));
        },
        undefined,
        { timeout: STEP_TIMEOUT_MS },
      );
      bulkMs = Date.now() - started;
    });
    console.error(`  marks ${size}: bulk bookmark of ${selected}: ${bulk.channels.join(', ')}`);
    figure(`bulk bookmark of ${selected} results: bridge calls`, bulk.calls, 'count');
    figure(`bulk bookmark of ${selected} results: bytes across the bridge`, bulk.kilobytes, 'KB');
    figure(`bulk bookmark of ${selected} results: click to rows updated`, bulkMs, 'ms');
    const stillSelected = Number((await bar.locator('.selection-count').textContent())?.replace(/\D/g, ''));
    figure('selection lost by the bulk bookmark (rows)', selected - stillSelected, 'count', '0');
  } finally {
    await app.close();
  }
  return figures;
}
