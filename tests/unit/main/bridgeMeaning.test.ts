import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../main/i18n';
import { createChangeEvents } from '../../../main/ipc/changeEvents';
import { createSearchIndex } from '../../../main/search/searchIndex';
import { openLibrary } from '../../../main/store/library';
import { serveHandlers } from '../support/bridgeHandlers';
import { callBridge } from '../support/electronBridge';

/**
 * The bridge checks meaning, not only shape (issue 13, item 7): a note or a mark on a bulletin
 * that does not exist is refused with a sentence, and state.json does not grow; a text over its
 * limit is refused with one that names the limit.
 */
vi.mock('electron', () => import('../support/electronBridge').then(({ electron }) => electron));

let folder: string;
beforeAll(() => initI18n('en'));
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bulletin-bridge-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const call = (channel: string, ...args: unknown[]) => callBridge(channel, args);

describe('the bridge checks meaning', () => {
  it('refuses notes and marks on bulletins that do not exist, and state.json does not grow', async () => {
    const library = await openLibrary(folder);
    await library.add([
      {
        id: 'real',
        source: 'S',
        title: 'T',
        summary: 'x',
        published: '2020-11-12',
        language: 'en',
        countries: [],
        tags: [],
        importedAt: '2026-01-01T00:00:00.000Z',
        contentHash: 'h',
      },
    ]);
    const changes = createChangeEvents(
      () => library.counts(),
      () => undefined,
    );
    serveHandlers(library, createSearchIndex(), { changes });
    /** The state files (state.json and its journal) by size. */
    const stateFiles = async () =>
      Object.fromEntries(
        await Promise.all(
          (await readdir(folder))
            .filter((name) => name.startsWith('state'))
            .map(async (name) => [name, (await stat(join(folder, name))).size] as const),
        ),
      );
    const before = await stateFiles();
    for (let i = 0; i < 50; i++) {
      expect(await call('library:setNote', `made-up-${i}`, 'x'.repeat(50_000))).toEqual({
        ok: false,
        error: { code: 'not-found', message: 'This bulletin is no longer in the library.' },
      });
    }
    expect(await call('library:toggleBookmark', 'made-up')).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await call('library:markRead', 'made-up', true)).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    await library.flush();
    expect(await stateFiles()).toEqual(before);
    expect(library.snapshot().state.notes).toEqual({});
    expect(library.snapshot().state.bookmarks).toEqual({});

    expect(await call('library:setNote', 'real', 'Follow up')).toEqual({ ok: true, value: undefined });
    expect(library.note('real')).toBe('Follow up');
    expect(await call('library:setNote', 'real', 'x'.repeat(100_001))).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: 'This text is too long: at most 100,000 characters.' },
    });
  });
});
