import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import { indexOptions } from '../../main/search/indexOptions';
import { bulletinRow } from '../../main/ipc/bulletinRow';
import { fingerprintOf } from '../../main/search/persistedIndex';
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
 * meanwhile (a search every 250 ms, timed from when it was due), for 30 s after the import, with
 * the index saved in slices; then the same archive's whole save as before (one JSON.stringify and
 * the digest, on main's thread), which a search typed then waited for.
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

      const delay = monitorEventLoopDelay({ resolution: 10 });
      /** Each search is typed 250 ms after the one before answered, and timed from when it was due. */
      const searches: number[] = [];
      let typing = true;
      let word = 0;
      const typeNext = () => {
        const due = performance.now() + SEARCH_EVERY_MS;
        setTimeout(() => {
          if (!typing) return;
          const text = WORDS[word++ % WORDS.length] ?? 'border';
          searchBulletins({ view: 'all', text }, library, index, (bulletin, excerpt) =>
            bulletinRow(bulletin, library, excerpt),
          );
          searches.push(performance.now() - due);
          typeNext();
        }, SEARCH_EVERY_MS);
      };
      const importing = performance.now();
      const result = await library.add(generateBulletins(BATCH, 7));
      await index.add(result.added);
      const imported = performance.now() - importing;
      const started = performance.now();
      delay.enable();
      typeNext();
      await new Promise((resolve) => setTimeout(resolve, WATCH_MS));
      await index.flush();
      delay.disable();
      typing = false;
      const resaved = (await stat(file)).mtimeMs >= performance.timeOrigin + started;
      figures.push(
        {
          suite: 'damage',
          name: `the import itself: ${BATCH} bulletins into the store (persisted) and the index, on main`,
          size,
          value: Math.round(imported),
          unit: 'ms',
        },
        {
          suite: 'damage',
          name: `main's longest event-loop stall, ${WATCH_MS / 1000} s after importing ${BATCH} (index saved again: ${resaved ? 'yes' : 'no'})`,
          size,
          value: Math.round(delay.max / 1e6),
          unit: 'ms',
          goal: '≤ 100 ms',
        },
        {
          suite: 'damage',
          name: `slowest search typed meanwhile (${searches.length}, p50 ${percentile(searches, 50).toFixed(1)} ms)`,
          size,
          value: Math.round(Math.max(...searches) * 10) / 10,
          unit: 'ms',
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
