import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../main/store/library';
import { bulletin } from './storeFixtures';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bulletin-recovery-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const GOOD_STATE = JSON.stringify({ schemaVersion: 1, bookmarks: {}, read: {} });
const DAMAGE: Record<string, (good: string) => string | Buffer> = {
  truncated: (good) => good.slice(0, Math.floor(good.length / 2)),
  'zero-length': () => '',
  'NUL-filled': (good) => Buffer.alloc(good.length),
  'invalid JSON': () => '{"schemaVersion": 1, bookmarks: }',
  'wrong shape': () => JSON.stringify({ schemaVersion: 1, bookmarks: ['a'], read: 3 }),
};

/** A library with a bookmark and two months, backed up by the writes that made it. */
async function libraryWithBackups() {
  const library = await openLibrary(folder);
  await library.add([bulletin('a', '2020-11-12'), bulletin('b', '2020-10-13')]);
  await library.add([bulletin('c', '2020-11-20')]); // the November shard is rewritten: its first version is backed up
  await library.toggleBookmark('a');
  await library.flush(); // a quit compacts state.json: the day's backup holds the bookmark of a
  await library.toggleBookmark('b');
  await library.flush();
  library.close();
}

describe.each(Object.entries(DAMAGE))('a %s file', (_damage, damage) => {
  it('state.json: is kept aside and the newest good backup restored', async () => {
    await libraryWithBackups();
    const state = join(folder, 'state.json');
    const damaged = damage(await readFile(state, 'utf8'));
    await writeFile(state, damaged);

    const library = await openLibrary(folder);
    const [event] = library.openingEvents;
    expect(event).toMatchObject({
      type: 'recovered',
      kind: 'state',
      file: 'state.json',
      complete: true,
      restored: { bookmarks: 2 },
    });
    expect(event?.type === 'recovered' && event.backup).toBeTruthy();
    expect(library.isBookmarked('a')).toBe(true);
    expect(library.isBookmarked('b')).toBe(true);
    expect(library.counts().all).toBe(3);
    const movedTo = (event?.type === 'recovered' && event.movedTo) || '';
    expect(await readFile(join(folder, movedTo))).toEqual(Buffer.from(damaged));
    // The restored copy is in place: the next start is clean.
    expect((await openLibrary(folder)).openingEvents).toEqual([]);
  });

  it('a shard: is kept aside and its copy restored whole', async () => {
    await libraryWithBackups();
    const shard = join(folder, 'bulletins', '2020-11.json');
    await writeFile(shard, damage(await readFile(shard, 'utf8')));

    const library = await openLibrary(folder);
    expect(library.openingEvents).toMatchObject([
      { type: 'recovered', kind: 'shard', file: 'bulletins/2020-11.json', bulletins: 2, complete: true },
    ]);
    // The copy is of the month as last written: the second import ('c') is there too.
    expect(library.bulletins().map((entry) => entry.id)).toEqual(['c', 'a', 'b']);
    expect(library.isBookmarked('a')).toBe(true);
    expect(
      (await readdir(join(folder, 'bulletins'))).some((name) => name.startsWith('2020-11.json.bad-')),
    ).toBe(true);
  });

  it('with no backup: is kept aside and the app starts without it', async () => {
    await writeFile(join(folder, 'state.json'), damage(GOOD_STATE));
    const library = await openLibrary(folder);
    expect(library.openingEvents).toMatchObject([
      { type: 'recovered', file: 'state.json', backup: null, complete: false },
    ]);
    expect(await library.toggleBookmark('x')).toBe(true);
  });
});

describe('a file from a newer version', () => {
  it('state.json: is left byte for byte as it was, changes stay in memory', async () => {
    const newer = JSON.stringify({ schemaVersion: 99, bookmarks: { a: 'x' }, read: {}, collections: [] });
    await writeFile(join(folder, 'state.json'), newer);
    const library = await openLibrary(folder);
    expect(library.openingEvents).toEqual([{ type: 'newer-version', file: 'state.json', version: 99 }]);
    expect(await library.toggleBookmark('b')).toBe(true);
    expect(library.isBookmarked('b')).toBe(true);
    expect(await readFile(join(folder, 'state.json'), 'utf8')).toBe(newer);
    expect(await readdir(folder)).toEqual(expect.not.arrayContaining([expect.stringMatching(/\.bad-/)]));
  });

  it('a shard: is left as it was and an import into its month is refused whole', async () => {
    await mkdir(join(folder, 'bulletins'), { recursive: true });
    const newer = JSON.stringify({ schemaVersion: 2, items: [] });
    await writeFile(join(folder, 'bulletins', '2020-11.json'), newer);
    const library = await openLibrary(folder);
    expect(library.openingEvents).toEqual([
      { type: 'newer-version', file: 'bulletins/2020-11.json', version: 2 },
    ]);
    await expect(
      library.add([bulletin('a', '2020-11-01'), bulletin('b', '2020-12-01')]),
    ).rejects.toMatchObject({
      code: 'READ_ONLY',
    });
    expect(library.counts().all).toBe(0);
    expect(await readFile(join(folder, 'bulletins', '2020-11.json'), 'utf8')).toBe(newer);
  });
});

describe('an older file', () => {
  it('is migrated on load, its old form kept in backups/', async () => {
    const v0 = JSON.stringify({ bookmarks: { a: '2020-01-01T00:00:00.000Z' }, read: {} });
    await writeFile(join(folder, 'state.json'), v0);
    const library = await openLibrary(folder);
    expect(library.openingEvents).toEqual([{ type: 'migrated', file: 'state.json', from: 0, to: 1 }]);
    expect(library.isBookmarked('a')).toBe(true);
    expect(JSON.parse(await readFile(join(folder, 'state.json'), 'utf8'))).toMatchObject({
      schemaVersion: 1,
    });
    const [copy] = await readdir(join(folder, 'backups', 'state'));
    expect(await readFile(join(folder, 'backups', 'state', copy ?? ''), 'utf8')).toBe(v0);
  });
});

describe('backups', () => {
  it("keeps state.json's last 5 compactions and journals, and each month's last 2 writes, compressed", async () => {
    const library = await openLibrary(folder);
    for (let n = 0; n < 4; n++) await library.add([bulletin(`n${n}`, '2020-11-01')]);
    for (let n = 0; n < 8; n++) {
      await library.toggleBookmark(`n${n % 2}`);
      await library.flush(); // each compaction keeps a copy
    }
    const months = await readdir(join(folder, 'backups', 'bulletins', '2020-11'));
    expect(months).toHaveLength(2);
    expect(months.every((name) => name.endsWith('.json.gz'))).toBe(true);
    const state = await readdir(join(folder, 'backups', 'state'));
    expect(state.filter((name) => name.endsWith('Z.json'))).toHaveLength(5);
    expect(state.filter((name) => name.startsWith('journal-'))).toHaveLength(5);
  });

  it('removes temporary files a crash left behind', async () => {
    await mkdir(join(folder, 'bulletins'), { recursive: true });
    await writeFile(join(folder, 'state.json.123.tmp'), '{"half');
    await openLibrary(folder);
    expect(await readdir(folder)).not.toContain('state.json.123.tmp');
  });
});
