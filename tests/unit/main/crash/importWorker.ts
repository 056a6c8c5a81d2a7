/**
 * The process the import crash test kills: it opens the store in `folder` and imports batches
 * of small RSS files as fast as it can, forever, printing `start <files>` before each batch and
 * `ack <files>` with the files its report says were imported (stdout to a pipe is synchronous on
 * Linux and macOS: an ack printed is an ack the test receives, however soon the kill comes).
 */
import { bytesSource, importSources } from '../../../../main/importers/importFiles';
import { createSearchIndex } from '../../../../main/search/searchIndex';
import { openLibrary } from '../../../../main/store/library';
import { random } from '../../../support/random';

/** A file of a batch: its name and its items (id, month published). */
export interface CrashFile {
  name: string;
  items: Array<{ id: string; month: string }>;
}

export const MONTHS = ['2020-01', '2020-02', '2021-07'];

const [folder = '', seed = '1', life = '0'] = process.argv.slice(2);
const next = random(Number(seed) * 1000 + Number(life));
const count = (most: number) => 1 + Math.floor(next() * most);

const rss = (file: CrashFile) =>
  new TextEncoder().encode(
    `<rss version="2.0"><channel><title>Crash</title><language>en</language>${file.items
      .map(
        ({ id, month }) =>
          `<item><guid>${id}</guid><title>Bulletin ${id}</title><pubDate>${new Date(`${month}-1${Math.floor(next() * 9)}T12:00:00Z`).toUTCString()}</pubDate>` +
          `<description>${'x'.repeat(200 + Math.floor(next() * 2000))}</description></item>`,
      )
      .join('')}</channel></rss>`,
  );

const library = await openLibrary(folder);
const index = createSearchIndex();
process.stdout.write('ready\n');
for (let run = 0; ; run++) {
  const files: CrashFile[] = Array.from({ length: count(4) }, (_, f) => ({
    name: `life-${life}-${run}-${f}.xml`,
    items: Array.from({ length: count(6) }, (_, k) => ({
      id: `life-${life}-${run}-${f}-${k}`,
      month: MONTHS[Math.floor(next() * MONTHS.length)] ?? '2020-01',
    })),
  }));
  process.stdout.write(`start ${JSON.stringify(files)}\n`);
  // Small batches too, so that a run commits part-way as a long import does.
  const report = await importSources(
    files.map((file) => bytesSource(file.name, rss(file))),
    library,
    index,
    { commitAfter: { items: count(12), ms: 60_000 } },
  );
  const imported = new Set(report.files.filter((file) => !file.error).map((file) => file.name));
  process.stdout.write(`ack ${JSON.stringify(files.filter((file) => imported.has(file.name)))}\n`);
}
