import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { durableJsonFile } from '../../../main/store/durableJsonFile';
import { openLibrary } from '../../../main/store/library';
import { bulletin } from './storeFixtures';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bulletin-library-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('durableJsonFile', () => {
  it('reads back what it wrote and reads a missing file as null', async () => {
    const file = durableJsonFile<{ n: number }>(join(folder, 'x.json'));
    expect(await file.read()).toBeNull();
    await file.write({ n: 1 });
    expect(await file.read()).toEqual({ n: 1 });
  });

  it('coalesces a burst of writes and keeps the last one', async () => {
    const file = durableJsonFile<{ n: number }>(join(folder, 'x.json'));
    await Promise.all(Array.from({ length: 50 }, (_, n) => file.write({ n })));
    expect(await file.read()).toEqual({ n: 49 });
    expect((await readdir(folder)).filter((name) => name.includes('.tmp'))).toEqual([]);
  });
});

describe('library', () => {
  it('stores bulletins in monthly shards and adds each id once', async () => {
    const library = await openLibrary(folder);
    const first = await library.add([bulletin('a', '2020-11-12'), bulletin('b', '2020-10-13')]);
    expect(first.added.map((entry) => entry.id)).toEqual(['a', 'b']);
    const again = await library.add([bulletin('a', '2020-11-12')]);
    expect(again).toEqual({ added: [], updated: [], unchanged: 1 });
    expect((await readdir(join(folder, 'bulletins'))).sort()).toEqual(['2020-10.json', '2020-11.json']);
  });

  it('lists every bulletin newest first after imports whose commits overlap, across many months', async () => {
    const library = await openLibrary(folder);
    const day = (n: number) => new Date(Date.UTC(2019, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
    // Three imports, each into every month of three years, committed at once (as an import and a
    // delete's undo can be): each commit sorts its months again in slices, one after the other.
    const batches = [0, 1, 2].map((batch) =>
      Array.from({ length: 120 }, (_, at) => bulletin(`b${batch}-${at}`, day(at * 9 + batch * 3))),
    );
    await Promise.all(batches.map((batch) => library.add(batch)));
    const expected = batches
      .flat()
      .sort((a, b) => (a.published < b.published ? 1 : -1))
      .map((entry) => entry.id);
    expect(library.bulletins().map((entry) => entry.id)).toEqual(expected);
    const reopened = await openLibrary(folder);
    expect(reopened.bulletins().map((entry) => entry.id)).toEqual(expected);
  });

  it('replaces a changed bulletin in place, across months, keeping its marks and first import date', async () => {
    const library = await openLibrary(folder);
    await library.add([bulletin('a', '2020-11-12')]);
    await library.toggleBookmark('a');
    await library.setRead('a', true);
    const corrected = {
      ...bulletin('a', '2020-12-01'),
      title: 'Corrected',
      contentHash: 'a2',
      importedAt: 'later',
    };
    const result = await library.add([corrected]);
    expect(result.updated.map((entry) => entry.title)).toEqual(['Corrected']);
    expect(result.added).toEqual([]);
    expect(library.get('a')?.title).toBe('Corrected');
    expect(library.get('a')?.importedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(library.isBookmarked('a') && library.isRead('a')).toBe(true);
    const reopened = await openLibrary(folder);
    expect(reopened.bulletins().map((entry) => [entry.id, entry.published])).toEqual([['a', '2020-12-01']]);
  });

  it('lists newest first and filters the unread and bookmarks views', async () => {
    const library = await openLibrary(folder);
    await library.add([bulletin('old', '2019-01-01'), bulletin('new', '2021-01-01')]);
    await library.toggleBookmark('old');
    await library.setRead('new', true);
    expect(library.bulletins().map((entry) => entry.id)).toEqual(['new', 'old']);
    expect(library.bulletins('bookmarks').map((entry) => entry.id)).toEqual(['old']);
    expect(library.bulletins('unread').map((entry) => entry.id)).toEqual(['old']);
    expect(library.counts()).toEqual({ all: 2, unread: 1, bookmarks: 1, collections: [] });
  });

  it('keeps bookmarks and read marks across a restart, writing only state.json', async () => {
    const library = await openLibrary(folder);
    await library.add([bulletin('a', '2020-11-12')]);
    const shardBefore = await readFile(join(folder, 'bulletins', '2020-11.json'), 'utf8');
    expect(await library.toggleBookmark('a')).toBe(true);
    await library.setRead('a', true);
    expect(await readFile(join(folder, 'bulletins', '2020-11.json'), 'utf8')).toBe(shardBefore);

    const reopened = await openLibrary(folder);
    expect(reopened.isBookmarked('a')).toBe(true);
    expect(reopened.isRead('a')).toBe(true);
    expect(await reopened.toggleBookmark('a')).toBe(false);
  });

  it('moves an unreadable file aside instead of losing or overwriting it', async () => {
    await writeFile(join(folder, 'state.json'), '{"schemaVersion":1,"bookm');
    const library = await openLibrary(folder);
    const [event] = library.openingEvents;
    expect(event).toMatchObject({ type: 'recovered', file: 'state.json', backup: null });
    const movedTo = (event?.type === 'recovered' && event.movedTo) || '';
    expect(await readFile(join(folder, movedTo), 'utf8')).toBe('{"schemaVersion":1,"bookm');
    expect(library.counts()).toEqual({ all: 0, unread: 0, bookmarks: 0, collections: [] });
  });
});
