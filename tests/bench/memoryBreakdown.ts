import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { bulletinRow } from '../../main/ipc/bulletinRow';
import { searchPage } from '../../main/search/pageSnippets';
import { searchBulletins } from '../../main/search/searchBulletins';
import { createSearchIndex } from '../../main/search/searchIndex';
import { openLibrary } from '../../main/store/library';
import { readInWorker } from '../../main/store/textReader';

/**
 * What main's memory is made of (issue 18), in a fresh process that opens the store and the saved
 * index as main does, then searches once. Run by memory.bench.ts as
 * `node --expose-gc --import tsx memoryBreakdown.ts <userData>`; prints one JSON line.
 *
 * Each step is measured after a full collection: heap used, RSS, external, and the peak RSS so far
 * (`resourceUsage().maxRSS`). Then, in this process only: what the bulletin bodies take (their
 * strings' size, and the heap freed when they are dropped).
 */
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

/** One step's memory after a full collection, as printed for memory.bench.ts. */
export interface Step {
  heapMb: number;
  /** What V8 holds for its heap (used or not): the rest of RSS is native memory and code. */
  heapTotalMb: number;
  rssMb: number;
  externalMb: number;
  peakRssMb: number;
}

const mb = (bytes: number) => bytes / 2 ** 20;
function measure(): Step {
  // Twice: a first full collection can leave objects a finaliser or a weak callback frees.
  gc?.();
  gc?.();
  const used = process.memoryUsage();
  return {
    heapMb: mb(used.heapUsed),
    heapTotalMb: mb(used.heapTotal),
    rssMb: mb(used.rss),
    externalMb: mb(used.external),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

/**
 * The bytes V8 gives a flat string of this text on a 64-bit heap without pointer compression (Node;
 * Electron compresses pointers, so its headers are smaller): a 16-byte header, then one byte a
 * character when every character fits in Latin-1, else two; rounded up to 8.
 */
function stringBytes(text: string): number {
  let oneByte = true;
  for (let at = 0; at < text.length && oneByte; at++) oneByte = text.charCodeAt(at) <= 0xff;
  return Math.ceil((16 + text.length * (oneByte ? 1 : 2)) / 8) * 8;
}

const folder = process.argv[2] ?? '';
// The app's text worker is a bundle; here its TypeScript source, through the unit tests' loader shim.
const reader = readInWorker(new URL('../unit/main/tsWorker.mjs', import.meta.url), {
  workerData: { file: new URL('../../main/store/textWorker.ts', import.meta.url).href },
});
const bare = measure();

let started = performance.now();
const library = await openLibrary(folder, { reader });
const openMs = performance.now() - started;
// As earlyOpening.ts: the worker ends with the opening.
reader.close();
const opened = measure();

// main's thread while the index loads: the longest gap between ticks of a 5 ms timer.
let longestTurnMs = 0;
let lastTick = performance.now();
const probe = setInterval(() => {
  longestTurnMs = Math.max(longestTurnMs, performance.now() - lastTick);
  lastTick = performance.now();
}, 5);
started = performance.now();
const index = createSearchIndex({
  file: join(folder, 'search-index.json'),
  bulletins: () => library.bulletins(),
  build: () => Promise.reject(new Error('the saved index should have been loaded')),
  bulletin: (id) => library.get(id),
});
await index.ready;
const indexMs = performance.now() - started;
// The probe's next tick: the load's last stretch ends in microtasks, before any timer could run.
await new Promise((resolve) => setTimeout(resolve, 6));
clearInterval(probe);
const indexed = measure();

const hits = (
  await searchBulletins({ view: 'all', text: 'migration' }, library, index, (bulletin, excerpt) =>
    bulletinRow(bulletin, library, excerpt),
  )
).total;
const searched = measure();

// A body read as the reading pane asks (one, not cached: a bulletin from the middle of the archive),
// and a search page of 200 rows with their passages (the rows whose summary lacks the word read
// their body): each the median of 5, a different bulletin and word each time.
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const bodyMs: number[] = [];
const pageMs: number[] = [];
const newest = library.bulletins();
for (const [round, word] of ['border', 'shelter', 'health', 'return', 'asylum'].entries()) {
  const one = newest[Math.floor(((round + 1) * newest.length) / 7)];
  let started = performance.now();
  await library.bodies.read(one ? [one.id] : []);
  bodyMs.push(performance.now() - started);
  started = performance.now();
  await searchPage(
    (toRow) => searchBulletins({ view: 'all', text: word }, library, index, toRow),
    (bulletin, excerpt) => bulletinRow(bulletin, library, excerpt),
    library.bodies,
  );
  pageMs.push(performance.now() - started);
}

// The bulletins' strings, field by field: how many, how many distinct, their bytes as V8 lays them out.
const all = library.bulletins();
// Bodies are not held (main/store/bodies.ts): nothing of them to count here.
const fields = ['id', 'title', 'summary', 'link', 'published', 'source', 'language'] as const;
const strings: Record<string, { count: number; distinct: number; mb: number }> = {};
for (const field of [...fields, 'countries', 'importedAt', 'contentHash'] as const) {
  const distinct = new Set<string>();
  let count = 0;
  let bytes = 0;
  for (const bulletin of all) {
    const values: readonly (string | undefined)[] =
      field === 'countries' ? bulletin.countries : [bulletin[field]];
    for (const value of values) {
      if (value === undefined) continue;
      count++;
      bytes += stringBytes(value);
      distinct.add(value);
    }
  }
  strings[field] = { count, distinct: distinct.size, mb: mb(bytes) };
}

// What sharing repeated values would save (a first cut weighed, not made: see RESULTS.md): one copy
// of each source, import date, country and tag string, and one array per distinct list of them.
// JSON.parse already shares strings of up to 10 characters ("en", "2020-11-12", "México").
const pool = new Map<string, string>();
const lists = new Map<string, string[]>();
const shared = (value: string) => pool.get(value) ?? (pool.set(value, value), value);
const sharedList = (values: string[]) => {
  const key = values.map(shared).join('\u0000');
  return lists.get(key) ?? (lists.set(key, values.map(shared)), lists.get(key) as string[]);
};
for (const bulletin of all) {
  bulletin.source = shared(bulletin.source);
  bulletin.importedAt = shared(bulletin.importedAt);
  bulletin.countries = sharedList(bulletin.countries);
  bulletin.tags = sharedList(bulletin.tags);
}
const valuesShared = measure();

// Bodies dropped (set to undefined, not deleted: a deleted property would turn every bulletin into
// a slower, larger dictionary-mode object and blur the figure).
for (const bulletin of all) (bulletin as { bodyHtml?: string }).bodyHtml = undefined;
const withoutBodies = measure();

const sizeOf = async (path: string) => (await stat(path)).size;
const months = await readdir(join(folder, 'bulletins'));
const monthSizes = await Promise.all(months.map((name) => sizeOf(join(folder, 'bulletins', name))));
console.log(
  JSON.stringify({
    bulletins: all.length,
    hits,
    state: index.status().state,
    archiveMb: mb(monthSizes.reduce((sum, size) => sum + size, 0)),
    indexFileMb: mb(await sizeOf(join(folder, 'search-index.json'))),
    openMs,
    indexMs,
    bodyReadMs: median(bodyMs),
    searchPageMs: median(pageMs),
    longestTurnMs,
    steps: { bare, opened, indexed, searched, valuesShared, withoutBodies },
    strings,
  }),
);
