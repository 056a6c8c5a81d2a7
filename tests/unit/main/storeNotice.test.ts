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
        items: 412,
      },
      date,
    );
    expect(notice).toEqual({
      kind: 'warning',
      message: expect.stringMatching(/archive of 2020-11 was damaged.*on 2026-11-27.*412 bulletins/),
      details: [expect.stringContaining('bulletins/2020-11.json.bad-x')],
    });
  });

  it('has a translated sentence for every event the user must hear of', () => {
    const events: StoreEvent[] = [
      { type: 'recovered', kind: 'state', file: 'state.json', movedTo: 'm', backup: null, items: 0 },
      {
        type: 'recovered',
        kind: 'state',
        file: 'state.json',
        movedTo: 'm',
        backup: '2026-01-01T00:00:00Z',
        items: 2,
      },
      {
        type: 'recovered',
        kind: 'shard',
        file: 'bulletins/2020-11.json',
        movedTo: 'm',
        backup: null,
        items: 0,
      },
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
