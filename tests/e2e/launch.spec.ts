import { execFileSync } from 'node:child_process';
import { constants } from 'node:fs';
import { open, readFile, rm, writeFile } from 'node:fs/promises';
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

/**
 * Gives a pipe's content to a reader waiting on it, if one is (else false): the library reads
 * each month once as it opens, and the search index's worker reads them all again after.
 */
async function feedWaitingReader(pipe: string, content: Buffer): Promise<boolean> {
  try {
    const writer = await open(pipe, constants.O_WRONLY | constants.O_NONBLOCK);
    await writer.write(content);
    await writer.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENXIO') return false;
    throw error;
  }
}

test('a large archive shows its newest page at once, then counts every month, an older damaged one restored from its copy', async ({
  launch,
  userDataDir,
}) => {
  const library = await openLibrary(userDataDir);
  await library.add(archive());
  library.close();
  const shards = join(userDataDir, 'bulletins');
  // Older months are read after the first page is shown: a damaged one is still checked and kept aside.
  await writeFile(join(shards, '2001-02.json'), '{"schemaVersion": 1, "bulletins": [');
  // The oldest month is a pipe that gives its content only when the test says: the archive is
  // still opening, for as long as we look at the window.
  const oldest = join(shards, '2001-01.json');
  const oldestContent = await readFile(oldest);
  await rm(oldest);
  execFileSync('mkfifo', [oldest]);

  const window = await (await launch()).firstWindow();
  await expect(bulletinRows(window).first()).toContainText('Situation report 2020-12 day 10');
  await expect(window.getByText('Counting bulletins…', { exact: true })).toBeVisible();

  await expect.poll(() => feedWaitingReader(oldest, oldestContent)).toBe(true);
  // The damaged month comes back whole from the copy its first write kept.
  const all = MONTHS * PER_MONTH;
  await expect(window.getByText(`${all.toLocaleString('en')} bulletins`, { exact: true })).toBeVisible();
  await expect(window.getByRole('region', { name: 'Notifications' })).toContainText(
    'The archive of 2001-02 was damaged on disk. It was restored whole from its copy',
  );
  // The index is built from every month too: it must not wait forever on the pipe.
  await expect.poll(() => feedWaitingReader(oldest, oldestContent), { timeout: 20_000 }).toBe(true);
  // Every row of the whole archive is reachable from the keyboard, down to the oldest.
  await bulletinRows(window).first().click();
  await bulletinList(window).press('End');
  await expect(bulletinRows(window).last()).toContainText('Situation report 2001-01 day 1');
});
