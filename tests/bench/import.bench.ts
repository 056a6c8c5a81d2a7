import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { openLibrary } from '../../main/store/library';
import { generateBulletins } from './generateArchive';
import { time, type Figure, type Suite } from './harness';

const BATCH = 1000;

/** Bytes under `folder`, recursively. */
async function bytesIn(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/**
 * The write cost of an import into a full archive: 1,000 bulletins spread over
 * the archive's years touch most monthly shards, and each touched shard is
 * backed up and rewritten whole.
 */
export const importSuite: Suite = {
  name: 'import',
  async run(context) {
    const figures: Figure[] = [];
    for (const size of context.sizes) {
      const folder = await context.archiveFolder(size);
      const library = await openLibrary(folder);
      // Another seed: new ids, dates spread over the same years as the archive.
      const batch = generateBulletins(BATCH, 7);
      const shardsBefore = await bytesIn(join(folder, 'bulletins'));
      const elapsed = await time(() => library.add(batch));
      const backups = await bytesIn(join(folder, 'backups'));
      const shardsAfter = await bytesIn(join(folder, 'bulletins'));
      library.close();
      figures.push({
        suite: 'import',
        name: `import ${BATCH} bulletins, persisted (shards rewritten + backed up)`,
        size,
        value: elapsed,
        unit: 'ms',
      });
      figures.push({
        suite: 'import',
        name: `bytes written by that import (shards ${Math.round(shardsAfter / 2 ** 20)} MB + backups ${Math.round(backups / 2 ** 20)} MB)`,
        size,
        value: Math.round((shardsAfter + backups) / 2 ** 20),
        unit: 'MB',
        baseline: { name: 'archive size before', value: Math.round(shardsBefore / 2 ** 20) },
      });
    }
    return figures;
  },
};
