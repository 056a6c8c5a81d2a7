import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { openLibrary, type Library } from '../../main/store/library';
import { percentile, time, type Figure, type Suite } from './harness';

const ROUNDS = 3;

/** The store at archive scale: loading it, and a bookmark toggle persisted to disk. */
export const storeSuite: Suite = {
  name: 'store',
  async run(context) {
    const figures: Figure[] = [];
    for (const size of context.sizes) {
      const folder = await context.archiveFolder(size);
      const shards = join(folder, 'bulletins');
      // Alternating rounds, medians: on a shared machine one round of each swings by half.
      const bareParses: number[] = [];
      const loads: number[] = [];
      let library: Awaited<ReturnType<typeof openLibrary>> | undefined;
      for (let round = 0; round < ROUNDS; round++) {
        bareParses.push(
          await time(async () => {
            for (const name of await readdir(shards)) JSON.parse(await readFile(join(shards, name), 'utf8'));
          }),
        );
        library?.close();
        library = undefined;
        loads.push(
          await time(async () => {
            library = await openLibrary(folder);
          }),
        );
      }
      const bareParse = percentile(bareParses, 50);
      const load = percentile(loads, 50);
      figures.push({
        suite: 'store',
        name: `load (read + validate + index by id), median of ${ROUNDS}`,
        size,
        value: load,
        unit: 'ms',
        baseline: { name: `bare JSON.parse of the same files, median of ${ROUNDS}`, value: bareParse },
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
      if (library) figures.push(...(await afterMarkingAllRead(library, folder, ids, size)));
    }
    return figures;
  },
};

/**
 * Issue 3: once every bulletin is marked read, state.json holds all their ids, and a small
 * action must not cost a rewrite of all of them (state.json's journal takes it as one line).
 */
async function afterMarkingAllRead(
  library: Library,
  folder: string,
  ids: readonly string[],
  size: number,
): Promise<Figure[]> {
  const markAll = await time(() =>
    library.setReadMany(
      library.bulletins('all').map((b) => b.id),
      true,
    ),
  );
  const toggles: number[] = [];
  for (const id of ids) toggles.push(await time(() => library.toggleBookmark(id)));
  const notes: number[] = [];
  for (const [n, id] of ids.entries())
    notes.push(await time(() => library.setNote(id, `Note ${n} on ${id}`)));
  // At quit: with the journal, one compaction (the whole of state.json, then a fresh journal).
  const flush = await time(() => library.flush());
  const stateSize = (await stat(join(folder, 'state.json'))).size / 1024;
  const after = `after marking all ${size.toLocaleString('en')} read`;
  return [
    { suite: 'store', name: 'mark all read, persisted', size, value: markAll, unit: 'ms' },
    {
      suite: 'store',
      name: `bookmark toggle, persisted (p95 of ${ids.length}), ${after}`,
      size,
      value: percentile(toggles, 95),
      unit: 'ms',
      goal: '≤ 15 ms',
    },
    {
      suite: 'store',
      name: `note save, persisted (p95 of ${ids.length}), ${after}`,
      size,
      value: percentile(notes, 95),
      unit: 'ms',
      goal: '≤ 15 ms',
    },
    { suite: 'store', name: `library.flush() at quit, ${after}`, size, value: flush, unit: 'ms' },
    { suite: 'store', name: `state.json size, ${after}`, size, value: stateSize, unit: 'KB' },
  ];
}
