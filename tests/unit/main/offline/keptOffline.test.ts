import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Bulletin } from '../../../../preload/contract';
import {
  createFetchWithPolicy,
  type FetchWithPolicy,
  type NetOutcome,
} from '../../../../main/net/fetchWithPolicy';
import { createArticleStore } from '../../../../main/offline/articleStore';
import { extractArticle } from '../../../../main/offline/extractArticle';
import { openKeptOffline } from '../../../../main/offline/keptOffline';
import { startHangingServer } from '../net/localServers';
import { pngOf } from './imageFixtures';

const bulletin: Bulletin = {
  id: 'b1',
  source: 'news.example',
  title: 'Crossing',
  summary: 'Families crossed',
  bodyHtml:
    '<p>Map <img src="https://news.example/one.png"> and <img src="https://news.example/two.png"></p>',
  link: 'https://news.example/a',
  published: '2026-12-01',
  language: 'en',
  countries: [],
  tags: [],
  importedAt: '2026-12-01T00:00:00Z',
  contentHash: 'h',
};

const png = (bytes: Buffer): NetOutcome => ({
  kind: 'response',
  status: 200,
  url: 'https://news.example/',
  headers: { 'content-type': 'image/png' },
  bytes,
});

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bulletin-kept-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

describe('removing kept content while a bulletin is being kept', () => {
  it('leaves the images the running job already stored, so its bulletin reads whole', async () => {
    let secondAsked: () => void = () => {};
    const waiting = new Promise<void>((resolve) => (secondAsked = resolve));
    let sendSecond: () => void = () => {};
    const sent = new Promise<void>((resolve) => (sendSecond = resolve));
    const fetch: FetchWithPolicy = async (url) => {
      if (url.endsWith('one.png')) return png(pngOf(4, 4, 10));
      // The job has stored the first image and waits for the second one here.
      secondAsked();
      await sent;
      return png(pngOf(4, 4, 200));
    };
    const kept = await openKeptOffline({
      userData: folder,
      bulletin: (id) => (id === bulletin.id ? bulletin : undefined),
      maxPageBytes: () => 1024 * 1024,
      fetch,
      extract: async (bytes, _type, url) => extractArticle(Buffer.from(bytes).toString('utf8'), url),
      isOnline: () => true,
      onChange: () => {},
    });
    kept.keep([bulletin], { fullArticle: false, images: true });
    await waiting;
    // Settings › Remove kept content › all of it, while the job is between its two images.
    await kept.removeOlderThan(0);
    sendSecond();
    await kept.queue.idle();
    const article = await kept.article(bulletin.id);
    expect(Object.keys(article?.images ?? {})).toHaveLength(2);
    for (const name of Object.values(article?.images ?? {}))
      expect(existsSync(join(folder, 'offline', 'images', name))).toBe(true);
    expect(await readdir(join(folder, 'offline', 'images'))).toHaveLength(2);
    await kept.close();
  });
});

describe('cancelling a bulletin being kept', () => {
  it('aborts its running download at once: the server sees the connection closed, the job is cancelled', async () => {
    const hanging = await startHangingServer();
    const kept = await openKeptOffline({
      userData: folder,
      bulletin: (id) => (id === bulletin.id ? { ...bulletin, link: `${hanging.base}/article` } : undefined),
      maxPageBytes: () => 1024 * 1024,
      fetch: createFetchWithPolicy({ userAgent: 'test', allowedHosts: () => ['127.0.0.1'] }),
      extract: async (bytes, _type, url) => extractArticle(Buffer.from(bytes).toString('utf8'), url),
      isOnline: () => true,
      onChange: () => {},
    });
    try {
      kept.keep([bulletin], { fullArticle: true, images: false });
      await hanging.arrived;
      const started = performance.now();
      kept.queue.cancel([bulletin.id]);
      await hanging.closed;
      await kept.queue.idle();
      // The page's time cap is 30 s: only the abort closes it this soon.
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(kept.queue.status().jobs[0]?.state).toBe('cancelled');
      expect(await kept.article(bulletin.id)).toBeNull();
    } finally {
      await kept.close();
      await hanging.close();
    }
  });
});

describe('what kept content takes (Settings)', () => {
  it('is counted from the files on disk, without reading or parsing a kept article', async () => {
    const articles = createArticleStore(join(folder, 'offline', 'articles'));
    const texts = ['one', 'two', 'three'].map((id) => ({
      bulletinId: id,
      url: `https://news.example/${id}`,
      keptAt: '2026-12-05T10:00:00Z',
      html: `<p>${'Families crossed. '.repeat(500)}</p>`,
      images: {},
      refused: [],
    }));
    for (const article of texts) await articles.write(article);
    await mkdir(join(folder, 'offline', 'images'), { recursive: true });
    await writeFile(join(folder, 'offline', 'images', `${'a'.repeat(64)}.png`), pngOf(4, 4, 10));
    const kept = await openKeptOffline({
      userData: folder,
      bulletin: () => undefined,
      maxPageBytes: () => 1024 * 1024,
      fetch: async () => ({ kind: 'failed', problem: 'network' }),
      extract: async () => null,
      isOnline: () => false,
      onChange: () => {},
    });
    const onDisk = async (sub: string) => {
      let total = 0;
      for (const name of await readdir(join(folder, 'offline', sub)))
        total += (await stat(join(folder, 'offline', sub, name))).size;
      return total;
    };
    const parse = vi.spyOn(JSON, 'parse');
    const usage = await kept.usage();
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    expect(usage).toEqual({
      articles: 3,
      bytes: (await onDisk('articles')) + (await onDisk('images')),
    });
    await kept.close();
  });
});
