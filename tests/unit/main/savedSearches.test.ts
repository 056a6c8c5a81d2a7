import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SavedSearchQuery } from '../../../preload/contract';
import { savedSearchInfo } from '../../../main/search/savedSearchInfo';
import { createSearchIndex } from '../../../main/search/searchIndex';
import { openLibrary } from '../../../main/store/library';
import { libraryBackupOf } from '../../../main/store/libraryBackup';
import { SavedSearchNameError } from '../../../main/store/savedSearches';
import { JOURNAL_FILE } from '../../../main/store/stateJournal';
import type { SavedSearch } from '../../../main/store/schema';
import { CORPUS } from '../../fixtures/searchCorpus';
import { fakeLibrary, searcher } from './searchHelpers';
import { bulletin } from './storeFixtures';

const query = (text: string, extra: Partial<SavedSearchQuery> = {}): SavedSearchQuery => ({
  view: 'all',
  text,
  sort: 'relevance',
  facets: {},
  ...extra,
});

const corpusIndex = createSearchIndex();
await corpusIndex.add(CORPUS);

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bulletin-saved-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('saved searches in the store', () => {
  it('keeps the query, facets and order under a name, across a restart and in a backup', async () => {
    const library = await openLibrary(folder);
    const facets = { language: ['es'], year: ['2021'] };
    await library.saveSearch('  Darién   route ', query('darien', { sort: 'date', facets }));
    const reopened = await openLibrary(folder);
    const [saved] = reopened.savedSearches();
    expect(saved).toMatchObject({ name: 'Darién route', text: 'darien', sort: 'date', facets, view: 'all' });
    expect(libraryBackupOf(reopened.snapshot()).state.savedSearches).toEqual(reopened.savedSearches());
  });

  it('refuses an empty name, and one a saved search or a collection already has (case and accents aside)', async () => {
    const library = await openLibrary(folder);
    await library.createCollection('Border reports');
    await library.saveSearch('Darién', query('darien'));
    const refusal = (name: string) =>
      library.saveSearch(name, query('x')).then(
        () => null,
        (error: unknown) => (error instanceof SavedSearchNameError ? error.reason : error),
      );
    expect(await refusal('   ')).toBe('empty');
    expect(await refusal('darien')).toBe('taken');
    expect(await refusal('BORDER reports')).toBe('taken');
    expect(library.savedSearches()).toHaveLength(1);
  });

  it('renames, and a delete undone puts it back at its place, renamed if its name was taken meanwhile', async () => {
    const library = await openLibrary(folder);
    await library.saveSearch('One', query('one'));
    const two = await library.saveSearch('Two', query('two'));
    await library.saveSearch('Three', query('three'));
    await library.renameSavedSearch(two.id, 'Second');
    await expect(library.renameSavedSearch(two.id, 'one')).rejects.toBeInstanceOf(SavedSearchNameError);
    const removed = await library.deleteSavedSearch(two.id);
    expect(library.savedSearches().map((saved) => saved.name)).toEqual(['One', 'Three']);
    await library.saveSearch('second', query('other'));
    await library.restoreSavedSearch(removed.saved, removed.position);
    expect(library.savedSearches().map((saved) => saved.name)).toEqual([
      'One',
      'Second 2',
      'Three',
      'second',
    ]);
    const reopened = await openLibrary(folder);
    expect(reopened.savedSearches().map((saved) => saved.name)).toEqual([
      'One',
      'Second 2',
      'Three',
      'second',
    ]);
  });

  it('opening one is a line of the journal (state.json is not rewritten), and survives a restart', async () => {
    const library = await openLibrary(folder);
    const saved = await library.saveSearch('Darién', query('darien'));
    const stateBefore = await readFile(join(folder, 'state.json'), 'utf8');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const opened = await library.openSavedSearch(saved.id);
    expect(opened).toEqual(query('darien'));
    expect(await readFile(join(folder, 'state.json'), 'utf8')).toBe(stateBefore);
    expect(await readFile(join(folder, JOURNAL_FILE), 'utf8')).toContain('"searchOpened"');
    const openedAt = library.savedSearches()[0]?.openedAt ?? '';
    expect(openedAt > saved.openedAt).toBe(true);
    // No flush, no close: what a crash right after would leave.
    const reopened = await openLibrary(folder);
    expect(reopened.savedSearches()[0]?.openedAt).toBe(openedAt);
  });
});

describe('a saved search in the sidebar: its count and new matches', () => {
  it('counts its matches, and as new those imported after it was last opened', async () => {
    const library = await openLibrary(folder);
    await library.add([
      {
        ...bulletin('old', '2020-01-01'),
        title: 'Tapachula shelter',
        importedAt: '2026-01-01T00:00:00.000Z',
      },
      {
        ...bulletin('new', '2020-02-01'),
        title: 'Tapachula station',
        importedAt: '2026-03-01T00:00:00.000Z',
      },
      { ...bulletin('other', '2020-03-01'), title: 'Darién', importedAt: '2026-03-01T00:00:00.000Z' },
    ]);
    const index = createSearchIndex();
    await index.add(library.bulletins());
    const saved: SavedSearch = {
      ...(await library.saveSearch('Tapachula', query('tapachula'))),
      openedAt: '2026-02-01T00:00:00.000Z',
    };
    expect(await savedSearchInfo(saved, library, index, [])).toMatchObject({ count: 2, fresh: 1 });
    expect(
      await savedSearchInfo({ ...saved, openedAt: '2026-04-01T00:00:00.000Z' }, library, index, []),
    ).toMatchObject({ count: 2, fresh: 0 });
    await library.deleteBulletins(['new']);
    await index.remove(['new']);
    expect(await savedSearchInfo(saved, library, index, [])).toMatchObject({ count: 1, fresh: 0 });
  });
});

describe('in: finds a saved search by name', () => {
  const now = '2026-01-01T00:00:00.000Z';
  const savedSearch = (name: string, text: string): SavedSearch => ({
    id: name,
    name,
    ...query(text),
    createdAt: now,
    openedAt: now,
  });
  const saved = [
    savedSearch('Mexico route', 'country:mexico'),
    savedSearch('Loop', 'in:"loop" migrants'),
    savedSearch('Border reports', 'lang:fr'),
  ];
  const library = {
    ...fakeLibrary(CORPUS, [], [], { collections: { 'Border reports': ['darien', 'mexico'] } }),
    savedSearches: () => saved,
  };
  const search = searcher(corpusIndex, library);
  const ids = async (text: string) => (await search(text)).rows.map((row) => row.id).sort();

  it('narrows to what the saved search finds, case and accents aside', async () => {
    expect(await ids('in:"mexico route"')).toEqual(['guatemala', 'mexico']);
    expect(await ids('in:"México Route" Tapachula')).toEqual(['mexico']);
    expect((await search('in:"Mexico route"')).hints).toEqual([]);
  });

  it('a collection of the same name wins (one name, one meaning)', async () => {
    expect(await ids('in:"Border reports"')).toEqual(['darien', 'mexico']);
  });

  it('a saved search naming itself finds nothing, rather than searching forever', async () => {
    const result = await search('in:Loop');
    expect(result.rows).toEqual([]);
    expect(result.hints).toEqual([]);
  });
});
