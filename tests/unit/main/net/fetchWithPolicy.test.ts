import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublicAddress } from '../../../../main/net/addressRange';
import {
  createFetchWithPolicy,
  type NetRequest,
  type OutboundPolicy,
  type Resolve,
} from '../../../../main/net/fetchWithPolicy';
import { closedPort, startHangingServer, startTcpService, startWebServer } from './localServers';

/**
 * The outbound-request policy (SSRF). Every server here is on 127.0.0.1; the refusal tests run
 * without an allowed host, and each asserts the server saw nothing.
 */

let web: Awaited<ReturnType<typeof startWebServer>>;
beforeAll(async () => {
  web = await startWebServer();
});
afterAll(() => web.close());

const request: NetRequest = { accept: '*/*', maxBytes: 100_000, timeoutMs: 2_000 };
const policy = (allowedHosts: string[] = [], resolve?: Resolve): OutboundPolicy => ({
  userAgent: 'BulletinReader/test',
  allowedHosts: () => allowedHosts,
  ...(resolve ? { resolve } : {}),
});
const refusedFetch = createFetchWithPolicy(policy());
const allowedFetch = createFetchWithPolicy(policy(['127.0.0.1']));
const hits = (path: string) => web.seen.filter((hit) => hit.path === path).length;

describe('which addresses are public', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local: cloud metadata'],
    ['100.64.0.1', 'CGNAT'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', '0.0.0.0/8'],
    ['255.255.255.255', 'broadcast'],
    ['224.0.0.251', 'multicast'],
    ['192.0.2.10', 'documentation'],
    ['::1', 'IPv6 loopback'],
    ['::', 'IPv6 unspecified'],
    ['fe80::1', 'IPv6 link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['ff02::1', 'IPv6 multicast'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, hex'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['::ffff:169.254.169.254', 'IPv4-mapped link-local'],
    ['::127.0.0.1', 'IPv4-compatible loopback'],
    ['::7f00:1', 'IPv4-compatible loopback, hex'],
    ['64:ff9b::127.0.0.1', 'NAT64 of loopback'],
    ['64:ff9b::a00:1', 'NAT64 of 10.0.0.1'],
    ['64:ff9b:1::a00:1', 'local-use NAT64'],
    ['2002:7f00:1::1', '6to4 of loopback'],
    ['2002:c0a8:101::1', '6to4 of 192.168.1.1'],
    ['2001::1', 'Teredo'],
    ['not an address', 'not an address'],
  ])('%s is refused (%s)', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    ['93.184.215.14'],
    ['8.8.8.8'],
    ['2606:4700:4700::1111'],
    ['::ffff:93.184.215.14'],
    ['64:ff9b::5db8:d70e'],
    ['2002:5db8:d70e::1'],
  ])('%s is public', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe('fetchWithPolicy refuses the local network', () => {
  it('refuses 127.0.0.1 however the URL spells it, and never connects', async () => {
    const before = web.seen.length;
    for (const host of [
      '127.0.0.1',
      '0x7f.1',
      '0x7f000001',
      '2130706433',
      '0177.0.0.1',
      '127.1',
      '[::ffff:127.0.0.1]',
      '[::ffff:7f00:1]',
      '[::1]',
      '0.0.0.0',
    ]) {
      expect(await refusedFetch(`http://${host}:${web.port}/ok`, request), host).toEqual({
        kind: 'failed',
        problem: 'refused',
      });
    }
    expect(web.seen.length).toBe(before);
  });

  it('refuses a name that resolves to 127.0.0.1 (localhost)', async () => {
    const before = web.seen.length;
    expect(await refusedFetch(`http://localhost:${web.port}/ok`, request)).toEqual({
      kind: 'failed',
      problem: 'refused',
    });
    expect(web.seen.length).toBe(before);
  });

  it('refuses a redirect to 127.0.0.1 at that hop', async () => {
    // The first hop is a host the user allowed by name; it sends the client on to a bare 127.0.0.1.
    const fetchAllowed = createFetchWithPolicy(
      policy(['feeds.office.test'], () => Promise.resolve([{ address: '127.0.0.1', family: 4 }])),
    );
    const before = hits('/ok');
    const target = encodeURIComponent(`http://127.0.0.1:${web.port}/ok`);
    expect(await fetchAllowed(`http://feeds.office.test:${web.port}/redirect?to=${target}`, request)).toEqual(
      {
        kind: 'failed',
        problem: 'refused',
      },
    );
    expect(hits('/redirect')).toBeGreaterThan(0);
    expect(hits('/ok')).toBe(before);
  });

  it('refuses addresses with a user name or password, and schemes other than http(s)', async () => {
    const before = web.seen.length;
    for (const url of [
      `http://user:secret@127.0.0.1:${web.port}/ok`,
      `http://user@127.0.0.1:${web.port}/ok`,
      'file:///etc/passwd',
      `ftp://127.0.0.1:${web.port}/`,
      'not a url',
    ]) {
      expect(await allowedFetch(url, request), url).toEqual({ kind: 'failed', problem: 'badAddress' });
    }
    expect(web.seen.length).toBe(before);
  });

  it('connects to the address it checked: one resolution per hop, none behind its back (DNS rebinding)', async () => {
    const asked: string[] = [];
    // feeds.office.test exists in no DNS: the connection lands only if it goes to the address our
    // resolver gave and the policy judged, never to a second resolution by Node.
    const fetchAllowed = createFetchWithPolicy(
      policy(['feeds.office.test'], (hostname) => {
        asked.push(hostname);
        return Promise.resolve([{ address: '127.0.0.1', family: 4 }]);
      }),
    );
    const outcome = await fetchAllowed(`http://feeds.office.test:${web.port}/hops/2`, request);
    expect(outcome).toMatchObject({ kind: 'response', status: 200 });
    // Three hops, three resolutions, each judged.
    expect(asked).toEqual(['feeds.office.test', 'feeds.office.test', 'feeds.office.test']);
    expect(web.seen.at(-1)?.headers.host).toBe(`feeds.office.test:${web.port}`);
  });

  it('counts a name that never resolves against the time cap, as "could not be reached"', async () => {
    const hanging = createFetchWithPolicy(policy([], () => new Promise(() => {})));
    const started = performance.now();
    expect(await hanging('http://nowhere.test/', { ...request, timeoutMs: 300 })).toEqual({
      kind: 'failed',
      problem: 'network',
    });
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('of a name that resolves to several addresses, connects to the first allowed one, or refuses', async () => {
    const several: Resolve = () =>
      Promise.resolve([
        { address: '10.0.0.1', family: 4 },
        { address: '127.0.0.1', family: 4 },
      ]);
    const url = `http://several.test:${web.port}/ok`;
    expect(await createFetchWithPolicy(policy([], several))(url, request)).toEqual({
      kind: 'failed',
      problem: 'refused',
    });
    expect(await createFetchWithPolicy(policy(['127.0.0.1'], several))(url, request)).toMatchObject({
      kind: 'response',
      status: 200,
    });
  });
});

describe('fetchWithPolicy with 127.0.0.1 allowed (Settings › Allowed local hosts)', () => {
  it('lets the allowed host through, by IP and by name, however spelt', async () => {
    expect(await allowedFetch(`${web.base}/ok`, request)).toMatchObject({
      kind: 'response',
      status: 200,
      url: `${web.base}/ok`,
    });
    const byHex = await allowedFetch(`http://0x7f.1:${web.port}/ok`, request);
    expect(byHex.kind === 'response' && new TextDecoder().decode(byHex.bytes)).toBe('hello');
    const byName = createFetchWithPolicy(policy(['LOCALHOST']));
    expect(await byName(`http://localhost:${web.port}/ok`, request)).toMatchObject({ status: 200 });
  });

  it('follows five redirects and refuses the sixth', async () => {
    expect(await allowedFetch(`${web.base}/hops/5`, request)).toMatchObject({
      kind: 'response',
      status: 200,
    });
    const before = hits('/ok');
    expect(await allowedFetch(`${web.base}/hops/6`, request)).toEqual({
      kind: 'failed',
      problem: 'tooManyRedirects',
    });
    expect(hits('/ok')).toBe(before);
  });

  it('stops at the byte cap, counted after decompression (a gzip bomb)', async () => {
    expect(await allowedFetch(`${web.base}/big`, { ...request, maxBytes: 1_000 })).toEqual({
      kind: 'failed',
      problem: 'tooLarge',
    });
    expect(await allowedFetch(`${web.base}/bomb`, { ...request, maxBytes: 1024 * 1024 })).toEqual({
      kind: 'failed',
      problem: 'tooLarge',
    });
  });

  it('stops a body that never ends at the time cap, and a stalled one at the idle cap', async () => {
    let started = performance.now();
    expect(await allowedFetch(`${web.base}/never-ends`, { ...request, timeoutMs: 400 })).toEqual({
      kind: 'failed',
      problem: 'timeout',
    });
    expect(performance.now() - started).toBeLessThan(1_500);
    started = performance.now();
    expect(
      await allowedFetch(`${web.base}/stalls`, { ...request, timeoutMs: 10_000, idleTimeoutMs: 300 }),
    ).toEqual({ kind: 'failed', problem: 'timeout' });
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('ends the request at once when its signal aborts: the connection is closed, the call rejects', async () => {
    const hanging = await startHangingServer();
    try {
      const controller = new AbortController();
      const fetching = allowedFetch(`${hanging.base}/page`, {
        ...request,
        timeoutMs: 60_000,
        signal: controller.signal,
      });
      await hanging.arrived;
      const started = performance.now();
      controller.abort();
      await expect(fetching).rejects.toMatchObject({ name: 'AbortError' });
      await hanging.closed;
      // Not the 60 s time cap nor the 15 s idle cap: the abort itself.
      expect(performance.now() - started).toBeLessThan(1_000);
      // Already aborted: nothing is sent.
      const seenBefore = web.seen.length;
      await expect(
        allowedFetch(`${web.base}/ok`, { ...request, signal: controller.signal }),
      ).rejects.toMatchObject({ name: 'AbortError' });
      expect(web.seen).toHaveLength(seenBefore);
    } finally {
      await hanging.close();
    }
  });

  it('sends no cookie, even one the server set a hop before', async () => {
    const outcome = await allowedFetch(`${web.base}/cookie`, request);
    expect(outcome).toMatchObject({ kind: 'response', status: 200 });
    const [cookieHop, next] = web.seen.slice(-2);
    expect(cookieHop?.path).toBe('/cookie');
    expect(next?.path).toBe('/ok');
    expect(next?.headers.cookie).toBeUndefined();
    expect(next?.headers.authorization).toBeUndefined();
    await allowedFetch(`${web.base}/ok`, request);
    expect(web.seen.at(-1)?.headers.cookie).toBeUndefined();
  });

  it('says the same for a closed port, a silent service and a service that is not HTTP', async () => {
    const silent = await startTcpService('silent');
    const chatty = await startTcpService('chatty');
    try {
      const quick = { ...request, timeoutMs: 600 };
      const outcomes = [
        await allowedFetch(`http://127.0.0.1:${await closedPort()}/`, quick),
        await allowedFetch(`http://127.0.0.1:${silent.port}/`, quick),
        await allowedFetch(`http://127.0.0.1:${chatty.port}/`, quick),
      ];
      expect(outcomes).toEqual([
        { kind: 'failed', problem: 'network' },
        { kind: 'failed', problem: 'network' },
        { kind: 'failed', problem: 'network' },
      ]);
    } finally {
      await Promise.all([silent.close(), chatty.close()]);
    }
  });
});
