import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Bulletin } from '../../preload/contract';
import { openLibrary } from '../../main/store/library';
import { expect, test } from './fixtures';
import { bulletinList, bulletinRows } from './support/ui';

const MONTHS = 240;
const PER_MONTH = 10;

/** Twenty years of monthly shards, ten bulletins each: the newest is in 2020-12. */
function archive(): Bulletin[] {
  const bulletins: Bulletin[] = [];
  for (let m = 0; m < MONTHS; m++) {
    const month = `${2001 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
    for (let day = 1; day <= PER_MONTH; day++) {
      const id = `${month}-${day}`;
      bulletins.push({
        id,
        source: 'Regional Office',
        title: `Situation report ${month} day ${day}`,
        summary: `Summary for ${month}.`,
        published: `${month}-${String(day).padStart(2, '0')}T09:00:00.000Z`,
        language: 'en',
        countries: [],
        tags: [],
        importedAt: '2026-01-01T00:00:00.000Z',
        contentHash: id,
      });
    }
  }
  return bulletins;
}

test('a large archive opens on its newest bulletins, then counts them all, an older damaged month recovered', async ({
  launch,
  userDataDir,
}) => {
  const library = await openLibrary(userDataDir);
  await library.add(archive());
  library.close();
  // The oldest month is read last, after the first page is shown: it is still checked and kept aside.
  await writeFile(join(userDataDir, 'bulletins', '2001-01.json'), '{"schemaVersion": 1, "bulletins": [');

  const window = await (await launch()).firstWindow();
  await expect(bulletinRows(window).first()).toContainText('Situation report 2020-12 day 10');
  await expect(
    window.getByText(`${((MONTHS - 1) * PER_MONTH).toLocaleString('en')} bulletins`, { exact: true }),
  ).toBeVisible();
  await expect(window.getByRole('region', { name: 'Notifications' })).toContainText(
    'The archive of 2001-01 was damaged on disk',
  );
  // Every row of the whole archive is reachable from the keyboard, down to the oldest one kept.
  await bulletinRows(window).first().click();
  await bulletinList(window).press('End');
  await expect(bulletinRows(window).last()).toContainText('Situation report 2001-02 day 1');
});
