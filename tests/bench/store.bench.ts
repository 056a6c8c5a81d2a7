import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openLibrary } from '../../main/store/library';
import { percentile, time, type Figure, type Suite } from './harness';

/** The store at archive scale: loading it, and a bookmark toggle persisted to disk. */
export const storeSuite: Suite = {
  name: 'store',
  async run(context) {
    const figures: Figure[] = [];
    for (const size of context.sizes) {
      const folder = await context.archiveFolder(size);
      const shards = join(folder, 'bulletins');
      const bareParse = await time(async () => {
        for (const name of await readdir(shards)) JSON.parse(await readFile(join(shards, name), 'utf8'));
      });
      let library: Awaited<ReturnType<typeof openLibrary>> | undefined;
      const load = await time(async () => {
        library = await openLibrary(folder);
      });
      figures.push({
        suite: 'store',
        name: 'load (read + validate + index by id)',
        size,
        value: load,
        unit: 'ms',
        baseline: { name: 'bare JSON.parse of the same files', value: bareParse },
        goal: '≤ 1.3× JSON.parse',
      });

      const ids = context
        .bulletins(size)
        .slice(0, 200)
        .map((bulletin) => bulletin.id);
      const toggles: number[] = [];
      for (const id of ids) toggles.push(await time(() => library?.toggleBookmark(id)));
      figures.push({
        suite: 'store',
        name: 'bookmark toggle, persisted (p95 of 200)',
        size,
        value: percentile(toggles, 95),
        unit: 'ms',
        goal: '≤ 15 ms',
      });
    }
    return figures;
  },
};
