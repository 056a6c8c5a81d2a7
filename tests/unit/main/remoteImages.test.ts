import { describe, expect, it } from 'vitest';
import { fetchRemoteImages, imageSources } from '../../../main/images/remoteImages';
import { createFetchWithPolicy, type FetchWithPolicy } from '../../../main/net/fetchWithPolicy';
import { startWebServer } from './net/localServers';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A web that answers by URL and remembers what was asked of it. */
function fakeWeb(pages: Record<string, { type: string; body: Uint8Array; status?: number }>) {
  const asked: string[] = [];
  const fetch: FetchWithPolicy = async (url) => {
    asked.push(url);
    const page = pages[url];
    if (!page) return { kind: 'response', url, status: 404, headers: {}, bytes: new Uint8Array() };
    return {
      kind: 'response',
      url,
      status: page.status ?? 200,
      headers: { 'content-type': page.type },
      bytes: page.body,
    };
  };
  return { fetch, asked };
}

describe('remote images', () => {
  it('finds the images a body names, once each, entities decoded, data: images left alone', () => {
    expect(
      imageSources(
        '<p><img src="https://a.example/1.png?x=1&amp;y=2"><img src="https://a.example/1.png?x=1&amp;y=2"><img src="data:image/png;base64,AA=="><img></p>',
      ),
    ).toEqual(['https://a.example/1.png?x=1&y=2']);
  });

  it('fetches raster images as data: URLs keyed by their src, and leaves out what fails', async () => {
    const web = fakeWeb({
      'https://a.example/photo.png': { type: 'image/png', body: PNG },
      'https://a.example/page.html': { type: 'text/html', body: new TextEncoder().encode('<html>') },
      'https://a.example/drawing.svg': { type: 'image/svg+xml', body: new TextEncoder().encode('<svg/>') },
    });
    const images = await fetchRemoteImages(
      imageSources(
        '<img src="https://a.example/photo.png"><img src="https://a.example/page.html">' +
          '<img src="https://a.example/drawing.svg"><img src="https://a.example/gone.png">' +
          '<img src="file:///etc/passwd"><img src="pictures/local.png">',
      ),
      web.fetch,
    );
    expect(images).toEqual({
      'https://a.example/photo.png': `data:image/png;base64,${Buffer.from(PNG).toString('base64')}`,
    });
    // Only web addresses are fetched: no file:, no relative path guessed against some base.
    expect(web.asked.sort()).toEqual([
      'https://a.example/drawing.svg',
      'https://a.example/gone.png',
      'https://a.example/page.html',
      'https://a.example/photo.png',
    ]);
  });

  it('goes through the outbound policy: an image on 127.0.0.1 is not fetched unless the host is allowed', async () => {
    const server = await startWebServer();
    try {
      const body = `<img src="${server.base}/ok"><img src="http://localhost:${server.port}/ok">`;
      const refused = createFetchWithPolicy({ userAgent: 'test', allowedHosts: () => [] });
      expect(await fetchRemoteImages(imageSources(body), refused)).toEqual({});
      expect(server.seen).toEqual([]);
      const allowed = createFetchWithPolicy({ userAgent: 'test', allowedHosts: () => ['127.0.0.1'] });
      // Allowed, fetched, and left out all the same: /ok is text, not an image.
      expect(await fetchRemoteImages(imageSources(body), allowed)).toEqual({});
      expect(server.seen.map((hit) => hit.path)).toEqual(['/ok', '/ok']);
    } finally {
      await server.close();
    }
  });
});
