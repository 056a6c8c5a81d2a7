import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openLibrary } from '../../main/store/library';
import { percentile, time, type Figure, type Suite } from './harness';

/** What the selection bar sends at most in the scenario: every result of a 20k-result search. */
const SELECTED = 20_000;
const NOTES = 200;

/**
 * The user's own library at archive scale: 20,000 ids added to a collection in one call
 * (persisted), what that does to state.json, the sidebar counts and the collection's list
 * afterwards, and a note saved and removed.
 */
export const librarySuite: Suite = {
  name: 'library',
  async run(context) {
    const figures: Figure[] = [];
    for (const size of context.sizes) {
      const folder = await context.archiveFolder(size);
      const library = await openLibrary(folder);
      try {
        const ids = context
          .bulletins(size)
          .slice(0, Math.min(SELECTED, size))
          .map((bulletin) => bulletin.id);
        const collection = await library.createCollection(`Bench ${Date.now()}`);
        const add = await time(() => library.addToCollection(collection.id, ids));
        const stateFile = join(folder, 'state.json');
        const stateBytes = (await stat(stateFile)).size;
        // Baseline: serialising and writing the same state without the store's fsync and rename.
        const bareWrite = await time(() =>
          writeFile(join(folder, 'bare-state.json'), JSON.stringify(library.snapshot().state)),
        );
        figures.push({
          suite: 'library',
          name: `add ${ids.length} ids to a collection, persisted`,
          size,
          value: add,
          unit: 'ms',
          baseline: { name: 'bare JSON.stringify + writeFile of state.json', value: bareWrite },
          goal: '≤ 250 ms (stays responsive)',
        });
        figures.push({
          suite: 'library',
          name: `state.json with ${ids.length} ids in a collection`,
          size,
          value: stateBytes / 1000,
          unit: 'KB',
        });
        figures.push({
          suite: 'library',
          name: 'sidebar counts with that collection',
          size,
          value: await time(() => library.counts()),
          unit: 'ms',
          goal: '≤ 50 ms',
        });
        figures.push({
          suite: 'library',
          name: 'list the collection (sorted by date added)',
          size,
          value: await time(() => library.bulletins(`collection:${collection.id}`, 'added')),
          unit: 'ms',
          goal: '≤ 100 ms',
        });

        const noteTimes: number[] = [];
        for (const id of ids.slice(0, NOTES)) {
          noteTimes.push(await time(() => library.setNote(id, 'Follow up with the partner office')));
          noteTimes.push(await time(() => library.setNote(id, '')));
        }
        figures.push({
          suite: 'library',
          name: `note saved or removed, persisted (p95 of ${noteTimes.length})`,
          size,
          value: percentile(noteTimes, 95),
          unit: 'ms',
          goal: '≤ 15 ms',
        });
        await library.deleteCollection(collection.id);
      } finally {
        library.close();
      }
    }
    return figures;
  },
};
