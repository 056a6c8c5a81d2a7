import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { escapeUTF8 } from 'entities';
import { parseFeed } from 'feedsmith';
import type { Bulletin } from '../../preload/contract';
import { initI18n } from '../../main/i18n';
import { importFiles } from '../../main/importers/importFiles';
import { parseInWorker } from '../../main/importers/parseInWorker';
import { createSearchIndex } from '../../main/search/searchIndex';
import { openLibrary } from '../../main/store/library';
import { bundleWorker } from '../unit/main/crash/bundleWorker';
import { time, type Figure, type Suite } from './harness';

/** Items per feed file: 10k realistic bulletins stay well under the 50 MB file cap. */
const ITEMS_PER_FILE = 10_000;

function rssOf(bulletins: readonly Bulletin[]): string {
  const items = bulletins.map(
    (bulletin) =>
      `<item><guid isPermaLink="false">${escapeUTF8(bulletin.id)}</guid><title>${escapeUTF8(bulletin.title)}</title>` +
      `<link>https://bulletins.example.org/${encodeURIComponent(bulletin.id)}</link>` +
      `<pubDate>${new Date(bulletin.published).toUTCString()}</pubDate>` +
      `<description><![CDATA[${bulletin.bodyHtml ?? bulletin.summary}]]></description></item>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench</title><language>en</language>${items.join('')}</channel></rss>`;
}

/**
 * Import throughput into the archive (read, decode, guard, parse, map, dedupe, store,
 * index) of the bench archive written as RSS files, beside the bare feedsmith parse
 * rate of the same files; then the same files again (all unchanged: the no-op path).
 */
export const importThroughputSuite: Suite = {
  name: 'import-throughput',
  async run(context) {
    await initI18n('en-US');
    const figures: Figure[] = [];
    for (const size of context.sizes) {
      const folder = await mkdtemp(join(tmpdir(), `bulletin-bench-import-${size}-`));
      try {
        const bulletins = context.bulletins(size);
        const paths: string[] = [];
        for (let start = 0; start < bulletins.length; start += ITEMS_PER_FILE) {
          const path = join(folder, `feed-${start}.xml`);
          await writeFile(path, rssOf(bulletins.slice(start, start + ITEMS_PER_FILE)));
          paths.push(path);
        }
        const bareParse = await time(async () => {
          for (const path of paths) parseFeed(await readFile(path, 'utf8'));
        });
        const library = await openLibrary(join(folder, 'library'));
        const index = createSearchIndex();
        // Files are read in the parse worker, as in the app: bundled as the app bundles it.
        const workerFile = join(folder, 'parseWorker.mjs');
        await bundleWorker(new URL('../../main/importers/parseWorker.ts', import.meta.url), workerFile);
        const worker = parseInWorker(workerFile);
        const options = { parse: worker.parse };
        let added = 0;
        const cpuBefore = process.cpuUsage();
        const fresh = await time(async () => {
          added = (await importFiles(paths, library, index, options)).added;
        });
        const cpu = process.cpuUsage(cpuBefore);
        if (added !== size) throw new Error(`imported ${added} of ${size}`);
        const again = await time(() => importFiles(paths, library, index, options));
        worker.close();
        const rate = (ms: number) => Math.round(size / (ms / 1000));
        const baseline = { name: 'bare feedsmith parse of the same files', value: rate(bareParse) };
        figures.push(
          {
            suite: 'import-throughput',
            name: 'RSS import into an empty archive',
            size,
            value: rate(fresh),
            unit: 'items/s',
            baseline,
            goal: '≥ 3,000 items/s',
          },
          {
            // On a shared machine the wall clock waits for other jobs; the CPU time this process
            // spent moves far less, so it says whether a change helped.
            suite: 'import-throughput',
            name: 'RSS import into an empty archive, per second of CPU (this process, all threads)',
            size,
            value: rate((cpu.user + cpu.system) / 1000),
            unit: 'items/s',
            baseline,
          },
          {
            suite: 'import-throughput',
            name: 'RSS re-import (all unchanged)',
            size,
            value: rate(again),
            unit: 'items/s',
            baseline,
          },
        );
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    }
    return figures;
  },
};
