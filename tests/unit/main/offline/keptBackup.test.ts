import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pack } from 'tar-stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createArticleStore } from '../../../../main/offline/articleStore';
import { createImageStore } from '../../../../main/offline/imageStore';
import {
  bytesOnDisk,
  isTarBackup,
  libraryOfTarBackup,
  restoreKeptFromBackup,
  writeBackupWithKept,
} from '../../../../main/offline/keptBackup';
import { pngOf } from './imageFixtures';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bulletin-kept-backup-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

const LIBRARY_JSON = JSON.stringify({ format: 'bulletin-reader-library', bulletins: ['…'] });
const hashOf = (text: string, length = 64) =>
  createHash('sha256').update(text).digest('hex').slice(0, length);

/** An offline folder holding one kept article with one image, as the app keeps them. */
async function keptFolder(): Promise<{ offline: string; image: string }> {
  const offline = join(folder, 'offline');
  const image = await createImageStore(join(offline, 'images')).put(pngOf(8, 8, 90), 'png');
  await createArticleStore(join(offline, 'articles')).write({
    bulletinId: 'b1',
    url: 'https://news.example/a',
    keptAt: '2026-12-01T00:00:00.000Z',
    html: '<p>Only in the full article</p>',
    text: 'Only in the full article',
    images: { 'https://news.example/map.png': image },
    refused: [],
  });
  return { offline, image };
}

/** The stores of an offline folder, as the app opens them. */
const storesIn = (offline: string) => ({
  images: createImageStore(join(offline, 'images')),
  articles: createArticleStore(join(offline, 'articles')),
});

/** A tar of the given entries, as anyone could make one. */
async function tarOf(path: string, entries: [string, Buffer][]): Promise<void> {
  const tar = pack();
  for (const [name, bytes] of entries) tar.entry({ name, size: bytes.length }, bytes);
  tar.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of tar as AsyncIterable<Buffer>) chunks.push(chunk);
  await writeFile(path, Buffer.concat(chunks));
}

describe('a library backup with kept content', () => {
  it('is one file: the library JSON first, then the kept files, which a restore puts back', async () => {
    const { offline, image } = await keptFolder();
    const path = join(folder, 'backup.tar');
    await writeBackupWithKept(LIBRARY_JSON, offline, path);
    expect(await isTarBackup(path)).toBe(true);
    expect(Buffer.from((await libraryOfTarBackup(path, 1024 * 1024)) as Uint8Array).toString('utf8')).toBe(
      LIBRARY_JSON,
    );
    // Its size is what the dialog announced, give or take the tar's headers.
    const announced =
      LIBRARY_JSON.length + (await bytesOnDisk(join(offline, 'articles'), join(offline, 'images')));
    expect((await readFile(path)).length).toBeLessThan(announced + 10 * 1024);

    const elsewhere = join(folder, 'restored');
    const restored = await restoreKeptFromBackup(path, storesIn(elsewhere));
    expect(restored).toEqual({ bulletinIds: ['b1'], images: 1, skipped: 0 });
    const article = await createArticleStore(join(elsewhere, 'articles')).read('b1');
    expect(article?.text).toBe('Only in the full article');
    expect(await readFile(join(elsewhere, 'images', image))).toEqual(
      await readFile(join(offline, 'images', image)),
    );
    expect(await readdir(folder)).not.toContain('backup.tar.tmp');
  });

  it('a JSON backup (without kept content) is not taken for one', async () => {
    const path = join(folder, 'backup.json');
    await writeFile(path, LIBRARY_JSON.padEnd(600, ' '));
    expect(await isTarBackup(path)).toBe(false);
  });

  it('refuses on restore what is not what its name says, and writes nothing outside the kept folders', async () => {
    const png = pngOf(4, 4, 10);
    const pngName = `${hashOf(png.toString('latin1'))}.png`;
    const realName = `${createHash('sha256').update(png).digest('hex')}.png`;
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const article = (bulletinId: string) =>
      Buffer.from(
        JSON.stringify({ bulletinId, url: 'u', keptAt: 'k', html: '<p>x</p>', images: {}, refused: [] }),
      );
    const path = join(folder, 'hostile.tar');
    await tarOf(path, [
      ['library.json', Buffer.from(LIBRARY_JSON)],
      // A picture whose name is not its hash; an SVG named as a PNG of its own hash.
      [`images/${pngName}`, png],
      [`images/${createHash('sha256').update(svg).digest('hex')}.png`, svg],
      // An article filed under another bulletin's name; one that is not JSON; a path out of the folder.
      [`articles/${hashOf('someone-else', 40)}.json`, article('b2')],
      [`articles/${hashOf('b3', 40)}.json`, Buffer.from('{not json')],
      ['../outside.json', article('b4')],
      // The one good entry.
      [`images/${realName}`, png],
    ]);
    const target = join(folder, 'kept');
    const restored = await restoreKeptFromBackup(path, storesIn(target));
    expect(restored).toEqual({ bulletinIds: [], images: 1, skipped: 5 });
    expect(await readdir(join(target, 'images'))).toEqual([realName]);
    expect(await readdir(join(target, 'articles'))).toEqual([]);
    expect(existsSync(join(folder, 'outside.json'))).toBe(false);
  });

  it('goes through the image store: a removal in Settings running meanwhile leaves the restored images', async () => {
    const { offline, image } = await keptFolder();
    const path = join(folder, 'backup.tar');
    await writeBackupWithKept(LIBRARY_JSON, offline, path);
    const target = join(folder, 'laptop');
    const stores = storesIn(target);
    // Settings' removal has read the kept articles (none yet: the restore has not written its own)
    // and is about to remove the images they do not name.
    let articlesRead: () => void = () => {};
    const reading = new Promise<void>((resolve) => (articlesRead = resolve));
    const sweep = stores.images.sweep(async () => {
      await reading;
      return new Set<string>();
    });
    const restoring = restoreKeptFromBackup(path, stores);
    await new Promise((resolve) => setTimeout(resolve, 200));
    articlesRead();
    await sweep;
    expect(await restoring).toEqual({ bulletinIds: ['b1'], images: 1, skipped: 0 });
    expect(await readdir(join(target, 'images'))).toEqual([image]);
    // Released once restored: the next removal keeps it for the article that names it, and
    // removes it with that article.
    const article = await stores.articles.read('b1');
    await stores.images.sweep(async () => new Set(Object.values(article?.images ?? {})));
    expect(await readdir(join(target, 'images'))).toEqual([image]);
    await stores.images.sweep(async () => new Set());
    expect(await readdir(join(target, 'images'))).toEqual([]);
  });
});
