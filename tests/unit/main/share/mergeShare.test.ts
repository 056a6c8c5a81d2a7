import { describe, expect, it } from 'vitest';
import { mergeNote, noteParts, planShareMerge, type ReceiverMarks } from '../../../../main/share/mergeShare';
import type { SharedMarks } from '../../../../main/share/shareFormat';

/** The merge rules of issue 19: every combination of present, absent and different. */

const header = (sender: string, date: string) => `— from ${sender}, ${date}:`;
const options = { takeBookmarks: false, noteHeader: header };
const at = '2026-12-01T10:00:00.000Z';

function receiver(marks: {
  notes?: Record<string, string>;
  collections?: Array<{ id: string; name: string; items: Record<string, string> }>;
  bookmarks?: string[];
  visible?: string[];
}): ReceiverMarks {
  const visible = new Set(marks.visible ?? ['a', 'b', 'c']);
  return {
    note: (id) => marks.notes?.[id],
    collections: marks.collections ?? [],
    isBookmarked: (id) => (marks.bookmarks ?? []).includes(id),
    isVisible: (id) => visible.has(id),
  };
}

function share(marks: Partial<Omit<SharedMarks, 'notes'>> & { notes?: Record<string, string> }): SharedMarks {
  return {
    sender: marks.sender ?? 'Ana',
    sentAt: at,
    ...(marks.collection !== undefined ? { collection: marks.collection } : {}),
    notes: new Map(Object.entries(marks.notes ?? {}).map(([id, text]) => [id, { text, updatedAt: at }])),
    bookmarks: marks.bookmarks ?? [],
  };
}

describe('notes', () => {
  it('absent on both sides: nothing planned', () => {
    const plan = planShareMerge(receiver({}), share({}), ['a'], options);
    expect(plan.notes.size).toBe(0);
    expect(plan.summary).toMatchObject({ notesNew: 0, notesBeside: 0, notesSame: 0 });
  });

  it("the sender's only: becomes the receiver's note, labelled with its author", () => {
    const plan = planShareMerge(receiver({}), share({ notes: { a: 'Route closed' } }), ['a'], options);
    expect(plan.notes.get('a')).toBe('— from Ana, 2026-12-01:\nRoute closed');
    expect(plan.summary.notesNew).toBe(1);
  });

  it("the receiver's only: left exactly as it is", () => {
    const plan = planShareMerge(receiver({ notes: { a: 'Mine' } }), share({}), ['a'], options);
    expect(plan.notes.size).toBe(0);
  });

  it('the same on both sides: not duplicated', () => {
    const plan = planShareMerge(
      receiver({ notes: { a: 'Same words' } }),
      share({ notes: { a: 'Same words' } }),
      ['a'],
      options,
    );
    expect(plan.notes.size).toBe(0);
    expect(plan.summary.notesSame).toBe(1);
  });

  it("different: the receiver's kept first, the sender's beside it under the sender's name", () => {
    const plan = planShareMerge(
      receiver({ notes: { a: 'Mine' } }),
      share({ notes: { a: 'Theirs' } }),
      ['a'],
      options,
    );
    expect(plan.notes.get('a')).toBe('Mine\n\n— from Ana, 2026-12-01:\nTheirs');
    expect(plan.summary.notesBeside).toBe(1);
  });

  it('merged once, merging the same note again changes nothing', () => {
    const once = mergeNote('Mine', 'Theirs', header('Ana', '2026-12-01'));
    expect(once).toBeDefined();
    expect(mergeNote(once, 'Theirs', header('Ana', '2026-12-01'))).toBeUndefined();
  });

  it("passed back: the receiver's own words that came round again are not added twice", () => {
    // Ben merged Ana's note, then shares it back to Ana: Ana gains Ben's words only.
    const bens = mergeNote('Ben here', 'Ana here', header('Ana', '2026-12-01')) as string;
    expect(mergeNote('Ana here', bens, header('Ben', '2026-12-02'))).toBe(
      'Ana here\n\n— from Ben, 2026-12-02:\nBen here',
    );
  });

  it('compares whole parts, not substrings', () => {
    expect(mergeNote('look', 'ok', header('Ana', '2026-12-01'))).toBe('look\n\n— from Ana, 2026-12-01:\nok');
  });

  it('a note on a bulletin the receiver does not have (rejected, or deleted) is not taken', () => {
    const plan = planShareMerge(
      receiver({ visible: ['a'] }),
      share({ notes: { z: 'Orphan' } }),
      ['a'],
      options,
    );
    expect(plan.notes.size).toBe(0);
  });

  it('a note or bookmark on a bulletin the file does not bring is ignored: a file writes only on what it shares', () => {
    const plan = planShareMerge(
      receiver({ notes: { b: 'Mine' } }),
      share({ notes: { b: 'Planted' }, bookmarks: ['b'] }),
      ['a'],
      { ...options, takeBookmarks: true },
    );
    expect(plan.notes.size).toBe(0);
    expect(plan.bookmarks).toEqual([]);
  });

  it('splits a note into its parts by header lines only', () => {
    expect(noteParts('own\n— from Ana, 2026-12-01:\nhers\n— not a header\n', 'me')).toEqual([
      { header: 'me', body: 'own' },
      { header: '— from Ana, 2026-12-01:', body: 'hers\n— not a header' },
    ]);
  });
});

describe('collections', () => {
  it('absent at the receiver: created with every shared bulletin', () => {
    const plan = planShareMerge(receiver({}), share({ collection: 'Darién route' }), ['a', 'b'], options);
    expect(plan.collection).toEqual({ name: 'Darién route', add: ['a', 'b'] });
    expect(plan.summary.collection).toEqual({ name: 'Darién route', created: true, added: 2, already: 0 });
  });

  it('present (case and accents aside): joined, gaining only what it lacks, keeping its own name', () => {
    const mine = { id: 'c1', name: 'darien ROUTE', items: { a: at, c: at } };
    const plan = planShareMerge(
      receiver({ collections: [mine] }),
      share({ collection: 'Darién route' }),
      ['a', 'b'],
      options,
    );
    expect(plan.collection).toEqual({ id: 'c1', name: 'darien ROUTE', add: ['b'] });
    expect(plan.summary.collection).toEqual({ name: 'darien ROUTE', created: false, added: 1, already: 1 });
  });

  it('present with every bulletin already: nothing to add', () => {
    const mine = { id: 'c1', name: 'Route', items: { a: at } };
    const plan = planShareMerge(
      receiver({ collections: [mine] }),
      share({ collection: 'Route' }),
      ['a'],
      options,
    );
    expect(plan.collection?.add).toEqual([]);
  });

  it('absent from the file (a selection, a search): no collection planned', () => {
    const plan = planShareMerge(receiver({}), share({}), ['a'], options);
    expect(plan.collection).toBeUndefined();
    expect(plan.summary.collection).toBeUndefined();
  });

  it('a blank name is no collection; a bulletin the receiver lacks is not added', () => {
    expect(
      planShareMerge(receiver({}), share({ collection: '   ' }), ['a'], options).collection,
    ).toBeUndefined();
    const plan = planShareMerge(
      receiver({ visible: ['a'] }),
      share({ collection: 'X' }),
      ['a', 'gone'],
      options,
    );
    expect(plan.collection?.add).toEqual(['a']);
  });
});

describe('bookmarks', () => {
  it('offered but not asked for: none taken, the offer counted', () => {
    const plan = planShareMerge(receiver({}), share({ bookmarks: ['a', 'b'] }), ['a', 'b'], options);
    expect(plan.bookmarks).toEqual([]);
    expect(plan.summary.bookmarks).toEqual({ offered: 2, added: 0, already: 0 });
  });

  it('asked for: added where absent, left where present', () => {
    const plan = planShareMerge(
      receiver({ bookmarks: ['a'] }),
      share({ bookmarks: ['a', 'b'] }),
      ['a', 'b'],
      {
        ...options,
        takeBookmarks: true,
      },
    );
    expect(plan.bookmarks).toEqual(['b']);
    expect(plan.summary.bookmarks).toEqual({ offered: 2, added: 1, already: 1 });
  });

  it("the receiver's own bookmarks are never removed by a share without them", () => {
    const plan = planShareMerge(receiver({ bookmarks: ['a'] }), share({}), ['a'], {
      ...options,
      takeBookmarks: true,
    });
    expect(plan.bookmarks).toEqual([]);
  });
});
