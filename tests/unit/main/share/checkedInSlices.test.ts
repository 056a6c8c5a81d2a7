import { beforeAll, expect, it } from 'vitest';
import { initI18n } from '../../../../main/i18n';
import { checkedInSlices } from '../../../../main/share/checkedInSlices';
import { emptyState } from '../../../../main/store/schema';
import { bulletin } from '../storeFixtures';

beforeAll(() => initI18n('en-US'));

const now = '2026-12-06T10:00:00.000Z';

it("a colleague's bulletins pass the import boundary: each accounted for, new as of the merge", async () => {
  const long = 'x'.repeat(300);
  const checked = await checkedInSlices(
    {
      createdAt: now,
      state: emptyState(),
      bulletins: [
        bulletin('a', '2026-11-01'),
        { ...bulletin('bad', '2026-02-31'), title: '' },
        bulletin('a', '2026-11-01'),
        bulletin(long, '2026-11-02'),
      ],
      bodyTexts: ['Text of a', null, 'again', null],
      // The file's 2nd item was not a bulletin at all: positions are the file's.
      positions: [1, 3, 4, 5],
      invalid: [2],
    },
    now,
  );
  expect(checked.bulletins.map((kept) => kept.id)).toEqual([
    'a',
    expect.stringMatching(/^long-[0-9a-f]{64}$/),
  ]);
  expect(checked.bulletins.every((kept) => kept.importedAt === now)).toBe(true);
  expect(checked.rejected).toEqual([{ item: 'item 3', reason: expect.stringContaining('2026-02-31') }]);
  expect(checked.repeated).toBe(1);
  expect(checked.bodyTexts).toEqual(new Map([['a', 'Text of a']]));
});
