import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initI18n } from '../../../main/i18n';
import { JSON_EXPORT_FORMAT } from '../../../main/export/jsonExport';
import { imageSources } from '../../../main/images/remoteImages';
import { MAX_LISTED_REJECTED, bytesSource, importSources } from '../../../main/importers/importFiles';
import {
  ParseTookTooLong,
  parseHere,
  parseInWorker,
  type ParseFile,
  type WorkerParser,
} from '../../../main/importers/parseInWorker';
import { FIELD_LIMITS } from '../../../main/importers/validateImport';
import { htmlToText } from '../../../main/search/htmlText';
import { createSearchIndex } from '../../../main/search/searchIndex';
import { openLibrary, type Library } from '../../../main/store/library';
import { bundleWorker } from './crash/bundleWorker';
import { matchedIds } from './searchHelpers';

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

describe('the worker’s heap is capped', { timeout: 120_000 }, () => {
  it('a file that fills the heap ends the worker and is refused as too large; the next file imports', async () => {
    // 64 MB: the worker starts and reads small files; a 25 MB feed's items do not fit.
    parser = parseInWorker(workerFile, { heapMb: 64 });
    const report = await importSources(
      [bytesSource('huge.xml', bigFeed(120_000)), bytesSource('commented.xml', COMMENTED_RSS)],
      library,
      createSearchIndex(),
      { parse: parser.parse, maxMegabytes: 500 },
    );
    const [huge, commented] = report.files;
    expect(huge).toMatchObject({ name: 'huge.xml', added: 0 });
    expect(huge?.error).toMatch(/^This file was refused: reading it needed more memory than the app may use/);
    expect(commented).toMatchObject({ name: 'commented.xml', added: 1 });
    expect(commented?.error).toBeUndefined();
  });

  it('JSON too large for the heap is refused before it is parsed (V8 would abort the process)', async () => {
    parser = parseInWorker(workerFile, { heapMb: 64 });
    // Three bytes a value: the most values a JSON text can hold for its size.
    const values = Buffer.from(
      `{"format":"${JSON_EXPORT_FORMAT}","bulletins":[${'[],'.repeat(8_000_000)}[]]}`,
    );
    const report = await importSources(
      [bytesSource('values.json', values), bytesSource('commented.xml', COMMENTED_RSS)],
      library,
      createSearchIndex(),
      { parse: parser.parse, maxMegabytes: 500 },
    );
    expect(report.files[0]?.error).toMatch(/^This file was refused: reading it needed more memory/);
    expect(report.files[1]).toMatchObject({ added: 1 });
  });
});

describe('other untrusted text is read in the worker too', { timeout: 60_000 }, () => {
  it('the images a body names are found in the worker, and a body past the budget is refused', async () => {
    parser = parseInWorker(workerFile, { budget: (size) => (size > 1_000_000 ? 1 : 60_000) });
    const html =
      '<p><img src="https://a.example/1.png?x=1&amp;y=2"><img src="data:image/png;base64,AA=="></p>';
    expect(await parser.imageSources(html)).toEqual(imageSources(html));
    expect(await parser.imageSources(html)).toEqual(['https://a.example/1.png?x=1&y=2']);
    await expect(parser.imageSources('<'.repeat(2_000_000))).rejects.toBeInstanceOf(ParseTookTooLong);
    // A fresh worker takes the next body.
    expect(await parser.imageSources(html)).toEqual(['https://a.example/1.png?x=1&y=2']);
  });

  it('each body’s index text comes from the reader, cut as the store cuts the body', async () => {
    const long = `<p>${'word '.repeat(500_000)}</p><p>tail beyond the cap</p>`;
    const parsed = await parseHere({
      name: 'ours.json',
      bytes: Buffer.from(
        JSON.stringify({
          format: JSON_EXPORT_FORMAT,
          bulletins: [
            { ...storedBulletin('a'), bodyHtml: '<p>Crossing &amp; <b>camp</b></p>' },
            { ...storedBulletin('b'), bodyHtml: long },
            storedBulletin('c'),
          ],
        }),
      ),
      importedAt: '2026-01-01T00:00:00.000Z',
    });
    if (parsed.kind !== 'bulletins') throw new Error(parsed.kind);
    expect(parsed.bodyTexts[0]).toBe('Crossing & camp');
    expect(parsed.bodyTexts[1]).toBe(htmlToText(long.slice(0, FIELD_LIMITS.bodyHtml)));
    expect(parsed.bodyTexts[1]).not.toContain('tail');
    expect(parsed.bodyTexts[2]).toBeNull();
  });

  it('main indexes an import from the texts the reader made, parsing no HTML itself', async () => {
    // A reader whose text differs from the body's: what the index finds shows which one it used.
    const parse: ParseFile = async (request) => {
      const parsed = await parseHere(request);
      return parsed.kind === 'bulletins'
        ? { ...parsed, bodyTexts: parsed.bodyTexts.map((text) => (text === null ? null : 'handedover')) }
        : parsed;
    };
    const index = createSearchIndex();
    await importSources([bytesSource('commented.xml', COMMENTED_RSS)], library, index, { parse });
    expect(matchedIds(index, 'handedover')).toHaveLength(1);
  });
});

describe('the report main sends lists the first left-out items and counts them all', () => {
  it('a file of 120 bad items and 1 good one: 50 listed, 120 counted, every item accounted for', async () => {
    const items = [
      storedBulletin('good'),
      ...Array.from({ length: 120 }, (_, at) => ({ ...storedBulletin(`bad-${at}`), published: 'soon' })),
    ];
    const report = await importSources(
      [
        bytesSource(
          'bad.json',
          Buffer.from(JSON.stringify({ format: JSON_EXPORT_FORMAT, bulletins: items })),
        ),
      ],
      library,
      createSearchIndex(),
    );
    const [file] = report.files;
    expect(file).toMatchObject({ added: 1, rejectedCount: 120 });
    expect(file?.rejected).toHaveLength(MAX_LISTED_REJECTED);
    expect(file?.rejected[0]?.item).toBe('Bulletin bad-0');
    expect(file?.rejected.at(-1)?.item).toBe('Bulletin bad-49');
  });
});

function storedBulletin(id: string) {
  return {
    id,
    source: 'Field office',
    title: `Bulletin ${id}`,
    summary: '',
    published: '2021-03-04',
    language: 'en',
    countries: [],
    tags: [],
    importedAt: '2026-01-01T00:00:00.000Z',
    contentHash: id,
  };
}
