// The parse worker's heap cap (HEAP_CAP_MB in main/importers/parseInWorker.ts), measured: reads a
// generated feed of the given size, or a library backup of it, in the worker with the given cap.
// Run: npx tsx tests/bench/parseWorkerHeap.ts <heapMb> <feed|backup> <megabytes>
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParseRanOutOfMemory, parseInWorker } from '../../main/importers/parseInWorker';
import { libraryBackupOf } from '../../main/store/libraryBackup';
import { emptyState } from '../../main/store/schema';
import { bundleWorker } from '../unit/main/crash/bundleWorker';

const [heapMb = '2048', kind = 'feed', megabytes = '50'] = process.argv.slice(2);
const target = Number(megabytes) * 1024 * 1024;

/** News-like HTML of ≈ 2 kB: paragraphs, a link, words in the three languages. */
const body = (n: number) =>
  `<p>Bulletin ${n}: the border crossing at Tapachula reopened on Monday after ${n % 17} days.</p>`.repeat(
    8,
  ) +
  `<p>Los equipos de campo informan de nuevas llegadas; les équipes signalent des départs.</p>`.repeat(8) +
  `<p><a href="https://example.org/item/${n}">Read more</a></p>`;

function feed(): Buffer {
  const items: string[] = [];
  let size = 0;
  for (let n = 0; size < target; n += 1) {
    const item = `<item><guid>item-${n}</guid><title>Bulletin ${n} about the border</title><pubDate>Mon, 02 Nov 2020 10:00:00 GMT</pubDate><description><![CDATA[${body(n)}]]></description></item>`;
    items.push(item);
    size += item.length;
  }
  return Buffer.from(`<rss version="2.0"><channel><title>Big</title>${items.join('')}</channel></rss>`);
}

function backup(): Buffer {
  const bulletins = [];
  let size = 0;
  for (let n = 0; size < target; n += 1) {
    const bulletin = {
      id: `b-${n}`,
      source: 'Field office',
      title: `Bulletin ${n} about the border`,
      summary: `The border crossing reopened after ${n % 17} days.`,
      bodyHtml: body(n),
      published: '2020-11-02',
      language: 'en',
      countries: ['Mexico'],
      tags: ['border'],
      importedAt: '2026-01-01T00:00:00.000Z',
      contentHash: `h${n}`,
    };
    bulletins.push(bulletin);
    size += JSON.stringify(bulletin).length;
  }
  return Buffer.from(JSON.stringify(libraryBackupOf({ state: emptyState(), bulletins })));
}

const folder = await mkdtemp(join(tmpdir(), 'parse-heap-'));
try {
  const workerFile = join(folder, 'parseWorker.mjs');
  await bundleWorker(new URL('../../main/importers/parseWorker.ts', import.meta.url), workerFile);
  const bytes = kind === 'backup' ? backup() : feed();
  const parser = parseInWorker(workerFile, { heapMb: Number(heapMb), budget: () => 600_000 });
  const started = performance.now();
  try {
    const outcome =
      kind === 'backup'
        ? await parser.readBackup(bytes)
        : await parser.parse({ name: 'big.xml', bytes, importedAt: '2026-01-01T00:00:00.000Z' });
    const read =
      'bulletins' in outcome
        ? outcome.bulletins.length
        : 'backup' in outcome
          ? outcome.backup.bulletins.length
          : outcome.kind;
    console.log(
      `${kind} ${(bytes.byteLength / 1048576).toFixed(1)} MB, heap cap ${heapMb} MB: read (${read}) in ${Math.round(performance.now() - started)} ms`,
    );
  } catch (error) {
    const why = error instanceof ParseRanOutOfMemory ? 'OUT OF MEMORY' : String(error);
    console.log(
      `${kind} ${(bytes.byteLength / 1048576).toFixed(1)} MB, heap cap ${heapMb} MB: ${why} after ${Math.round(performance.now() - started)} ms`,
    );
  }
  parser.close();
} finally {
  await rm(folder, { recursive: true, force: true });
}
