import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../preload/contract';
import { summariseImport } from '../../../renderer/import/importReport';
import { uiI18n } from './uiI18n';

let i18n: Awaited<ReturnType<typeof uiI18n>>;

beforeAll(async () => {
  i18n = await uiI18n();
});

const report = (added: number, unchanged: number, errors: Record<string, string> = {}): ImportReport => ({
  added,
  updated: 0,
  unchanged,
  files: [
    { name: 'digest.txt', added, updated: 0, unchanged, rejected: [] },
    ...Object.entries(errors).map(([name, error]) => ({
      name,
      added: 0,
      updated: 0,
      unchanged: 0,
      rejected: [],
      error,
    })),
  ],
});

describe('summariseImport', () => {
  it('says what was added and what was already there, with plurals', () => {
    expect(summariseImport(report(3, 7), i18n.t).message).toBe(
      'Added 3 bulletins; 7 were already in the library.',
    );
    expect(summariseImport(report(1, 1), i18n.t).message).toBe(
      'Added 1 bulletin; 1 was already in the library.',
    );
  });

  it('has a sentence for each lopsided case', () => {
    expect(summariseImport(report(10, 0), i18n.t).message).toBe('Added 10 bulletins.');
    expect(summariseImport(report(0, 4), i18n.t).message).toBe(
      'Nothing new: all 4 bulletins were already in the library.',
    );
    expect(summariseImport(report(0, 0), i18n.t).message).toBe(
      'No bulletins were found in the chosen files.',
    );
  });

  it('groups thousands', () => {
    expect(summariseImport(report(12500, 0), i18n.t).message).toBe('Added 12,500 bulletins.');
  });

  it('lists each refused file with its reason', () => {
    const summary = summariseImport(report(2, 0, { 'photo.jpg': 'This is not a bulletin file.' }), i18n.t);
    expect(summary.hasProblems).toBe(true);
    expect(summary.message).toBe('Added 2 bulletins. 1 file could not be imported:');
    expect(summary.problems).toEqual(['photo.jpg: This is not a bulletin file.']);
  });

  it('counts corrected bulletins and lists items left out of a file', () => {
    const summary = summariseImport(
      {
        added: 1,
        updated: 2,
        unchanged: 0,
        files: [
          {
            name: 'news.xml',
            added: 1,
            updated: 2,
            unchanged: 0,
            rejected: [{ item: 'item 3', reason: 'it has neither a title nor any text' }],
          },
        ],
      },
      i18n.t,
    );
    expect(summary.message).toBe(
      'Added 1 bulletin. 2 bulletins were updated with corrected versions. 1 item was left out.',
    );
    expect(summary.problems).toEqual([
      'news.xml, item 3: left out because it has neither a title nor any text',
    ]);
    expect(summary.hasProblems).toBe(true);
  });

  it('says how many feeds a subscription list names, and that none is followed yet', () => {
    const summary = summariseImport(
      {
        added: 0,
        updated: 0,
        unchanged: 0,
        files: [
          {
            name: 'office.opml',
            added: 0,
            updated: 0,
            unchanged: 0,
            rejected: [],
            feeds: [
              { url: 'https://a.example/feed' },
              { url: 'https://b.example/feed' },
              { url: 'https://c.example/feed' },
            ],
          },
        ],
      },
      i18n.t,
    );
    expect(summary.message).toBe('Subscription lists name 3 feeds: nothing is followed until you choose.');
  });

  it('accounts for every item: merged duplicates name the one kept, and a long list is cut with a count', () => {
    const summary = summariseImport(
      {
        added: 1,
        updated: 0,
        unchanged: 0,
        files: [
          {
            name: 'same-guid.xml',
            added: 1,
            updated: 0,
            unchanged: 0,
            merged: 9_999,
            duplicates: [{ kept: 'Story 1', merged: 9_999 }],
            rejected: Array.from({ length: 60 }, (_, i) => ({ item: `item ${i + 2}`, reason: 'it is bad' })),
          },
        ],
      },
      i18n.t,
    );
    expect(summary.message).toBe(
      'Added 1 bulletin. 9,999 items repeated others of their file and were merged into them (the first of each was kept). 60 items were left out.',
    );
    expect(summary.problems[0]).toBe(
      'same-guid.xml: 9,999 repeats of “Story 1” merged into it (the first was kept)',
    );
    expect(summary.problems).toHaveLength(51);
    expect(summary.problems.at(-1)).toBe('…and 11 more lines');
    expect(summary.hasProblems).toBe(true);
  });
});

describe("a colleague's share file in the report", () => {
  const shared = (share: NonNullable<ImportReport['files'][number]['share']>): ImportReport => ({
    added: 2,
    updated: 0,
    unchanged: 1,
    files: [{ name: 'Route.share.json', added: 2, updated: 0, unchanged: 1, rejected: [], share }],
  });
  const none = { offered: 0, added: 0, already: 0 };

  it('says who sent it and what its notes, collection and bookmarks did, not as a problem', () => {
    const summary = summariseImport(
      shared({
        sender: 'Ana',
        sentAt: '2026-12-01T09:00:00.000Z',
        notesNew: 1,
        notesBeside: 2,
        notesSame: 0,
        collection: { name: 'Darién route', created: true, added: 3, already: 0 },
        bookmarks: { offered: 2, added: 0, already: 0 },
      }),
      i18n.t,
    );
    expect(summary.message).toBe(
      'Added 2 bulletins; 1 was already in the library. From Ana: 1 new note; 2 notes kept beside yours; collection “Darién route” created with 3 bulletins; 2 of their bookmarks not taken.',
    );
    expect(summary.hasProblems).toBe(false);
  });

  it('a file imported again says nothing new', () => {
    const summary = summariseImport(
      shared({ sender: 'Ana', sentAt: '', notesNew: 0, notesBeside: 0, notesSame: 0, bookmarks: none }),
      i18n.t,
    );
    expect(summary.message).toContain('From Ana: nothing new in their notes or collection.');
  });

  it('counts every item main left out, though it lists only the first 50 of a file', () => {
    const rejected = Array.from({ length: 50 }, (_, at) => ({ item: `Item ${at + 1}`, reason: 'bad date' }));
    const summary = summariseImport(
      {
        added: 1,
        updated: 0,
        unchanged: 0,
        files: [{ name: 'feed.xml', added: 1, updated: 0, unchanged: 0, rejected, rejectedCount: 10_000 }],
      },
      i18n.t,
    );
    expect(summary.message).toContain('10,000 items were left out.');
    expect(summary.problems).toHaveLength(51);
    expect(summary.problems.at(-1)).toBe('…and 9,950 more lines');
  });
});
