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
      const shardCount = (await readdir(join(folder, 'bulletins'))).length;
      const elapsed = await time(() => library.add(batch));
      library.close();
      // Each shard the import rewrote has a gzipped copy of its new content in backups/bulletins/<month>/.
      const touched = await readdir(join(folder, 'backups', 'bulletins'));
      let written = 0;
      for (const month of touched) written += (await stat(join(folder, 'bulletins', `${month}.json`))).size;
      const kept = await bytesIn(join(folder, 'backups'));
      figures.push(
        {
          suite: 'import',
          name: `import ${BATCH} bulletins spread over 14 years, persisted (${touched.length} of ${shardCount} shards rewritten)`,
          size,
          value: elapsed,
          unit: 'ms',
        },
        {
          suite: 'import',
          name: `bytes written by that import (copies kept in backups/, gzipped: ${Math.round(kept / 2 ** 20)} MB)`,
          size,
          value: Math.round(written / 2 ** 20),
          unit: 'MB',
        },
      );
    }
    return figures;
  },
};
