import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetchWithPolicy } from '../../../../main/net/fetchWithPolicy';
import { fetchFeed, type FetchOptions } from '../../../../main/sync/fetchFeed';
import { ETAG, FEED, LAST_MODIFIED, startFeedServer } from './feedServer';

let server: Awaited<ReturnType<typeof startFeedServer>>;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(() => server.close());

// The fixture server is on 127.0.0.1, which the user allowed (Settings › Allowed local hosts).
const options: FetchOptions = {
  fetch: createFetchWithPolicy({ userAgent: 'BulletinReader/0.1 (test)', allowedHosts: () => ['127.0.0.1'] }),
  timeoutMs: 1_000,
  maxBytes: 100_000,
};
const get = (path: string, extra: Partial<FetchOptions> = {}) =>
  fetchFeed(`${server.base}${path}`, { ...options, ...extra });

describe('fetchFeed against a local server', () => {
  it('fetches a feed (compressed), keeps its validators, and sends a clear User-Agent', async () => {
    const outcome = await get('/feed');
    expect(outcome.kind).toBe('fetched');
    if (outcome.kind !== 'fetched') return;
    expect(new TextDecoder().decode(outcome.bytes)).toBe(FEED);
    expect(outcome.validators).toEqual({ etag: ETAG, lastModified: LAST_MODIFIED });
    const request = server.seen.findLast((hit) => hit.path === '/feed');
    expect(request?.headers['user-agent']).toBe('BulletinReader/0.1 (test)');
    expect(request?.headers['accept-encoding']).toMatch(/br|gzip/);
  });

  it('asks conditionally and hears 304 as "not modified"', async () => {
    expect(await get('/feed', { validators: { etag: ETAG, lastModified: LAST_MODIFIED } })).toEqual({
      kind: 'not-modified',
    });
    const request = server.seen.findLast((hit) => hit.path === '/feed');
    expect(request?.headers['if-none-match']).toBe(ETAG);
    expect(request?.headers['if-modified-since']).toBe(LAST_MODIFIED);
  });

  it('follows up to five redirects and no more; a loop is a clear failure', async () => {
    expect((await get('/hops/5')).kind).toBe('fetched');
    expect(await get('/hops/6')).toEqual({ kind: 'failed', problem: 'tooManyRedirects' });
    expect(await get('/loop')).toEqual({ kind: 'failed', problem: 'tooManyRedirects' });
  });

  it('reports 404 and 500 with their status', async () => {
    expect(await get('/missing')).toEqual({ kind: 'failed', problem: 'httpError', status: 404 });
    expect(await get('/broken')).toEqual({ kind: 'failed', problem: 'httpError', status: 500 });
  });

  it('gives up on a slow server, a truncated body and an oversized one', async () => {
    // A server that never answers is not told from one that cannot be reached (see main/net).
    expect(await get('/slow', { timeoutMs: 300 })).toEqual({ kind: 'failed', problem: 'network' });
    expect(await get('/truncated')).toEqual({ kind: 'failed', problem: 'truncated' });
    expect(await get('/huge')).toEqual({ kind: 'failed', problem: 'tooLarge' });
  });

  it('accepts a feed under a wrong content type, refuses a web page served instead of a feed', async () => {
    expect((await get('/wrong-type')).kind).toBe('fetched');
    expect(await get('/html')).toEqual({ kind: 'failed', problem: 'notAFeedButWebPage' });
  });

  it('refuses addresses that are not http(s)', async () => {
    expect(await fetchFeed('file:///etc/passwd', options)).toEqual({ kind: 'failed', problem: 'badAddress' });
  });
});
