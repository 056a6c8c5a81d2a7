import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initI18n } from '../../../main/i18n';
import { bytesSource, importSources } from '../../../main/importers/importFiles';
import { parseInWorker, type WorkerParser } from '../../../main/importers/parseInWorker';
import { createSearchIndex } from '../../../main/search/searchIndex';
import { openLibrary, type Library } from '../../../main/store/library';
import { bundleWorker } from './crash/bundleWorker';

/** A valid RSS file of under 400 bytes that opens with 34 empty comments. */
const COMMENTED_RSS = Buffer.from(
  `${'<!---->'.repeat(34)}<rss version="2.0"><channel><title>T</title>` +
    '<item><guid>c-1</guid><title>Crossing open</title><description>It reopened.</description></item></channel></rss>',
);

/** A real feed, large enough to take more than a few milliseconds to read. */
const bigFeed = (items: number) =>
  Buffer.from(
    `<rss version="2.0"><channel><title>Big</title>${Array.from(
      { length: items },
      (_, at) =>
        `<item><guid>big-${at}</guid><title>Bulletin ${at}</title><description>&lt;p&gt;Text of bulletin ${at} about the border.&lt;/p&gt;</description></item>`,
    ).join('')}</channel></rss>`,
  );

let folder: string;
let workerFile: string;
let library: Library;
let parser: WorkerParser | undefined;

beforeAll(async () => {
  await initI18n('en-US');
  folder = await mkdtemp(join(tmpdir(), 'bulletin-parse-worker-'));
  // Bundled as the app bundles it (out/main/parseWorker.js), and far quicker to start than through a loader.
  workerFile = join(folder, 'parseWorker.mjs');
  await bundleWorker(new URL('../../../main/importers/parseWorker.ts', import.meta.url), workerFile);
});
afterAll(() => rm(folder, { recursive: true, force: true }));
beforeEach(async () => {
  library = await openLibrary(await mkdtemp(join(folder, 'library-')));
});
afterEach(() => {
  parser?.close();
  parser = undefined;
  library.close();
});

describe('files are read in a worker with a time budget', { timeout: 60_000 }, () => {
  it('a small RSS file opening with a few dozen comments imports promptly, and main answers meanwhile', async () => {
    expect(COMMENTED_RSS.byteLength).toBeLessThan(400);
    parser = parseInWorker(workerFile);
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 1);
    const report = await importSources(
      [bytesSource('commented.xml', COMMENTED_RSS)],
      library,
      createSearchIndex(),
      {
        parse: parser.parse,
      },
    );
    clearInterval(ticker);
    expect(report.files[0]).toMatchObject({ name: 'commented.xml', added: 1 });
    // Main's event loop ran while the worker read the file.
    expect(ticks).toBeGreaterThan(0);
  });

  it('the same file imports promptly even on this thread (the sniffing is linear)', async () => {
    const report = await importSources(
      [bytesSource('commented.xml', COMMENTED_RSS)],
      library,
      createSearchIndex(),
    );
    expect(report.files[0]).toMatchObject({ added: 1 });
  });

  it('a file that exceeds its budget is refused with the reason, and the import goes on with a fresh worker', async () => {
    // A budget no real read of the large file can meet; ample for the small ones.
    parser = parseInWorker(workerFile, { budget: (bytes) => (bytes > 200_000 ? 1 : 60_000) });
    const digest = await readFile(new URL('../../../resources/sample/digest-sample.txt', import.meta.url));
    const report = await importSources(
      [
        bytesSource('huge.xml', bigFeed(5000)),
        bytesSource('commented.xml', COMMENTED_RSS),
        bytesSource('digest.txt', digest),
      ],
      library,
      createSearchIndex(),
      { parse: parser.parse },
    );
    const [huge, commented, sample] = report.files;
    expect(huge).toMatchObject({ name: 'huge.xml', added: 0 });
    expect(huge?.error).toMatch(/took more than 0 seconds, far longer than a real feed or digest/);
    expect(commented).toMatchObject({ added: 1 });
    expect(sample?.added).toBeGreaterThan(0);
    expect(sample?.error).toBeUndefined();
    expect(library.bulletins().some((bulletin) => bulletin.title.startsWith('Bulletin '))).toBe(false);
  });

  it('reads what this thread reads: bulletins, refusals and OPML feeds alike', async () => {
    parser = parseInWorker(workerFile);
    const request = (name: string, text: string) => ({
      name,
      bytes: Buffer.from(text),
      importedAt: '2026-01-01T00:00:00.000Z',
    });
    const feed = await parser.parse(request('a.xml', COMMENTED_RSS.toString()));
    expect(feed).toMatchObject({ kind: 'bulletins', bulletins: [{ title: 'Crossing open' }] });
    expect(await parser.parse(request('b.xml', 'random \u0001 bytes'))).toEqual({
      kind: 'refused',
      refusal: 'notAFeed',
    });
    expect(
      await parser.parse(
        request(
          'c.opml',
          '<opml version="2.0"><body><outline text="F" xmlUrl="https://example.org/f.xml"/></body></opml>',
        ),
      ),
    ).toEqual({ kind: 'subscriptions', feeds: [{ url: 'https://example.org/f.xml', title: 'F' }] });
  });
});
