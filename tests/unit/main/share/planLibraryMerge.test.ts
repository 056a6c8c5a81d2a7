import { describe, expect, it } from 'vitest';
import {
  MAX_MERGED_NAMED,
  planLibraryMerge,
  planLibraryMergeInSlices,
  type ColleagueMarks,
  type MergeReceiver,
} from '../../../../main/share/planLibraryMerge';
import { emptyState, type SavedSearch, type State } from '../../../../main/store/schema';
import { bulletin } from '../storeFixtures';

/**
 * File › Merge a Colleague's Library…, its rules as a pure plan: every combination of present,
 * absent, deleted and different for bulletins, notes, collections, bookmarks and saved searches.
 */

const now = '2026-12-06T10:00:00.000Z';
const noteDate = '2026-11-30T08:00:00.000Z';
let ids = 0;
const options = {
  noteHeader: (sender: string, date: string) => `— from ${sender}, ${date}:`,
  newId: () => `new-${++ids}`,
  now,
};

interface Mine {
  visible?: string[];
  deleted?: string[];
  notes?: Record<string, string>;
  bookmarks?: string[];
  collections?: Array<{ id: string; name: string; items: string[] }>;
  savedSearches?: SavedSearch[];
}

function receiver(mine: Mine): MergeReceiver {
  const visible = new Set(mine.visible ?? []);
  const deleted = new Set(mine.deleted ?? []);
  return {
    presence: (id) => (visible.has(id) ? 'visible' : deleted.has(id) ? 'deleted' : 'absent'),
    note: (id) => mine.notes?.[id],
    isBookmarked: (id) => (mine.bookmarks ?? []).includes(id),
    collections: (mine.collections ?? []).map(({ id, name, items }) => ({
      id,
      name,
      items: Object.fromEntries(items.map((item) => [item, now])),
    })),
    savedSearches: mine.savedSearches ?? [],
  };
}

function colleague(
  bulletins: string[],
  theirs: {
    notes?: Record<string, string>;
    bookmarks?: string[];
    collections?: Array<{ id: string; name: string; items: string[] }>;
    deleted?: string[];
    savedSearches?: SavedSearch[];
  } = {},
): ColleagueMarks {
  const state: State = {
    ...emptyState(),
    notes: Object.fromEntries(
      Object.entries(theirs.notes ?? {}).map(([id, text]) => [id, { text, updatedAt: noteDate }]),
    ),
    bookmarks: Object.fromEntries((theirs.bookmarks ?? []).map((id) => [id, noteDate])),
    collections: (theirs.collections ?? []).map(({ id, name, items }) => ({
      id,
      name,
      createdAt: noteDate,
      items: Object.fromEntries(items.map((item) => [item, noteDate])),
    })),
    deleted: Object.fromEntries((theirs.deleted ?? []).map((id) => [id, { at: noteDate, batch: 'b' }])),
    savedSearches: theirs.savedSearches ?? [],
  };
  return { sender: 'Ana', bulletins: bulletins.map((id) => bulletin(id, '2026-11-01')), state };
}

const search = (id: string, name: string, text: string, view: SavedSearch['view'] = 'all'): SavedSearch => ({
  id,
  name,
  view,
  text,
  sort: 'relevance',
  facets: {},
  createdAt: noteDate,
  openedAt: noteDate,
});

describe('bulletins: the same id is the same bulletin', () => {
  it('absent here: added; here: already; deleted here: left deleted; deleted there: not brought', () => {
    const plan = planLibraryMerge(
      receiver({ visible: ['here'], deleted: ['mine-deleted'] }),
      colleague(['new', 'here', 'mine-deleted', 'theirs-deleted'], { deleted: ['theirs-deleted'] }),
      options,
    );
    expect(plan.bulletins.add.map((added) => added.id)).toEqual(['new']);
    expect(plan.bulletins).toMatchObject({ already: 1, alreadyDeleted: 1, deletedByColleague: 1 });
  });
});

describe('notes: never overwritten, the colleague’s marked with their name', () => {
  it('theirs only, on a bulletin here: becomes a note under their name; the undo knows there was none', () => {
    const plan = planLibraryMerge(
      receiver({ visible: ['a'] }),
      colleague(['a'], { notes: { a: 'Route closed' } }),
      options,
    );
    expect(plan.notes).toEqual([{ id: 'a', after: '— from Ana, 2026-11-30:\nRoute closed' }]);
    expect(plan.notesSummary).toMatchObject({ added: 1, beside: 0, same: 0 });
  });

  it('theirs on a bulletin the merge brings: kept with it', () => {
    const plan = planLibraryMerge(
      receiver({}),
      colleague(['n'], { notes: { n: 'Seen at the border' } }),
      options,
    );
    expect(plan.notes.map((note) => note.id)).toEqual(['n']);
  });

  it('mine only: untouched', () => {
    const plan = planLibraryMerge(
      receiver({ visible: ['a'], notes: { a: 'Mine' } }),
      colleague(['a']),
      options,
    );
    expect(plan.notes).toEqual([]);
  });

  it('both, different: mine first and whole, theirs beside it under their name; mine kept for the undo', () => {
    const plan = planLibraryMerge(
      receiver({ visible: ['a'], notes: { a: 'My own words' } }),
      colleague(['a'], { notes: { a: 'Their words' } }),
      options,
    );
    expect(plan.notes).toEqual([
      { id: 'a', before: 'My own words', after: 'My own words\n\n— from Ana, 2026-11-30:\nTheir words' },
    ]);
    expect(plan.notesSummary.beside).toBe(1);
  });

  it('both, the same: nothing planned, counted as already there', () => {
    const plan = planLibraryMerge(
      receiver({ visible: ['a'], notes: { a: 'Same words' } }),
      colleague(['a'], { notes: { a: 'Same words' } }),
      options,
    );
    expect(plan.notes).toEqual([]);
    expect(plan.notesSummary.same).toBe(1);
  });

  it('on a bulletin deleted here, or one neither library shows: left out, counted', () => {
    const plan = planLibraryMerge(
      receiver({ deleted: ['gone'] }),
      colleague(['gone'], { notes: { gone: 'A note', elsewhere: 'Another' } }),
      options,
    );
    expect(plan.notes).toEqual([]);
    expect(plan.notesSummary.leftOut).toBe(2);
  });
});

describe('collections: one of the same name is joined, else created', () => {
  it('absent here: created with the members either library shows', () => {
    const plan = planLibraryMerge(
      receiver({ visible: ['a'] }),
      colleague(['b', 'gone'], {
        collections: [{ id: 'c1', name: 'Darién route', items: ['a', 'b', 'nowhere'] }],
        deleted: ['gone'],
      }),
      options,
    );
    expect(plan.collections).toEqual([
      {
        id: expect.stringMatching(/^new-/),
        name: 'Darién route',
        created: true,
        add: ['a', 'b'],
        already: 0,
      },
    ]);
  });

  it('the same name, case and accents aside: mine joined under my name, members I have counted', () => {
    const plan = planLibraryMerge(
      receiver({ visible: ['a', 'b'], collections: [{ id: 'mine', name: 'Darién Route', items: ['a'] }] }),
      colleague([], { collections: [{ id: 'c1', name: 'darien route', items: ['a', 'b'] }] }),
      options,
    );
    expect(plan.collections).toEqual([
      { id: 'mine', name: 'Darién Route', created: false, add: ['b'], already: 1 },
    ]);
  });

  it('a name one of my saved searches has: created under a free name (names are one namespace)', () => {
    const plan = planLibraryMerge(
      receiver({ savedSearches: [search('s', 'Panama', 'panama')] }),
      colleague([], { collections: [{ id: 'c1', name: 'Panama', items: [] }] }),
      options,
    );
    expect(plan.collections[0]).toMatchObject({ name: 'Panama 2', created: true });
  });

  it('two of theirs of one name land in one collection, each member once', () => {
    const plan = planLibraryMerge(
      receiver({ visible: ['a', 'b'] }),
      colleague([], {
        collections: [
          { id: 'c1', name: 'Route', items: ['a'] },
          { id: 'c2', name: 'ROUTE', items: ['a', 'b'] },
        ],
      }),
      options,
    );
    expect(plan.collections).toHaveLength(1);
    expect(plan.collections[0]).toMatchObject({ add: ['a', 'b'], already: 1 });
  });
});

describe('bookmarks: offered, taken only if the user says so', () => {
  it('theirs I lack are offered; theirs I have are counted; none on bulletins not shown', () => {
    const plan = planLibraryMerge(
      receiver({ visible: ['a', 'b'], bookmarks: ['a'], deleted: ['d'] }),
      colleague(['n', 'd'], { bookmarks: ['a', 'b', 'n', 'd', 'nowhere'] }),
      options,
    );
    expect(plan.bookmarks).toEqual({ offered: ['b', 'n'], already: 1 });
  });
});

describe('saved searches', () => {
  it('absent here: added, opened as of the merge (no "new matches" for what was already there)', () => {
    const plan = planLibraryMerge(
      receiver({}),
      colleague([], { savedSearches: [search('s1', 'Tapachula', 'tapachula')] }),
      options,
    );
    expect(plan.savedSearches.add).toEqual([
      expect.objectContaining({ name: 'Tapachula', text: 'tapachula', createdAt: now, openedAt: now }),
    ]);
  });

  it('the same name and query: already mine; the same name, another query: added under a free name', () => {
    const plan = planLibraryMerge(
      receiver({ savedSearches: [search('m1', 'Tapachula', 'tapachula'), search('m2', 'Darién', 'darien')] }),
      colleague([], {
        savedSearches: [search('s1', 'tapachula', 'tapachula'), search('s2', 'Darién', 'darien lang:es')],
      }),
      options,
    );
    expect(plan.savedSearches).toMatchObject({ same: 1, renamed: 1 });
    expect(plan.savedSearches.add.map((saved) => saved.name)).toEqual(['Darién 2']);
  });

  it('searching one of their collections: searches the collection it landed in; a missing one is left out', () => {
    const plan = planLibraryMerge(
      receiver({ collections: [{ id: 'mine', name: 'Route', items: [] }] }),
      colleague([], {
        collections: [{ id: 'c1', name: 'route', items: [] }],
        savedSearches: [
          search('s1', 'On the route', 'closed', 'collection:c1'),
          search('s2', 'Lost', 'x', 'collection:c9'),
        ],
      }),
      options,
    );
    expect(plan.savedSearches.add.map((saved) => saved.view)).toEqual(['collection:mine']);
    expect(plan.savedSearches.leftOut).toBe(1);
  });
});

it('a second merge of the same library plans nothing', () => {
  const theirs = colleague(['a'], {
    notes: { a: 'Their words' },
    collections: [{ id: 'c1', name: 'Route', items: ['a'] }],
    savedSearches: [search('s1', 'Route search', 'route')],
  });
  const first = planLibraryMerge(receiver({}), theirs, options);
  const afterFirst = receiver({
    visible: ['a'],
    notes: Object.fromEntries(first.notes.map((note) => [note.id, note.after])),
    collections: first.collections.map(({ id, name, add }) => ({ id, name, items: add })),
    savedSearches: first.savedSearches.add,
  });
  const second = planLibraryMerge(afterFirst, theirs, options);
  expect(second.bulletins.add).toEqual([]);
  expect(second.notes).toEqual([]);
  expect(second.collections).toEqual([expect.objectContaining({ created: false, add: [], already: 1 })]);
  expect(second.savedSearches.add).toEqual([]);
});

describe('a large or hostile library', () => {
  it('is planned in slices: main’s event loop keeps its turns', async () => {
    const many = Array.from({ length: 20_000 }, (_, n) => `b${n}`);
    const theirs = colleague(many, {
      notes: Object.fromEntries(many.map((id) => [id, `Note on ${id}`])),
      collections: [{ id: 'c', name: 'All', items: many }],
    });
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    const plan = await planLibraryMergeInSlices(receiver({}), theirs, options, 1);
    clearInterval(ticker);
    expect(plan.bulletins.add).toHaveLength(20_000);
    expect(turns).toBeGreaterThan(0);
  });

  it('takes at most MAX_MERGED_NAMED collections and saved searches; the rest are counted as left out', () => {
    const theirs = colleague([], {
      collections: Array.from({ length: MAX_MERGED_NAMED + 5 }, (_, n) => ({
        id: `c${n}`,
        name: `C ${n}`,
        items: [],
      })),
      savedSearches: Array.from({ length: MAX_MERGED_NAMED + 3 }, (_, n) => search(`s${n}`, `S ${n}`, 'x')),
    });
    const plan = planLibraryMerge(receiver({}), theirs, options);
    expect(plan.collections).toHaveLength(MAX_MERGED_NAMED);
    expect(plan.collectionsLeftOut).toBe(5);
    expect(plan.savedSearches.add).toHaveLength(MAX_MERGED_NAMED);
    expect(plan.savedSearches.leftOut).toBe(3);
  });
});
