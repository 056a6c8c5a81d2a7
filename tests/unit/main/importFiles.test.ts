import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initI18n } from '../../../main/i18n';
import { importFiles } from '../../../main/importers/importFiles';
import { createSearchIndex } from '../../../main/search/searchIndex';
import { foundIds } from './searchHelpers';
import { openLibrary } from '../../../main/store/library';

const SAMPLE = fileURLToPath(new URL('../../../resources/sample/digest-sample.txt', import.meta.url));

let folder: string;
beforeAll(() => initI18n('en-US'));
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bulletin-import-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function setUp() {
  const library = await openLibrary(join(folder, 'library'));
  const index = createSearchIndex();
  return { library, index };
}

describe('importFiles', () => {
  it('imports a digest into the library and the index, and a second import adds nothing', async () => {
    const { library, index } = await setUp();
    const first = await importFiles([SAMPLE], library, index);
    expect(first).toEqual({
      files: [{ name: 'digest-sample.txt', added: 10, updated: 0, unchanged: 0, rejected: [] }],
      added: 10,
      updated: 0,
      unchanged: 0,
    });
    expect(await foundIds(index, library, 'Darien')).toHaveLength(1);
    const panama = library.bulletins().find((bulletin) => bulletin.title.includes('station in Panama'));
    expect(panama?.countries).toContain('Panama');

    const again = await importFiles([SAMPLE], library, index);
    expect(again.added).toBe(0);
    expect(again.unchanged).toBe(10);
    expect(library.counts().all).toBe(10);
  });

  it('reports each bad file with a reason and still imports the good ones', async () => {
    const { library, index } = await setUp();
    const notADigest = join(folder, 'notes.txt');
    await writeFile(notADigest, 'Shopping list\n\nmilk, bread');
    const huge = join(folder, 'huge.txt');
    await writeFile(huge, '');
    await truncate(huge, 51 * 1024 * 1024);
    const pdf = join(folder, 'report.pdf');
    await writeFile(pdf, '%PDF-1.7');
    const missing = join(folder, 'gone.txt');

    const report = await importFiles([notADigest, huge, pdf, missing, SAMPLE], library, index);
    expect(report.added).toBe(10);
    const byName = Object.fromEntries(report.files.map((file) => [file.name, file.error]));
    expect(byName['notes.txt']).toMatch(/No bulletins were found/);
    expect(byName['huge.txt']).toMatch(/larger than 50 MB/);
    expect(byName['report.pdf']).toMatch(/cannot be imported\. Bulletin Reader imports feeds/);
    expect(byName['gone.txt']).toBe('This file could not be read: it no longer exists.');
    expect(byName['gone.txt']).not.toContain(folder);
    expect(byName['digest-sample.txt']).toBeUndefined();
  });

  const rss = (items: string) =>
    `<?xml version="1.0" encoding="windows-1252"?><rss version="2.0" xml:base="https://news.example.org/"><channel><title>Border News</title><language>es</language>${items}</channel></rss>`;
  const item = (guid: string, title: string, body = 'Texto del bolet\xedn.') =>
    `<item><guid isPermaLink="false">${guid}</guid><title>${title}</title><link>items/${guid}</link><pubDate>Thu, 12 Nov 2020 10:00:00 +0100</pubDate><description><![CDATA[<p>${body} <a href="more.html">m\xe1s</a></p>]]></description></item>`;

  it('imports a feed: windows-1252, language, ISO dates, resolved links; re-import is a no-op; a corrected item updates in place', async () => {
    const { library, index } = await setUp();
    const path = join(folder, 'news.xml');
    await writeFile(path, Buffer.from(rss(item('g1', 'Caravana llega') + item('g2', 'Segundo')), 'latin1'));
    const first = await importFiles([path], library, index);
    expect(first.files[0]).toMatchObject({
      name: 'news.xml',
      added: 2,
      updated: 0,
      unchanged: 0,
      rejected: [],
    });
    const [one] = library.bulletins().filter((entry) => entry.title === 'Caravana llega');
    expect(one).toMatchObject({
      source: 'Border News',
      language: 'es',
      published: '2020-11-12T09:00:00.000Z',
      publishedOriginal: 'Thu, 12 Nov 2020 10:00:00 +0100',
      link: 'https://news.example.org/items/g1',
      summary: 'Texto del boletín. más',
    });
    expect((await library.bodies.read([one?.id ?? ''])).get(one?.id ?? '')).toContain(
      'href="https://news.example.org/more.html"',
    );

    expect((await importFiles([path], library, index)).files[0]).toMatchObject({ added: 0, unchanged: 2 });

    await library.toggleBookmark(one?.id ?? '');
    await writeFile(path, Buffer.from(rss(item('g1', 'Caravana llega', 'Corregido: frontera')), 'latin1'));
    const corrected = await importFiles([path], library, index);
    expect(corrected).toMatchObject({ added: 0, updated: 1, unchanged: 0 });
    expect(library.isBookmarked(one?.id ?? '')).toBe(true);
    expect(await foundIds(index, library, 'corregido')).toEqual([one?.id]);
    expect(library.counts().all).toBe(2);
  });

  it('keeps a feed whose items are partly unusable, and refuses bombs and non-feeds with a reason, lists the feeds of an OPML', async () => {
    const { library, index } = await setUp();
    const partly = join(folder, 'partly.xml');
    await writeFile(partly, rss(item('ok', 'Fine') + '<item><guid>empty</guid></item>'));
    const bomb = join(folder, 'bomb.xml');
    const entities = Array.from({ length: 10 }, (_, n) => `<!ENTITY l${n + 1} "${`&l${n};`.repeat(10)}">`);
    await writeFile(
      bomb,
      `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">${entities.join('')}]><rss version="2.0"><channel><title>&l10;</title></channel></rss>`,
    );
    const deep = join(folder, 'deep.xml');
    await writeFile(
      deep,
      `<rss version="2.0"><channel><title>t</title><item><title>x</title>${'<x>'.repeat(5000)}${'</x>'.repeat(5000)}</item></channel></rss>`,
    );
    const opml = join(folder, 'subs.opml');
    await writeFile(
      opml,
      '<?xml version="1.0"?><opml version="2.0"><head/><body><outline xmlUrl="https://a.example/feed"/></body></opml>',
    );
    const html = join(folder, 'page.xml');
    await writeFile(html, '<html><body>Not a feed</body></html>');

    const empty = join(folder, 'empty.rss');
    await writeFile(empty, '<rss version="2.0"><channel><title>Quiet</title></channel></rss>');

    const report = await importFiles([partly, bomb, deep, opml, html, empty], library, index);
    const byName = Object.fromEntries(report.files.map((file) => [file.name, file]));
    expect(byName['partly.xml']).toMatchObject({
      added: 1,
      rejected: [{ item: 'item 2', reason: 'it has neither a title nor any text' }],
    });
    expect(byName['bomb.xml']?.error).toMatch(/entities that expand into each other/);
    expect(byName['deep.xml']?.error).toMatch(/nested far deeper/);
    // A subscription list is not refused: its feeds are listed for the user to choose from.
    expect(byName['subs.opml']).toMatchObject({ added: 0, feeds: [{ url: 'https://a.example/feed' }] });
    expect(byName['subs.opml']?.error).toBeUndefined();
    expect(byName['page.xml']?.error).toMatch(/not a feed Bulletin Reader can read/);
    expect(byName['empty.rss']?.error).toBe('This feed has no items, so nothing was imported.');
    expect(library.counts().all).toBe(1);
  });
});
