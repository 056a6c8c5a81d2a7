import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Bulletin } from '../../../../preload/contract';
import { extractArticle } from '../../../../main/offline/extractArticle';
import { createArticleStore } from '../../../../main/offline/articleStore';
import { createImageStore } from '../../../../main/offline/imageStore';
import { KEEP_LIMITS, keepBulletin, type KeepServices } from '../../../../main/offline/keepBulletin';
import {
  createFetchWithPolicy,
  type FetchWithPolicy,
  type NetOutcome,
} from '../../../../main/net/fetchWithPolicy';
import { closeServer, listen } from '../net/localServers';
import { pngOf } from './imageFixtures';

const corpus = resolve(import.meta.dirname, '../../../../../shared/corpora/readability/test-pages');
const hasCorpus = existsSync(corpus);
if (!hasCorpus) console.log(`readability corpus not found at ${corpus}: extraction tests skipped`);

describe.skipIf(!hasCorpus)('finding the article of a page (Readability’s own test pages)', () => {
  for (const page of ['001', 'aclu', 'ars-1']) {
    it(`${page}: the expected text, sanitised, images as placeholders with absolute addresses`, () => {
      const source = readFileSync(join(corpus, page, 'source.html'), 'utf8');
      const expected = readFileSync(join(corpus, page, 'expected.html'), 'utf8');
      const article = extractArticle(source, 'http://fakehost/test/page.html');
      expect(article).not.toBeNull();
      const words = (text: string) =>
        text
          .replace(/<[^>]*>/g, ' ')
          .split(/\s+/)
          .filter(Boolean);
      const want = new Set(words(expected).slice(0, 60));
      const got = new Set(words(article?.text ?? ''));
      const shared = [...want].filter((word) => got.has(word)).length;
      expect(shared / want.size).toBeGreaterThan(0.9);
      expect(article?.html).not.toMatch(/<script|<style|<iframe|\son\w+=/i);
      for (const src of article?.imageSources ?? []) expect(src).toMatch(/^https?:\/\//);
    });
  }

  it('drops what runs from a hostile page', () => {
    const article = extractArticle(
      `<html><body><article><h1>T</h1>${'<p>Families crossed the border at dawn, the report says. '.repeat(20)}
       <img src="x" onerror="alert(1)"><a href="javascript:alert(2)">link</a><script>alert(3)</script></p></article></body></html>`,
      'https://news.example/a',
    );
    expect(article?.html).not.toMatch(/onerror|javascript:|<script/i);
    expect(article?.imageSources).toEqual(['https://news.example/x']);
  });
});

const ARTICLE_HTML = `<html><head><title>Crossing</title></head><body><article><h1>Crossing</h1>
${'<p>Families crossed the border at dawn, the report says, and more are expected this week. '.repeat(15)}
<img src="/map.png" alt="Map"><img src="/evil.svg" alt="SVG"><img src="/bomb.png"></p></article></body></html>`;

function bulletin(link: string, bodyHtml = ''): Bulletin {
  return {
    id: 'b1',
    source: 'news.example',
    title: 'Crossing',
    summary: 'Families crossed',
    bodyHtml,
    link,
    published: '2026-12-01',
    language: 'en',
    countries: [],
    tags: [],
    importedAt: '2026-12-01T00:00:00Z',
    contentHash: 'h',
  };
}

function ok(body: Buffer | string, contentType: string, url: string): NetOutcome {
  return {
    kind: 'response',
    status: 200,
    url,
    headers: { 'content-type': contentType },
    bytes: Buffer.from(body),
  };
}

describe('keeping one bulletin offline', () => {
  let folder: string;
  let services: KeepServices;
  let requested: string[];
  const limits = { ...KEEP_LIMITS, maxPageBytes: 1024 * 1024 };
  const bomb = Buffer.concat([
    pngOf(1, 1).subarray(0, 16),
    Buffer.from([0, 1, 0x86, 0xa0, 0, 1, 0x86, 0xa0, 8, 6, 0, 0, 0]),
  ]);
  const pages: Record<string, () => NetOutcome> = {
    'https://news.example/a': () => ok(ARTICLE_HTML, 'text/html; charset=utf-8', 'https://news.example/a'),
    'https://news.example/map.png': () => ok(pngOf(8, 8, 50), 'image/png', 'https://news.example/map.png'),
    'https://news.example/evil.svg': () => ok('<svg><script>alert(1)</script></svg>', 'image/png', 'x'),
    'https://news.example/bomb.png': () => ok(bomb, 'image/png', 'x'),
    'https://news.example/pdf': () => ok('%PDF-1.4', 'application/pdf', 'https://news.example/pdf'),
  };
  const fetch: FetchWithPolicy = async (url) => {
    requested.push(url);
    return pages[url]?.() ?? { kind: 'failed', problem: 'refused' };
  };
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'bulletin-keep-'));
    requested = [];
    services = {
      fetch,
      extract: async (bytes, _type, url) => extractArticle(Buffer.from(bytes).toString('utf8'), url),
      images: createImageStore(join(folder, 'images')),
      articles: createArticleStore(join(folder, 'articles')),
      now: () => new Date('2026-12-05T10:00:00Z'),
    };
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('keeps the article and its raster images; an SVG and a bomb are refused with their reason', async () => {
    const kept = await keepBulletin(
      bulletin('https://news.example/a'),
      { fullArticle: true, images: true },
      limits,
      services,
      new AbortController().signal,
    );
    expect(kept.text).toContain('Families crossed the border');
    expect(Object.keys(kept.images)).toEqual(['https://news.example/map.png']);
    expect(kept.refused).toEqual([
      { src: 'https://news.example/evil.svg', problem: 'notRaster' },
      { src: 'https://news.example/bomb.png', problem: 'tooManyPixels' },
    ]);
    expect(await services.articles.read('b1')).toEqual(kept);
  });

  it('refuses a link that is not a web page, and keeps nothing', async () => {
    await expect(
      keepBulletin(
        bulletin('https://news.example/pdf'),
        { fullArticle: true, images: true },
        limits,
        services,
        new AbortController().signal,
      ),
    ).rejects.toMatchObject({ problem: 'notHtml' });
    expect(await services.articles.read('b1')).toBeNull();
  });

  it('fetches nothing it was not asked for', async () => {
    const kept = await keepBulletin(
      bulletin('https://news.example/a', '<p>Feed text <img src="https://news.example/map.png"></p>'),
      { fullArticle: false, images: true },
      limits,
      services,
      new AbortController().signal,
    );
    expect(requested).toEqual(['https://news.example/map.png']);
    expect(kept.html).toBeUndefined();
  });
});

describe('keeping through main’s outbound-request policy', () => {
  let folder: string;
  let port: number;
  const served: string[] = [];
  // On 127.0.0.1: the article, and a redirect to wherever ?to= says.
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    served.push(url.pathname);
    if (url.pathname === '/redirect')
      response.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end();
    else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE_HTML);
  });
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'bulletin-keep-policy-'));
    port = await listen(server);
    served.length = 0;
  });
  afterEach(async () => {
    await closeServer(server);
    await rm(folder, { recursive: true, force: true });
  });
  // The office's host is allowed by name (it resolves to 127.0.0.1 here); a bare 127.0.0.1 is not.
  const services = (): KeepServices => ({
    fetch: createFetchWithPolicy({
      userAgent: 'BulletinReader/test',
      allowedHosts: () => ['news.office.test'],
      resolve: () => Promise.resolve([{ address: '127.0.0.1', family: 4 }]),
    }),
    extract: async (bytes, _type, url) => extractArticle(Buffer.from(bytes).toString('utf8'), url),
    images: createImageStore(join(folder, 'images')),
    articles: createArticleStore(join(folder, 'articles')),
    now: () => new Date('2026-12-05T10:00:00Z'),
  });
  const keep = (link: string, kept: KeepServices) =>
    keepBulletin(
      bulletin(link),
      { fullArticle: true, images: false },
      { ...KEEP_LIMITS, maxPageBytes: 1024 * 1024, timeoutMs: 5_000 },
      kept,
      new AbortController().signal,
    );

  it('refuses a page that redirects to 127.0.0.1 (not allowed) with the policy’s reason, and keeps nothing', async () => {
    const kept = services();
    const target = encodeURIComponent(`http://127.0.0.1:${port}/article`);
    await expect(keep(`http://news.office.test:${port}/redirect?to=${target}`, kept)).rejects.toMatchObject({
      problem: 'refused',
    });
    expect(served).toEqual(['/redirect']);
    expect(await kept.articles.read('b1')).toBeNull();
  });

  it('keeps the same page from the allowed host', async () => {
    const kept = services();
    const article = await keep(`http://news.office.test:${port}/article`, kept);
    expect(article.text).toContain('Families crossed the border');
    expect(served).toEqual(['/article']);
  });
});
