import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../../main/i18n';
import { describeStoreEvent } from '../../../main/notices/storeNotice';
import type { StoreEvent } from '../../../main/store/events';

const date = (iso: string) => `on ${iso.slice(0, 10)}`;
beforeAll(() => initI18n('en'));

describe('what the user reads about the store', () => {
  it('says what was damaged, what was restored and where the damaged file is', () => {
    const notice = describeStoreEvent(
      {
        type: 'recovered',
        kind: 'shard',
        file: 'bulletins/2020-11.json',
        movedTo: 'bulletins/2020-11.json.bad-x',
        backup: '2026-11-27T10:00:00.000Z',
        bulletins: 412,
        complete: true,
      },
      date,
    );
    expect(notice).toEqual({
      kind: 'info',
      message: expect.stringMatching(
        /archive of 2020-11 was damaged.*restored whole.*on 2026-11-27.*412 bulletins/,
      ),
      details: [expect.stringContaining('bulletins/2020-11.json.bad-x')],
    });
  });

  it('names every kind of thing the user made that came back, and never calls notes lost when they are not', () => {
    const restored = { bookmarks: 8, read: 1, notes: 2, collections: 1 };
    const whole = describeStoreEvent(
      {
        type: 'recovered',
        kind: 'state',
        file: 'state.json',
        movedTo: 'state.json.bad-x',
        backup: '2026-11-27T10:00:00.000Z',
        restored,
        replayed: 3,
        complete: true,
        marksLost: false,
      },
      date,
    );
    expect(whole?.message).toMatch(
      /bookmarks, read marks, notes and collections were damaged.*Everything was recovered/,
    );
    expect(whole?.details).toEqual([
      'Your library now holds 8 bookmarks, 1 read mark, 2 notes and 1 collection.',
      expect.stringContaining('state.json.bad-x'),
    ]);
    const partial = describeStoreEvent(
      {
        type: 'recovered',
        kind: 'state',
        file: 'state.json',
        movedTo: null,
        backup: '2026-11-26T10:00:00.000Z',
        restored,
        replayed: 0,
        complete: false,
        marksLost: true,
      },
      date,
    );
    expect(partial?.message).toMatch(
      /were missing on disk, and their newest copy was damaged.*on 2026-11-26/,
    );
    expect(partial?.details.join(' ')).toMatch(
      /Collections made, renamed or deleted.*after on 2026-11-26 may be missing.*read marks, notes and collection items/,
    );
  });

  it('has a translated sentence for every event the user must hear of', () => {
    const restored = { bookmarks: 1, read: 0, notes: 0, collections: 0 };
    const state = { type: 'recovered', kind: 'state', file: 'state.json', restored, replayed: 0 } as const;
    const shard = { type: 'recovered', kind: 'shard', file: 'bulletins/2020-11.json', bulletins: 1 } as const;
    const events: StoreEvent[] = [
      { ...state, movedTo: 'm', backup: null, complete: false, marksLost: true },
      { ...state, movedTo: null, backup: null, complete: false, marksLost: true, replayed: 2 },
      { ...state, movedTo: 'm', backup: '2026-01-01T00:00:00Z', complete: true, marksLost: false },
      { ...state, movedTo: null, backup: '2026-01-01T00:00:00Z', complete: true, marksLost: false },
      { ...state, movedTo: 'm', backup: '2026-01-01T00:00:00Z', complete: false, marksLost: false },
      { ...shard, movedTo: 'm', backup: null, complete: false },
      { ...shard, movedTo: 'm', backup: '2026-01-01T00:00:00Z', complete: true },
      { ...shard, movedTo: null, backup: '2026-01-01T00:00:00Z', complete: true },
      { ...shard, movedTo: 'm', backup: '2026-01-01T00:00:00Z', complete: false },
      { ...shard, movedTo: null, backup: '2026-01-01T00:00:00Z', complete: false },
      { type: 'journal-recovered', file: 'state.journal.jsonl', movedTo: 'j', kept: 1 },
      { type: 'journal-recovered', file: 'state.journal.jsonl', movedTo: null, kept: 5 },
      { type: 'newer-version', file: 'state.json', version: 3 },
      { type: 'write-failed', file: 'state.json', code: 'ENOSPC' },
      { type: 'write-failed', file: 'state.json', code: 'EROFS' },
      { type: 'write-failed', file: 'state.json', code: 'EXDEV' },
      { type: 'write-resumed', file: 'state.json' },
      { type: 'journal-damaged', file: 'state.journal.jsonl', movedTo: 'j', kept: 0 },
      { type: 'journal-damaged', file: 'state.journal.jsonl', movedTo: 'j', kept: 1 },
      { type: 'newer-version', file: 'state.journal.jsonl', version: 2 },
    ];
    for (const event of events) {
      const notice = describeStoreEvent(event, date);
      const text = [notice?.message, ...(notice?.details ?? [])].join(' ');
      expect(text).not.toMatch(/storeNotices\.|\{\{/);
      expect(text.length).toBeGreaterThan(20);
    }
    expect(
      describeStoreEvent({ type: 'write-failed', file: 'state.json', code: 'ENOSPC' }, date)?.message,
    ).toContain('the disk is full');
    expect(describeStoreEvent({ type: 'migrated', file: 'state.json', from: 0, to: 1 }, date)).toBeNull();
  });
});
