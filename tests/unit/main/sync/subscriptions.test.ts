import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Bulletin, KeepWhat } from '../../../../preload/contract';
import { initI18n } from '../../../../main/i18n';
import { createImportRunner } from '../../../../main/importers/importRunner';
import { createSearchIndex } from '../../../../main/search/searchIndex';
import { openLibrary, type Library } from '../../../../main/store/library';
import { createFetchWithPolicy, type Resolve } from '../../../../main/net/fetchWithPolicy';
import {
  BadFeedAddress,
  createSubscriptions,
  type SubscriptionDeps,
} from '../../../../main/sync/subscriptions';
import { createSyncService } from '../../../../main/sync/syncService';
import { closedPort, startTcpService } from '../net/localServers';
import { startFeedServer } from './feedServer';

let server: Awaited<ReturnType<typeof startFeedServer>>;
let folder: string;
beforeAll(async () => {
  await initI18n('en-US');
  server = await startFeedServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bulletin-subscriptions-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The fixture server is on 127.0.0.1: allowed here as a user would in Settings, unless a test says otherwise. */
function setUp(
  library: Library,
  online = { value: true },
  maxBytes?: () => number,
  allowedHosts = ['127.0.0.1'],
  resolve?: Resolve,
  keepOffline?: SubscriptionDeps['keepOffline'],
) {
  const runner = createImportRunner(library, createSearchIndex(), { progress: () => {}, changed: () => {} });
  return createSubscriptions({
    store: library,
    fetch: createFetchWithPolicy({
      userAgent: 'BulletinReader/test',
      allowedHosts: () => allowedHosts,
      ...(resolve ? { resolve } : {}),
    }),
    importFeed: async (source) => (await runner.run([source])).files[0],
    isOnline: () => online.value,
    timeoutMs: 1_000,
    ...(maxBytes ? { maxBytes } : {}),
    ...(keepOffline ? { keepOffline } : {}),
  });
}

describe('keeping a subscription offline', () => {
  it('queues the new items of a kept subscription after a refresh, once on disk; nothing when not kept, when nothing is new, or offline', async () => {
    const keepSpy = (library: Library) => (bulletins: readonly Bulletin[], what: KeepWhat) =>
      queued.push({
        titles: bulletins.map((bulletin) => bulletin.title),
        what,
        onDisk: bulletins.every((bulletin) => library.get(bulletin.id) !== undefined),
      });
    const queued: { titles: string[]; what: KeepWhat; onDisk: boolean }[] = [];
    const online = { value: true };
    // Not kept (the default): its new items are imported, nothing is queued.
    const plainLibrary = await openLibrary(join(folder, 'plain'));
    const plain = setUp(plainLibrary, online, undefined, undefined, undefined, keepSpy(plainLibrary));
    const notKept = await plain.add(`${server.base}/feed`, 'Plain');
    expect(await plain.refresh(notKept.id)).toEqual(['updated']);
    expect(plainLibrary.bulletins()).toHaveLength(2);
    expect(queued).toEqual([]);

    const library = await openLibrary(folder);
    const subscriptions = setUp(library, online, undefined, undefined, undefined, keepSpy(library));
    const kept = await subscriptions.add(`${server.base}/feed?kept`, 'Kept');
    await subscriptions.setKeep(kept.id, { fullArticle: true, images: false });
    online.value = false;
    expect(await subscriptions.refresh(kept.id)).toEqual(['offline']);
    expect(queued).toEqual([]);
    online.value = true;
    expect(await subscriptions.refresh(kept.id)).toEqual(['updated']);
    expect(queued).toEqual([
      { titles: ['First', 'Second'], what: { fullArticle: true, images: false }, onDisk: true },
    ]);
    // Asked again: 304, nothing new, nothing queued.
    expect(await subscriptions.refresh(kept.id)).toEqual(['not-modified']);
    expect(queued).toHaveLength(1);

    // The setting lives with the subscription in state.json; turning both off forgets it.
    const reopened = await openLibrary(folder);
    expect(reopened.subscriptions().find((subscription) => subscription.id === kept.id)?.keep).toEqual({
      fullArticle: true,
      images: false,
    });
    await subscriptions.setKeep(kept.id, { fullArticle: false, images: false });
    expect(subscriptions.list().find((subscription) => subscription.id === kept.id)?.keep).toBeUndefined();
  });
});

describe('subscriptions', () => {
  it('adds a feed by URL, imports it on refresh, then asks conditionally (304); the list survives a restart', async () => {
    const library = await openLibrary(folder);
    const subscriptions = setUp(library);
    const added = await subscriptions.add(`${server.base}/feed`, 'Local');
    expect(await subscriptions.refresh()).toEqual(['updated']);
    expect(library.bulletins().map((bulletin) => [bulletin.title, bulletin.source])).toEqual([
      ['First', 'Local'],
      ['Second', 'Local'],
    ]);
    expect(await subscriptions.refresh(added.id)).toEqual(['not-modified']);
    const [stored] = subscriptions.list();
    expect(stored).toMatchObject({ etag: '"v1"', title: 'Local' });
    expect(stored?.lastSuccess).toBeDefined();
    expect(stored?.lastError).toBeUndefined();

    await subscriptions.rename(added.id, 'Renamed');
    const reopened = await openLibrary(folder);
    expect(reopened.subscriptions().map((subscription) => subscription.title)).toEqual(['Renamed']);
  });

  it('records the last error per feed, and offline as nothing at all', async () => {
    const library = await openLibrary(folder);
    const online = { value: true };
    const subscriptions = setUp(library, online);
    const missing = await subscriptions.add(`${server.base}/missing`);
    const page = await subscriptions.add(`${server.base}/html`);
    expect(await subscriptions.refresh()).toEqual(['failed', 'failed']);
    const byId = new Map(subscriptions.list().map((subscription) => [subscription.id, subscription]));
    expect(byId.get(missing.id)?.lastError).toEqual({ problem: 'httpError', status: 404 });
    expect(byId.get(page.id)?.lastError).toEqual({ problem: 'notAFeedButWebPage' });

    online.value = false;
    const before = subscriptions.list();
    expect(await subscriptions.refresh()).toEqual(['offline', 'offline']);
    expect(subscriptions.list()).toEqual(before);

    await subscriptions.remove(missing.id);
    expect(subscriptions.list().map((subscription) => subscription.id)).toEqual([page.id]);
  });

  it('stops downloading a feed past the size limit asked at each refresh (the Settings cap)', async () => {
    const library = await openLibrary(folder);
    let limit = 100;
    const subscriptions = setUp(library, { value: true }, () => limit);
    const feed = await subscriptions.add(`${server.base}/feed`);
    expect(await subscriptions.refresh()).toEqual(['failed']);
    expect(subscriptions.list()[0]?.lastError).toEqual({ problem: 'tooLarge' });
    expect(library.counts().all).toBe(0);

    limit = 1024 * 1024;
    expect(await subscriptions.refresh(feed.id)).toEqual(['updated']);
    expect(library.counts().all).toBe(2);
  });

  it('refuses what is not a web address, and adds the same address once', async () => {
    const subscriptions = setUp(await openLibrary(folder));
    await expect(subscriptions.add('file:///etc/passwd')).rejects.toBeInstanceOf(BadFeedAddress);
    await expect(subscriptions.add(`http://user:secret@127.0.0.1/feed`)).rejects.toBeInstanceOf(
      BadFeedAddress,
    );
    await subscriptions.add(`${server.base}/feed`);
    await subscriptions.add(`${server.base}/feed`);
    expect(subscriptions.list()).toHaveLength(1);
  });

  it('refuses a feed on 127.0.0.1 unless the user allowed the host, and says where to allow it', async () => {
    const library = await openLibrary(folder);
    const subscriptions = setUp(library, { value: true }, undefined, []);
    const sync = createSyncService(
      subscriptions,
      () => true,
      () => {},
    );
    const before = server.seen.length;
    await subscriptions.add(`${server.base}/feed`);
    await subscriptions.add(server.base.replace('127.0.0.1', 'localhost') + '/feed');
    expect(await subscriptions.refresh()).toEqual(['failed', 'failed']);
    expect(server.seen.length).toBe(before);
    expect(library.counts().all).toBe(0);
    for (const feed of sync.list().feeds) {
      expect(feed.lastError).toMatch(
        /on this computer or the local network.*Allowed local hosts in File › Settings/,
      );
    }
  });

  it('refuses a redirect to 127.0.0.1 from an allowed host, at that hop', async () => {
    const library = await openLibrary(folder);
    const intranet: Resolve = () => Promise.resolve([{ address: '127.0.0.1', family: 4 }]);
    const subscriptions = setUp(library, { value: true }, undefined, ['news.office.test'], intranet);
    const port = new URL(server.base).port;
    await subscriptions.add(`http://news.office.test:${port}/to-loopback`);
    const feedHits = server.seen.filter((hit) => hit.path === '/feed').length;
    expect(await subscriptions.refresh()).toEqual(['failed']);
    expect(subscriptions.list()[0]?.lastError).toEqual({ problem: 'refused' });
    expect(server.seen.filter((hit) => hit.path === '/feed').length).toBe(feedHits);
  });

  it('gives the same error text for a closed port and an open one that is not a feed server', async () => {
    const library = await openLibrary(folder);
    const silent = await startTcpService('silent');
    const chatty = await startTcpService('chatty');
    try {
      const subscriptions = setUp(library);
      const sync = createSyncService(
        subscriptions,
        () => true,
        () => {},
      );
      await subscriptions.add(`http://127.0.0.1:${await closedPort()}/feed`, 'closed');
      await subscriptions.add(`http://127.0.0.1:${silent.port}/feed`, 'silent');
      await subscriptions.add(`http://127.0.0.1:${chatty.port}/feed`, 'chatty');
      expect(await subscriptions.refresh()).toEqual(['failed', 'failed', 'failed']);
      const texts = sync.list().feeds.map((feed) => feed.lastError);
      expect(texts).toEqual([
        'The server could not be reached.',
        'The server could not be reached.',
        'The server could not be reached.',
      ]);
    } finally {
      await Promise.all([silent.close(), chatty.close()]);
    }
  });

  it('follows the feeds chosen from a list in one write of state.json, however many', async () => {
    const library = await openLibrary(folder);
    let writes = 0;
    const runner = createImportRunner(library, createSearchIndex(), {
      progress: () => {},
      changed: () => {},
    });
    const subscriptions = createSubscriptions({
      store: {
        subscriptions: () => library.subscriptions(),
        saveSubscriptions: (list) => {
          writes += 1;
          return library.saveSubscriptions(list);
        },
      },
      fetch: createFetchWithPolicy({ userAgent: 'test', allowedHosts: () => [] }),
      importFeed: async (source) => (await runner.run([source])).files[0],
      isOnline: () => true,
    });
    await subscriptions.add('https://already.example/feed');
    writes = 0;
    const feeds = [
      ...Array.from({ length: 2_000 }, (_, i) => ({ url: `https://feeds.example/${i}`, title: `Feed ${i}` })),
      { url: 'https://already.example/feed' },
      { url: 'https://feeds.example/7' },
      { url: 'file:///etc/passwd' },
      { url: 'http://user:secret@feeds.example/x' },
    ];
    const started = performance.now();
    const added = await subscriptions.addMany(feeds);
    console.info(`[addMany] 2,000 feeds followed in ${Math.round(performance.now() - started)} ms`);
    expect(writes).toBe(1);
    expect(added).toHaveLength(2_000);
    expect(subscriptions.list()).toHaveLength(2_001);
    expect((await openLibrary(folder)).subscriptions()).toHaveLength(2_001);
    expect(await subscriptions.addMany([{ url: 'https://feeds.example/1' }])).toEqual([]);
    expect(writes).toBe(1);
  });
});
