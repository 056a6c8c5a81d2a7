import { gunzipSync } from 'node:zlib';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Low } from 'lowdb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { durableJsonFile, renameWithRetry } from '../../../main/store/durableJsonFile';
import type { StoreEvent } from '../../../main/store/events';
import { openLibrary } from '../../../main/store/library';
import { checkLibraryBackup, libraryBackupOf, writeLibraryBackup } from '../../../main/store/libraryBackup';
import { emptyState } from '../../../main/store/schema';
import { createWriteGuard } from '../../../main/store/writeGuard';
import { bulletin } from './storeFixtures';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bulletin-writes-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const failure = (code: string) => Object.assign(new Error(code), { code });

describe('renameWithRetry', () => {
  it('retries a rename another program blocks for a moment, then succeeds', async () => {
    const attempts: string[] = [];
    const flaky = async () => {
      attempts.push('try');
      if (attempts.length < 3) throw failure('EBUSY');
    };
    await renameWithRetry('a', 'b', flaky, [1, 1, 1, 1]);
    expect(attempts).toHaveLength(3);
  });

  it('gives up after its bounded retries, and at once on other errors', async () => {
    let tries = 0;
    const locked = async () => {
      tries++;
      throw failure('EPERM');
    };
    await expect(renameWithRetry('a', 'b', locked, [1, 1])).rejects.toMatchObject({ code: 'EPERM' });
    expect(tries).toBe(3);
    tries = 0;
    const missing = async () => {
      tries++;
      throw failure('ENOENT');
    };
    await expect(renameWithRetry('a', 'b', missing, [1, 1])).rejects.toMatchObject({ code: 'ENOENT' });
    expect(tries).toBe(1);
  });
});

describe('write guard', () => {
  /** A stand-in for a lowdb document whose disk fails while `refusing` is set. */
  function documentOnDisk(refusing: { code: string | null }) {
    const disk: { writes: number } = { writes: 0 };
    const db = {
      write: async () => {
        if (refusing.code) throw failure(refusing.code);
        disk.writes++;
      },
    } as unknown as Low<unknown>;
    return { db, disk };
  }

  it('a full or read-only disk is reported once, not thrown, and the write retried until it lands', async () => {
    const events: StoreEvent[] = [];
    const guard = createWriteGuard((event) => events.push(event), 5);
    const refusing = { code: 'ENOSPC' as string | null };
    const { db, disk } = documentOnDisk(refusing);
    await guard.persist('state.json', db);
    await guard.persist('state.json', db);
    expect(events).toEqual([{ type: 'write-failed', file: 'state.json', code: 'ENOSPC' }]);
    expect(guard.unsaved()).toEqual(['state.json']);

    refusing.code = null;
    await expect.poll(() => disk.writes).toBe(1);
    expect(events.at(-1)).toEqual({ type: 'write-resumed', file: 'state.json' });
    expect(guard.unsaved()).toEqual([]);
    guard.dispose();
  });

  it('an unexpected error is not swallowed', async () => {
    const guard = createWriteGuard(() => undefined, 5);
    const { db } = documentOnDisk({ code: 'EINVAL' });
    await expect(guard.persist('state.json', db)).rejects.toMatchObject({ code: 'EINVAL' });
    guard.dispose();
  });
});

describe('library backup', () => {
  it('back up → wipe → restore gives back every bulletin and mark', async () => {
    const library = await openLibrary(folder);
    await library.add([
      bulletin('a', '2020-11-12'),
      bulletin('b', '2020-10-13'),
      bulletin('c', '2021-01-02'),
    ]);
    await library.toggleBookmark('a');
    await library.setRead('b', true);
    await library.setNote('c', 'call the partner');
    const trip = await library.createCollection('Trip');
    await library.addToCollection(trip.id, ['a', 'c']);
    const before = library.snapshot();
    const file = join(folder, '..', `${folder.split('/').at(-1)}-backup.json`);
    await writeLibraryBackup(library, file);
    library.close();

    await rm(folder, { recursive: true, force: true });
    const fresh = await openLibrary(folder);
    await fresh.add([bulletin('z', '2019-05-05')]);
    const reading = checkLibraryBackup(await readFile(file));
    if (reading.kind !== 'backup') throw new Error(reading.kind);
    await fresh.restore(reading.backup);
    expect(fresh.snapshot().state).toEqual(before.state);
    expect(fresh.bulletins().map((entry) => entry.id)).toEqual(['c', 'a', 'b']);

    const reopened = await openLibrary(folder);
    expect(reopened.snapshot()).toEqual({ ...before, bulletins: expect.arrayContaining(before.bulletins) });
    expect(reopened.counts()).toMatchObject({ all: 3, unread: 2, bookmarks: 1 });
    expect(reopened.collections()).toEqual([{ ...trip, count: 2, unread: 2 }]);
    expect(reopened.note('c')).toBe('call the partner');
    // The month the backup lacked was rewritten empty and its previous content kept in backups/.
    const generations = join(folder, 'backups', 'bulletins', '2019-05');
    const [kept] = await readdir(generations); // the oldest: the copy of the import
    expect(JSON.parse(gunzipSync(await readFile(join(generations, kept ?? ''))).toString())).toMatchObject({
      bulletins: [{ id: 'z' }],
    });
    await rm(file, { force: true });
  });

  it('a damaged or foreign file is refused before anything is replaced', () => {
    const good = libraryBackupOf({
      state: emptyState(),
      bulletins: [bulletin('a', '2020-01-01')],
    });
    const check = (text: string) => checkLibraryBackup(Buffer.from(text));
    expect(check(JSON.stringify(good))).toMatchObject({ kind: 'backup' });
    expect(check(JSON.stringify(good).slice(0, 40))).toEqual({ kind: 'invalid', reason: 'not JSON' });
    expect(check(JSON.stringify({ ...good, format: 'other' }))).toMatchObject({ kind: 'invalid' });
    expect(check(JSON.stringify({ ...good, bulletins: [...good.bulletins, ...good.bulletins] }))).toEqual({
      kind: 'invalid',
      reason: 'duplicate bulletin ids',
    });
  });
});

describe('writing many files at once', () => {
  it('serialises each in a turn of the event loop of its own, so timers (and the window) run between them', async () => {
    // Issue 20: an import touching every month wrote them all at once, and their serialisations
    // ran back to back: main's thread was held for seconds.
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 0);
    const seen: number[] = [];
    const month = () => ({
      toJSON() {
        seen.push(ticks);
        // A month of a large archive takes milliseconds to serialise: the timer falls due meanwhile.
        const until = performance.now() + 2;
        while (performance.now() < until);
        return { bulletins: [] };
      },
    });
    try {
      await Promise.all(
        Array.from({ length: 12 }, (_, at) =>
          durableJsonFile(join(folder, `2020-${at}.json`)).write(month()),
        ),
      );
    } finally {
      clearInterval(ticker);
    }
    expect(seen).toHaveLength(12);
    for (let at = 1; at < seen.length; at++) expect(seen[at]).toBeGreaterThan(seen[at - 1] ?? Infinity);
    expect(JSON.parse(await readFile(join(folder, '2020-11.json'), 'utf8'))).toEqual({ bulletins: [] });
  });
});
