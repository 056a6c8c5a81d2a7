import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../main/i18n';
import { createSearchIndex } from '../../../main/search/searchIndex';
import { openLibrary } from '../../../main/store/library';
import { serveHandlers } from '../support/bridgeHandlers';
import { appWindow, callBridge } from '../support/electronBridge';
import { generateBulletins } from '../../bench/generateArchive';

/**
 * Through the bridge (issue 20): a window's search replaced by its next one is answered
 * `superseded` (the window drops it), the newer one is answered, and another window's search is not
 * touched. The window already drops answers to replaced searches; main stops working on them.
 */
vi.mock('electron', () => import('../support/electronBridge').then(({ electron }) => electron));

let folder: string;
beforeAll(async () => {
  await initI18n('en');
  folder = await mkdtemp(join(tmpdir(), 'bulletin-superseded-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** A call from a window of the app, by its contents' id. */
const call = (id: number, channel: string, ...args: unknown[]) => callBridge(channel, args, appWindow(id));

describe("a window's replaced search", () => {
  it('is answered superseded; the newer one and another window’s are answered', async () => {
    const library = await openLibrary(folder);
    const archive = generateBulletins(3000, 5);
    await library.add(archive);
    const index = createSearchIndex();
    await index.add(archive);
    serveHandlers(library, index, { recent: { list: () => [] } as never });
    const request = { view: 'all', text: 'migration', limit: 200 };

    const older = call(1, 'bulletins:search', request);
    const otherWindow = call(2, 'bulletins:search', request);
    const newer = call(1, 'bulletins:search', { ...request, text: 'migration border' });
    const [first, second, third] = await Promise.all([older, otherWindow, newer]);
    expect(first).toMatchObject({ ok: false, error: { code: 'superseded' } });
    expect(second).toMatchObject({ ok: true });
    expect(third).toMatchObject({ ok: true });
    library.close();
  });
});
