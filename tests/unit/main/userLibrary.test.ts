import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../../main/store/library';
import { bulletin } from './storeFixtures';

let folder: string;
let library: Library;
const ids = (list: ReadonlyArray<{ id: string }>) => list.map((entry) => entry.id);
const reopen = async () => {
  library.close();
  library = await openLibrary(folder);
};
const shardTimes = async () => {
  const shards = join(folder, 'bulletins');
  const names = (await readdir(shards)).sort();
  return Promise.all(names.map(async (name) => `${name}@${(await stat(join(shards, name))).mtimeMs}`));
};

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bulletin-user-library-'));
  library = await openLibrary(folder);
  await library.add([
    bulletin('a', '2020-11-12'),
    bulletin('b', '2020-10-13'),
    bulletin('c', '2020-09-01'),
    bulletin('d', '2020-08-01'),
  ]);
});
afterEach(async () => {
  library.close();
  await rm(folder, { recursive: true, force: true });
});

describe('collections', () => {
  it('are made, filled, counted, renamed and kept across a restart', async () => {
    const trip = await library.createCollection('  Trip   to Darién ');
    expect(trip).toMatchObject({ name: 'Trip to Darién', count: 0, unread: 0 });
    expect(await library.addToCollection(trip.id, ['c', 'a', 'a', 'missing'])).toBe(2);
    expect(await library.addToCollection(trip.id, ['a'])).toBe(0);
    await library.setRead('a', true);
    await library.renameCollection(trip.id, 'Darién');
    await reopen();
    expect(library.collections()).toEqual([{ ...trip, name: 'Darién', count: 2, unread: 1 }]);
    expect(library.counts().collections).toEqual(library.collections());
    expect(library.collectionsOf('a')).toEqual([trip.id]);
    expect(ids(library.bulletins(`collection:${trip.id}`))).toEqual(['a', 'c']);
  });

  it('lets a bulletin be in several, and removes it from one only', async () => {
    const one = await library.createCollection('One');
    const two = await library.createCollection('Two');
    await library.addToCollection(one.id, ['a', 'b']);
    await library.addToCollection(two.id, ['a']);
    expect(library.collectionsOf('a')).toEqual([one.id, two.id]);
    expect(await library.removeFromCollection(one.id, ['a', 'd'])).toBe(1);
    expect(library.collectionsOf('a')).toEqual([two.id]);
    expect(ids(library.bulletins(`collection:${one.id}`))).toEqual(['b']);
  });

  it('sorts a collection by when bulletins were added, or by publication', async () => {
    const trip = await library.createCollection('Trip');
    await library.addToCollection(trip.id, ['d']);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await library.addToCollection(trip.id, ['a']);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await library.addToCollection(trip.id, ['c']);
    expect(ids(library.bulletins(`collection:${trip.id}`, 'added'))).toEqual(['c', 'a', 'd']);
    expect(ids(library.bulletins(`collection:${trip.id}`, 'published'))).toEqual(['a', 'c', 'd']);
  });

  it('refuses an empty name and a name taken, whatever the case or accents', async () => {
    await library.createCollection('Bogotá');
    await expect(library.createCollection('   ')).rejects.toMatchObject({ reason: 'empty' });
    await expect(library.createCollection('bogota')).rejects.toMatchObject({ reason: 'taken' });
    const other = await library.createCollection('Lima');
    await expect(library.renameCollection(other.id, 'BOGOTÁ')).rejects.toMatchObject({ reason: 'taken' });
    expect(library.collections().map((collection) => collection.name)).toEqual(['Bogotá', 'Lima']);
  });

  it('is deleted whole and restored at its place with its bulletins', async () => {
    const first = await library.createCollection('First');
    const second = await library.createCollection('Second');
    await library.addToCollection(first.id, ['a', 'b']);
    const removed = await library.deleteCollection(first.id);
    expect(library.collections().map((collection) => collection.name)).toEqual(['Second']);
    expect(library.bulletins(`collection:${first.id}`)).toEqual([]);
    await library.restoreCollection(removed, 0);
    await reopen();
    expect(library.collections().map((collection) => [collection.name, collection.count])).toEqual([
      ['First', 2],
      ['Second', 0],
    ]);
    expect(second.id).not.toBe(first.id);
  });

  it('comes back under a free name when its own was given to another meanwhile', async () => {
    const partners = await library.createCollection('Partners');
    const removed = await library.deleteCollection(partners.id);
    await library.createCollection('partners');
    await library.restoreCollection(removed, 0);
    expect(library.collections().map((collection) => collection.name)).toEqual(['Partners 2', 'partners']);
  });

  it('adds 20,000 ids with one write of state.json and no shard written', async () => {
    const many = Array.from({ length: 20_000 }, (_, n) => bulletin(`m${n}`, '2019-05-01'));
    await library.add(many);
    const shardsBefore = await shardTimes();
    const trip = await library.createCollection('Everything');
    expect(await library.addToCollection(trip.id, ids(many))).toBe(20_000);
    const state = JSON.parse(await readFile(join(folder, 'state.json'), 'utf8')) as {
      collections: Array<{ items: Record<string, string> }>;
    };
    expect(Object.keys(state.collections[0]?.items ?? {})).toHaveLength(20_000);
    expect(await shardTimes()).toEqual(shardsBefore);
  });
});

describe('notes', () => {
  it('are saved as typed, listed, removed when blanked, and kept across a restart', async () => {
    await library.setNote('a', 'Call the  kiosk\nin Lima');
    await library.setNote('b', 'temporary');
    await library.setNote('b', '   ');
    await reopen();
    expect(library.note('a')).toBe('Call the  kiosk\nin Lima');
    expect(library.note('b')).toBeUndefined();
    expect(library.notes()).toEqual([['a', 'Call the  kiosk\nin Lima']]);
  });
});

describe('bookmarks', () => {
  it('sort by date bookmarked or by publication', async () => {
    await library.toggleBookmark('c');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await library.toggleBookmark('a');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await library.toggleBookmark('d');
    expect(ids(library.bulletins('bookmarks', 'added'))).toEqual(['d', 'a', 'c']);
    expect(ids(library.bulletins('bookmarks'))).toEqual(['a', 'c', 'd']);
  });
});

describe('deleting bulletins', () => {
  it('hides them everywhere with a tombstone, without rewriting a shard, until undone', async () => {
    await library.toggleBookmark('b');
    await library.setNote('b', 'met the partner');
    const trip = await library.createCollection('Trip');
    await library.addToCollection(trip.id, ['b', 'c']);
    const shardsBefore = await shardTimes();

    const { batch, count } = await library.deleteBulletins(['b', 'c', 'missing']);
    expect(count).toBe(2);
    expect(library.get('b')).toBeUndefined();
    expect(ids(library.bulletins())).toEqual(['a', 'd']);
    expect(ids(library.bulletins('unread'))).toEqual(['a', 'd']);
    expect(library.bulletins('bookmarks')).toEqual([]);
    expect(library.counts()).toMatchObject({ all: 2, unread: 2, bookmarks: 0 });
    expect(library.collections()[0]).toMatchObject({ count: 0, unread: 0 });
    expect(await shardTimes()).toEqual(shardsBefore);

    // Still deleted after a restart, and a re-import does not bring them back.
    await reopen();
    await library.add([bulletin('b', '2020-10-13')]);
    expect(library.get('b')).toBeUndefined();

    expect(await library.undoDelete(batch)).toBe(2);
    await reopen();
    expect(ids(library.bulletins())).toEqual(['a', 'b', 'c', 'd']);
    expect(library.isBookmarked('b')).toBe(true);
    expect(library.note('b')).toBe('met the partner');
    expect(library.collections()[0]).toMatchObject({ count: 2 });
  });

  it('undoes one delete and not another', async () => {
    const first = await library.deleteBulletins(['a']);
    await library.deleteBulletins(['b']);
    expect(await library.undoDelete(first.batch)).toBe(1);
    expect(ids(library.bulletins())).toEqual(['a', 'c', 'd']);
    expect(await library.undoDelete(first.batch)).toBe(0);
  });
});

describe('nothing the user made is dropped', () => {
  it('a changed re-import keeps the bookmark, note, collections and read mark', async () => {
    await library.toggleBookmark('a');
    await library.setNote('a', 'follow up');
    await library.setRead('a', true);
    const trip = await library.createCollection('Trip');
    await library.addToCollection(trip.id, ['a']);
    const corrected = { ...bulletin('a', '2020-11-12'), title: 'Corrected title', contentHash: 'changed' };
    expect((await library.add([corrected])).updated).toHaveLength(1);
    await reopen();
    expect(library.get('a')?.title).toBe('Corrected title');
    expect(library.isBookmarked('a')).toBe(true);
    expect(library.note('a')).toBe('follow up');
    expect(library.isRead('a')).toBe(true);
    expect(ids(library.bulletins(`collection:${trip.id}`))).toEqual(['a']);
  });

  it('a state.json from before collections and notes loads, with none of them', async () => {
    library.close();
    await writeFile(
      join(folder, 'state.json'),
      JSON.stringify({ schemaVersion: 1, bookmarks: { a: '2020-01-01T00:00:00.000Z' }, read: {} }),
    );
    library = await openLibrary(folder);
    expect(library.isBookmarked('a')).toBe(true);
    expect(library.collections()).toEqual([]);
    expect(library.notes()).toEqual([]);
    expect(library.counts().all).toBe(4);
  });
});
