import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initI18n } from '../../../main/i18n';
import { describeStoreEvent } from '../../../main/notices/storeNotice';
import { openExportSettings } from '../../../main/export/exportSettings';
import type { RememberedOptions } from '../../../main/export/options';
import { openRecentSearches } from '../../../main/search/recentSearches';
import { createSearchIndex } from '../../../main/search/searchIndex';
import { foundIds } from './searchHelpers';
import type { StoreEvent } from '../../../main/store/events';
import { openLibrary, type Library } from '../../../main/store/library';
import { bulletin } from './storeFixtures';

/**
 * The damaged-file matrix (issue 20): after a session of imports, bookmarks, read marks, notes and
 * collections, each file of the library is deleted, cut to half or zero-filled, and the library is
 * opened as the app opens it. Nothing the user made may be missing, and the opening's events (what
 * the notice says) must say exactly what happened.
 */
let folder: string;
const opened: Library[] = [];
beforeAll(() => initI18n('en'));
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bulletin-damage-'));
});
afterEach(async () => {
  for (const library of opened.splice(0)) library.close();
  await rm(folder, { recursive: true, force: true });
});

const EXPORT_OPTIONS: RememberedOptions = {
  format: 'markdown',
  cover: false,
  tableOfContents: true,
  pageSize: 'Letter',
  landscape: true,
  includeLinks: false,
  includeNotes: true,
  newPagePerBulletin: false,
};

/** A day's work: two months imported (the newest twice), marks made before and after compactions. */
async function session(): Promise<string> {
  const library = await openLibrary(folder);
  await library.add([
    bulletin('o1', '2020-10-02'),
    bulletin('o2', '2020-10-09'),
    bulletin('n1', '2020-11-03'),
  ]);
  await library.toggleBookmark('o1');
  await library.flush(); // a quit: the first compaction
  const collection = await library.createCollection('Border'); // structural: a compaction
  await library.add([bulletin('n2', '2020-11-20')]); // the newest month written again
  await library.toggleBookmark('n1');
  await library.setRead('o2', true);
  await library.setNote('n1', 'Folded into state.json');
  await library.addToCollection(collection.id, ['o2']);
  await library.flush(); // a quit: the last compaction
  // Only in the journal (and its copy):
  await library.toggleBookmark('n2');
  await library.setNote('o1', 'Only in the journal');
  await library.setRead('n1', true);
  await library.addToCollection(collection.id, ['n2']);
  await library.removeFromCollection(collection.id, ['o2']);
  await library.addToCollection(collection.id, ['o2']);
  library.close();
  await openExportSettings(folder).save(EXPORT_OPTIONS);
  const recent = await openRecentSearches(join(folder, 'recent-searches.json'));
  await recent.remember('border crossing');
  await recent.remember('floods');
  return collection.id;
}

async function open(): Promise<Library> {
  const library = await openLibrary(folder);
  opened.push(library);
  return library;
}

/** Everything the session made is there. */
function expectEverything(library: Library, collection: string, { bulletins = true } = {}) {
  if (bulletins) expect(library.counts().all).toBe(4);
  expect(['o1', 'o2', 'n1', 'n2'].filter((id) => library.isBookmarked(id))).toEqual(['o1', 'n1', 'n2']);
  expect(['o1', 'o2', 'n1', 'n2'].filter((id) => library.isRead(id))).toEqual(['o2', 'n1']);
  expect(library.notes().sort()).toEqual([
    ['n1', 'Folded into state.json'],
    ['o1', 'Only in the journal'],
  ]);
  expect(library.collections().map((info) => info.name)).toEqual(['Border']);
  expect(Object.keys(library.snapshot().state.collections[0]?.items ?? {}).sort()).toEqual(['n2', 'o2']);
  expect(library.collectionsOf('o2')).toEqual([collection]);
}

const DAMAGE = {
  deleted: async (file: string) => rm(file),
  truncated: async (file: string) => {
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
  },
  'zero-filled': async (file: string) => writeFile(file, Buffer.alloc((await stat(file)).size)),
};
type Damage = keyof typeof DAMAGE;
const movedAside = (damage: Damage, file: string) =>
  damage === 'deleted' ? null : expect.stringMatching(new RegExp(`^${file.replace('.', '\\.')}\\.bad-`));

/** The newest copy of a file in backups/ (state.json's or a month's). */
async function newestCopy(generations: string): Promise<string> {
  const names = (await readdir(join(folder, 'backups', generations))).filter((name) => /Z\.json/.test(name));
  return join(folder, 'backups', generations, names.sort().at(-1) ?? '');
}

/** What the user reads: the whole notice, as text. */
const noticeOf = (events: readonly StoreEvent[]) =>
  events
    .map((event) => describeStoreEvent(event, (iso) => iso.slice(0, 10)))
    .flatMap((notice) => [notice?.message, ...(notice?.details ?? [])])
    .join(' ');

describe.each(Object.keys(DAMAGE) as Damage[])('a %s file', (damage) => {
  it('state.json: everything comes back from its copy and the journal, and the notice says so', async () => {
    const collection = await session();
    await DAMAGE[damage](join(folder, 'state.json'));
    const library = await open();
    expect(library.openingEvents).toEqual([
      {
        type: 'recovered',
        kind: 'state',
        file: 'state.json',
        movedTo: movedAside(damage, 'state.json'),
        backup: expect.any(String),
        restored: { bookmarks: 3, read: 2, notes: 2, collections: 1 },
        replayed: 6,
        complete: true,
        marksLost: false,
      },
    ]);
    expectEverything(library, collection);
    expect(noticeOf(library.openingEvents)).toMatch(
      /Everything was recovered.*3 bookmarks, 2 read marks, 2 notes and 1 collection/,
    );
    library.close();
    expect((await open()).openingEvents).toEqual([]);
  });

  it('the journal: its copy gives back every change, and the notice says so', async () => {
    const collection = await session();
    await DAMAGE[damage](join(folder, 'state.journal.jsonl'));
    const library = await open();
    expect(library.openingEvents).toEqual([
      {
        type: 'journal-recovered',
        file: 'state.journal.jsonl',
        movedTo: movedAside(damage, 'state.journal.jsonl'),
        kept: 6,
      },
    ]);
    expectEverything(library, collection);
    expect(noticeOf(library.openingEvents)).toMatch(/6 latest changes.*All of them were recovered/);
  });

  it.each([
    ['the newest month', '2020-11'],
    ['an older month', '2020-10'],
  ])('%s: restored whole from its copy, and the notice says so', async (_name, month) => {
    const collection = await session();
    await DAMAGE[damage](join(folder, 'bulletins', `${month}.json`));
    const library = await open();
    expect(library.openingEvents).toEqual([
      {
        type: 'recovered',
        kind: 'shard',
        file: `bulletins/${month}.json`,
        movedTo: movedAside(damage, `bulletins/${month}.json`),
        backup: expect.any(String),
        bulletins: 2,
        complete: true,
      },
    ]);
    expectEverything(library, collection);
    expect(noticeOf(library.openingEvents)).toMatch(new RegExp(`archive of ${month} .* restored whole`));
  });

  it('the settings files: their copies are read; the store has nothing to say', async () => {
    await session();
    await DAMAGE[damage](join(folder, 'export-settings.json'));
    await DAMAGE[damage](join(folder, 'recent-searches.json'));
    expect(await openExportSettings(folder).load()).toEqual(EXPORT_OPTIONS);
    expect((await openRecentSearches(join(folder, 'recent-searches.json'))).list()).toEqual([
      'floods',
      'border crossing',
    ]);
    expect((await open()).openingEvents).toEqual([]);
  });

  it('the saved search index: rebuilt from the archive, every bulletin found again', async () => {
    await session();
    const library = await open();
    const file = join(folder, 'search-index.json');
    const first = createSearchIndex({ file, bulletins: () => library.bulletins() });
    await first.ready;
    await first.flush();
    await DAMAGE[damage](file);
    const index = createSearchIndex({ file, bulletins: () => library.bulletins() });
    await index.ready;
    expect(index.status().state).toBe('ready');
    expect((await foundIds(index, library, 'title')).sort()).toEqual(['n1', 'n2', 'o1', 'o2']);
    // The rebuilt index saves itself: done before the folder is removed (it failed the cleanup).
    await index.flush();
  });
});

describe.each(['truncated', 'zero-filled'] as const)('a %s file and its newest copy', (damage) => {
  it('state.json: the copy before, with every journal since: every mark comes back; the notice says what may not', async () => {
    const collection = await session();
    await DAMAGE[damage](join(folder, 'state.json'));
    await DAMAGE[damage](await newestCopy('state'));
    const library = await open();
    expect(library.openingEvents).toMatchObject([
      {
        type: 'recovered',
        kind: 'state',
        restored: { bookmarks: 3, read: 2, notes: 2, collections: 1 },
        complete: false,
        marksLost: false,
      },
    ]);
    expectEverything(library, collection);
    expect(noticeOf(library.openingEvents)).toMatch(
      /and so was their newest copy.*Collections made, renamed or deleted, settings and subscriptions changed after \S+ may be missing/,
    );
  });

  it('the journal: the changes before the damage are kept and the notice says the rest is lost', async () => {
    await session();
    await DAMAGE[damage](join(folder, 'state.journal.jsonl'));
    await DAMAGE[damage](
      join(
        folder,
        'backups',
        'state',
        (await readdir(join(folder, 'backups', 'state')))
          .filter((name) => name.startsWith('journal-'))
          .sort((a, b) => parseInt(a.slice(8)) - parseInt(b.slice(8)))
          .at(-1) ?? '',
      ),
    );
    const library = await open();
    // What was folded into state.json is all there; what was only in the two journals is not.
    expect(library.isBookmarked('n1')).toBe(true);
    expect(library.note('n1')).toBe('Folded into state.json');
    // Both cut short is what a crash during an append can leave (the two are appended at once),
    // so only an unreadable journal is known to be damaged and said so.
    if (damage === 'truncated') expect(library.openingEvents).toEqual([]);
    else {
      expect(library.openingEvents).toEqual([
        { type: 'journal-damaged', file: 'state.journal.jsonl', movedTo: expect.any(String), kept: 0 },
      ]);
      expect(noticeOf(library.openingEvents)).toMatch(/damaged on disk, and so was their copy/);
    }
  });

  it('the newest month: the copy before is restored, and the notice says which bulletins to import again', async () => {
    const collection = await session();
    await DAMAGE[damage](join(folder, 'bulletins', '2020-11.json'));
    await DAMAGE[damage](await newestCopy('bulletins/2020-11'));
    const library = await open();
    expect(library.openingEvents).toMatchObject([
      { type: 'recovered', kind: 'shard', file: 'bulletins/2020-11.json', bulletins: 1, complete: false },
    ]);
    // The marks are all kept (on n2 too, which comes back when its bulletin is imported again).
    expectEverything(library, collection, { bulletins: false });
    expect(library.counts().all).toBe(3);
    expect(noticeOf(library.openingEvents)).toMatch(
      /archive of 2020-11 was damaged on disk, and so was its newest copy.*\(1 bulletin\): import again the bulletins of 2020-11 received after/,
    );
  });
});
