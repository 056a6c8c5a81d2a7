import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initI18n } from '../../../../main/i18n';
import { createImportRunner } from '../../../../main/importers/importRunner';
import { createSearchIndex } from '../../../../main/search/searchIndex';
import { openLibrary, type Library } from '../../../../main/store/library';
import { BadFeedAddress, createSubscriptions } from '../../../../main/sync/subscriptions';
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

function setUp(library: Library, online = { value: true }, maxBytes?: () => number) {
  const runner = createImportRunner(library, createSearchIndex(), { progress: () => {}, changed: () => {} });
  return createSubscriptions({
    store: library,
    fetch,
    userAgent: 'BulletinReader/test',
    importFeed: async (source) => (await runner.run([source])).files[0],
    isOnline: () => online.value,
    timeoutMs: 1_000,
    ...(maxBytes ? { maxBytes } : {}),
  });
}

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
    await subscriptions.add(`${server.base}/feed`);
    await subscriptions.add(`${server.base}/feed`);
    expect(subscriptions.list()).toHaveLength(1);
  });
});
