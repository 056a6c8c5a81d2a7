import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { openLibrary, type Library } from '../../main/store/library';
import { openAsTheAppDoes } from './appOpening';
import { percentile, time, type Figure, type Suite } from './harness';

/** Rounds of each load, one per position in the order (see `steps`). */
const ROUNDS = 4;

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
      const keptParses: number[] = [];
      const loads: number[] = [];
      const hereLoads: number[] = [];
      const parseAll = async (keep?: unknown[]) => {
        for (const name of await readdir(shards)) {
          const parsed: unknown = JSON.parse(await readFile(join(shards, name), 'utf8'));
          keep?.push(parsed);
        }
      };
      const steps = [
        // The goal's baseline drops each file's objects at once, so the collector never copies them;
        // any store keeps them (at 100k that copying alone is ~0.3×), hence the second baseline.
        async () => bareParses.push(await time(() => parseAll())),
        async () => {
          const kept: unknown[] = [];
          keptParses.push(await time(() => parseAll(kept)));
        },
        async () => hereLoads.push(await time(async () => (await openLibrary(folder)).close())),
        async () => {
          const { ms, library } = await openAsTheAppDoes(folder);
          library.close();
          loads.push(ms);
        },
      ];
      // Each step in each position once: a step pays for collecting what the one before it left.
      for (let round = 0; round < ROUNDS; round++)
        for (let step = 0; step < steps.length; step++) await steps[(round + step) % steps.length]?.();
      const { library } = await openAsTheAppDoes(folder);
      const median = (values: number[]) => percentile(values, 50);
      const bare = {
        name: `bare JSON.parse of the same files, median of ${ROUNDS}`,
        value: median(bareParses),
      };
      const load = (name: string, values: number[], baseline: Figure['baseline'], goal?: string): Figure => ({
        suite: 'store',
        name: `${name}, median of ${ROUNDS}`,
        size,
        value: median(values),
        unit: 'ms',
        baseline,
        goal,
      });
      const asTheApp = 'load (read + validate + index by id; decoded in a worker, as the app does)';
      figures.push(
        load(asTheApp, loads, bare, '≤ 1.3× JSON.parse'),
        load(asTheApp, loads, {
          name: `JSON.parse of the same files, the objects kept, median of ${ROUNDS}`,
          value: median(keptParses),
        }),
        load("load with every file read and decoded on main's thread", hereLoads, bare),
      );

      const ids = library
        .bulletins()
        .slice(0, 200)
        .map((bulletin) => bulletin.id);
      const toggles: number[] = [];
      for (const id of ids) toggles.push(await time(() => library.toggleBookmark(id)));
      figures.push({
        suite: 'store',
        name: 'bookmark toggle, persisted (p95 of 200)',
        size,
        value: percentile(toggles, 95),
        unit: 'ms',
        goal: '≤ 15 ms',
      });
      figures.push(...(await afterMarkingAllRead(library, folder, ids, size)));
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
