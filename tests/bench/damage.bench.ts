import { readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import { indexOptions } from '../../main/search/indexOptions';
import { fingerprintOf } from '../../main/search/persistedIndex';
import type { Bulletin } from '../../preload/contract';
import { bulletinRow } from '../../main/ipc/bulletinRow';
import { searchBulletins } from '../../main/search/searchBulletins';
import { createSearchIndex } from '../../main/search/searchIndex';
import { createBackups } from '../../main/store/backups';
import { openLibrary } from '../../main/store/library';
import { generateBulletins } from './generateArchive';
import { percentile, type Figure, type Suite } from './harness';

const BATCH = 1000;
const WATCH_MS = Number(process.env.BENCH_WATCH_MS ?? 30_000);
const SEARCH_EVERY_MS = 250;
const WORDS = ['migrants', 'shelter', 'health', 'border', 'asylum', 'water', 'school', 'training'];

/** The window's first page of search results (renderer/list/useBulletinList.ts). */
const PAGE = 200;

const monthsOf = (count: number) =>
  new Set(generateBulletins(count, 7).map((bulletin) => bulletin.published.slice(0, 7))).size;

/**
 * Main's thread's own CPU time so far, in ms (Linux's per-thread schedstat), or null where it cannot
 * be read. On a shared machine (2 cores, load 10) a turn of 20 ms of work took 100–400 ms of wall
 * time waiting for a core: counted in CPU time, a long turn is one the app itself made.
 */
function mainThreadCpuMs(): number | null {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return null;
  }
}

/** A timer's period for the CPU-time figures, as the delay histogram's resolution. */
const TICK_MS = 10;

interface Watched {
  stall: number;
  searches: number[];
  started: number;
  /** Main's CPU time between two turns of a 10 ms timer, at most (null: not measurable here). */
  stallCpu: number | null;
  /** Per search, main's CPU time from when its timer fired to its answer (null: not measurable). */
  searchesCpu: number[] | null;
}

/**
 * Types a search every 250 ms (timed from when it was due, as the user waits from then) for
 * `ms`, while `work` runs from the start; gives main's longest event-loop stall meanwhile, in
 * wall time and in main's own CPU time.
 */
async function watchMain(
  ms: number,
  search: (text: string) => unknown,
  work: () => Promise<void> = async () => undefined,
): Promise<Watched> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const searches: number[] = [];
  const searchesCpu: number[] = [];
  let typing = true;
  let word = 0;
  const typeNext = () => {
    const due = performance.now() + SEARCH_EVERY_MS;
    setTimeout(() => {
      if (!typing) return;
      const cpuFrom = mainThreadCpuMs();
      // Until its answer: a search answers in slices (main/mainThread/slices.ts), other work between them.
      void Promise.resolve(search(WORDS[word++ % WORDS.length] ?? 'border')).then(() => {
        searches.push(performance.now() - due);
        const cpuTo = mainThreadCpuMs();
        if (cpuFrom !== null && cpuTo !== null) searchesCpu.push(cpuTo - cpuFrom);
        typeNext();
      });
    }, SEARCH_EVERY_MS);
  };
  let lastCpu = mainThreadCpuMs();
  let stallCpu = 0;
  const ticker = setInterval(() => {
    const cpu = mainThreadCpuMs();
    if (cpu !== null && lastCpu !== null) stallCpu = Math.max(stallCpu, cpu - lastCpu);
    lastCpu = cpu;
  }, TICK_MS);
  const started = performance.now();
  delay.enable();
  typeNext();
  await Promise.all([work(), new Promise((resolve) => setTimeout(resolve, ms))]);
  delay.disable();
  clearInterval(ticker);
  typing = false;
  const measurable = lastCpu !== null;
  return {
    stall: Math.round(delay.max / 1e6),
    searches,
    started,
    stallCpu: measurable ? Math.round(stallCpu) : null,
    searchesCpu: measurable ? searchesCpu : null,
  };
}

const megabytes = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

async function bytesOf(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  return total;
}

/**
 * Issue 20. What the copies that make every month recoverable cost on disk (each month's copy as
 * its write keeps it, gzipped; at most two a month); and main's thread after an import into a full
 * archive with a saved search index: its longest event-loop stall and the slowest search typed
 * meanwhile (a search every 250 ms as the window asks it, a first page of rows, timed from when it
 * was due), for 30 s from the start of the import (the import and the index's save included),
 * beside the same figures with no import (what the searches alone cost main); then the same
 * archive's whole save as before (one JSON.stringify and the digest, on main's thread), which a
 * search typed then waited for.
 */
export const damageSuite: Suite = {
  name: 'damage',
  async run(context) {
    const figures: Figure[] = [];
    for (const size of context.sizes) {
      const folder = await context.archiveFolder(size);
      const shardFolder = join(folder, 'bulletins');
      const months = (await readdir(shardFolder)).filter((name) => name.endsWith('.json'));
      const backups = createBackups(folder);
      for (const month of months)
        await backups.keep(`bulletins/${month}`, await readFile(join(shardFolder, month), 'utf8'));
      const archive = await bytesOf(shardFolder);
      const copies = await bytesOf(join(folder, 'backups'));
      figures.push(
        { suite: 'damage', name: 'archive (bulletins/*.json)', size, value: megabytes(archive), unit: 'MB' },
        {
          suite: 'damage',
          name: `a copy of every month, as its write keeps it (gzipped); at most two a month: ≤ ${megabytes(2 * copies)} MB`,
          size,
          value: megabytes(copies),
          unit: 'MB',
          baseline: { name: 'archive', value: megabytes(archive) },
          goal: '≤ 2 / 5 of the archive',
        },
      );

      const library = await openLibrary(folder);
      const file = join(folder, 'search-index.json');
      const index = createSearchIndex({ file, bulletins: () => library.bulletins() });
      await index.ready;
      await index.flush();

      const toRow = (bulletin: Bulletin, excerpt: string) => bulletinRow(bulletin, library, excerpt);
      const quiet = await watchMain(WATCH_MS / 3, (text) =>
        searchBulletins({ view: 'all', text, limit: PAGE }, library, index, toRow),
      );
      const batch = generateBulletins(BATCH, 7);
      let imported = 0;
      const during = await watchMain(
        WATCH_MS,
        (text) => searchBulletins({ view: 'all', text, limit: PAGE }, library, index, toRow),
        async () => {
          const importing = performance.now();
          const result = await library.add(batch);
          await index.add(result.added);
          imported = performance.now() - importing;
        },
      );
      await index.flush();
      const resaved = (await stat(file)).mtimeMs >= performance.timeOrigin + during.started;
      figures.push(
        {
          suite: 'damage',
          name: `the import itself: ${BATCH} bulletins (${monthsOf(BATCH)} months) into the store (persisted) and the index`,
          size,
          value: Math.round(imported),
          unit: 'ms',
        },
        {
          suite: 'damage',
          name: `main's longest event-loop stall, ${WATCH_MS / 1000} s from the start of importing ${BATCH} (index saved again: ${resaved ? 'yes' : 'no'})`,
          size,
          value: during.stall,
          unit: 'ms',
          baseline: { name: `no import, ${WATCH_MS / 3000} s`, value: quiet.stall },
          goal: '≤ 100 ms',
        },
        {
          suite: 'damage',
          name: `slowest search typed meanwhile (${during.searches.length}, p50 ${percentile(during.searches, 50).toFixed(1)} ms; a first page of ${PAGE} rows)`,
          size,
          value: Math.round(Math.max(...during.searches) * 10) / 10,
          unit: 'ms',
          baseline: {
            name: `no import (p50 ${percentile(quiet.searches, 50).toFixed(1)} ms)`,
            value: Math.round(Math.max(...quiet.searches) * 10) / 10,
          },
          goal: '≤ 150 ms',
        },
      );

      if (during.stallCpu === null || during.searchesCpu === null || quiet.searchesCpu === null)
        console.log('damage: main thread CPU-time figures skipped (no /proc/self/task/<pid>/schedstat here)');
      else
        figures.push(
          {
            suite: 'damage',
            name: `main's longest stall in its own CPU time (between turns of a ${TICK_MS} ms timer; a loaded machine's waits for a core left out)`,
            size,
            value: during.stallCpu,
            unit: 'ms',
            baseline: { name: 'no import', value: quiet.stallCpu ?? 0 },
            goal: '≤ 100 ms',
          },
          {
            suite: 'damage',
            name: `slowest search meanwhile in main's CPU time, from its timer to its answer (p50 ${percentile(during.searchesCpu, 50).toFixed(1)} ms)`,
            size,
            value: Math.round(Math.max(...during.searchesCpu) * 10) / 10,
            unit: 'ms',
            baseline: {
              name: `no import (p50 ${percentile(quiet.searchesCpu, 50).toFixed(1)} ms)`,
              value: Math.round(Math.max(...quiet.searchesCpu) * 10) / 10,
            },
            goal: '≤ 150 ms',
          },
        );

      // Before (main at 60ff94e): the whole save on main's thread, as one go.
      const saved = await readFile(file, 'utf8');
      const loaded = MiniSearch.loadJSON(saved.slice(saved.indexOf('\n') + 1), indexOptions);
      const before = performance.now();
      fingerprintOf(library.bulletins());
      JSON.stringify(loaded);
      figures.push({
        suite: 'damage',
        name: 'before: the same save as one JSON.stringify and digest on main (a stall; a search typed then waits for it)',
        size,
        value: Math.round(performance.now() - before),
        unit: 'ms',
      });
      library.close();
    }
    return figures;
  },
};
