import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PNG } from 'pngjs';
import type { Bulletin } from '../../preload/contract';
import { offlineInWorker } from '../../main/offline/extractInWorker';
import { openKeptOffline } from '../../main/offline/keptOffline';
import { createFetchWithPolicy } from '../../main/net/fetchWithPolicy';
import type { Figure, Suite } from './harness';

const ARTICLES = 100;
const IMAGES_EACH = 5;
const TS_WORKER = new URL('../unit/main/tsWorker.mjs', import.meta.url);
const EXTRACT_WORKER = new URL('../../main/offline/extractWorker.ts', import.meta.url).href;

/** A 200 × 150 PNG of noise (about 120 KB, as a photo's share of a news page), distinct per seed. */
function photo(seed: number): Buffer {
  const png = new PNG({ width: 200, height: 150 });
  let state = seed * 2654435761;
  for (let i = 0; i < png.data.length; i += 1) {
    state = (state * 1103515245 + 12345) >>> 0;
    png.data[i] = i % 4 === 3 ? 255 : state >>> 24;
  }
  return PNG.sync.write(png);
}

function articlePage(n: number): string {
  const paragraph = `Report ${n}: families crossed at the northern post at dawn, and the station counted arrivals by the hour. `;
  const images = Array.from(
    { length: IMAGES_EACH },
    (_, i) => `<figure><img src="/img/${n}-${i}.png" alt="Picture ${i}"></figure>`,
  );
  return `<!doctype html><html><head><title>Report ${n}</title></head><body><nav>Home · News</nav><article><h1>Report ${n}</h1>${images
    .map((image) => `<p>${paragraph.repeat(8)}</p>${image}`)
    .join('')}</article><footer>Contact</footer></body></html>`;
}

/**
 * Keeping 100 articles with 5 images each from a server on 127.0.0.1, as the app does (the
 * queue, the worker, the stores): how long, what it stores, and main's heap while it runs.
 */
export const offlineSuite: Suite = {
  name: 'offline',
  async run() {
    const images = new Map<string, Buffer>();
    for (let n = 0; n < ARTICLES; n += 1)
      for (let i = 0; i < IMAGES_EACH; i += 1)
        images.set(`/img/${n}-${i}.png`, photo(n * IMAGES_EACH + i + 1));
    const server = createServer((request, response) => {
      const path = request.url ?? '';
      const page = /^\/news\/(\d+)$/.exec(path);
      if (page) response.writeHead(200, { 'content-type': 'text/html' }).end(articlePage(Number(page[1])));
      else if (images.has(path))
        response.writeHead(200, { 'content-type': 'image/png' }).end(images.get(path));
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const folder = await mkdtemp(join(tmpdir(), 'bulletin-offline-bench-'));
    const bulletins = new Map<string, Bulletin>();
    for (let n = 0; n < ARTICLES; n += 1)
      bulletins.set(`b${n}`, {
        id: `b${n}`,
        source: 'bench',
        title: `Report ${n}`,
        summary: '',
        link: `${origin}/news/${n}`,
        published: '2026-12-01',
        language: 'en',
        countries: [],
        tags: [],
        importedAt: '2026-12-01T00:00:00Z',
        contentHash: `b${n}`,
      });
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    const sampler = setInterval(() => {
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }, 50);
    try {
      const offline = await openKeptOffline({
        userData: folder,
        bulletin: (id) => bulletins.get(id),
        maxPageBytes: () => 50 * 1024 * 1024,
        // Main's policy, with the bench's server on 127.0.0.1 allowed as the user would allow it.
        fetch: createFetchWithPolicy({ userAgent: 'bench', allowedHosts: () => ['127.0.0.1'] }),
        extract: offlineInWorker(TS_WORKER, { workerData: { file: EXTRACT_WORKER } }).extract,
        isOnline: () => true,
        onChange: () => {},
      });
      const started = performance.now();
      offline.keep([...bulletins.values()], { fullArticle: true, images: true });
      await offline.queue.idle();
      const elapsed = performance.now() - started;
      const status = offline.queue.status();
      const usage = await offline.usage();
      await offline.close();
      const served = [...images.values()].reduce((sum, image) => sum + image.length, 0);
      const figure = (name: string, value: number, unit: Figure['unit'], extra: Partial<Figure> = {}) => ({
        suite: 'offline',
        name,
        size: ARTICLES,
        value,
        unit,
        ...extra,
      });
      if (status.done !== ARTICLES)
        console.error(
          `  offline: only ${status.done} of ${ARTICLES} kept`,
          status.jobs.filter((job) => job.state === 'failed').slice(0, 3),
        );
      return [
        figure(`keep ${ARTICLES} articles × ${IMAGES_EACH} images`, elapsed, 'ms'),
        figure('kept on disk', usage.bytes / 2 ** 20, 'MB', {
          baseline: { name: 'images served', value: served / 2 ** 20 },
        }),
        figure("main's heap growth, peak while keeping", (heapPeak - heapBefore) / 2 ** 20, 'MB', {
          goal: 'flat: not growing with the articles (they are parsed in a worker)',
        }),
      ];
    } finally {
      clearInterval(sampler);
      server.close();
      await rm(folder, { recursive: true, force: true });
    }
  },
};
