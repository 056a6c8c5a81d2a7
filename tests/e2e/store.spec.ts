import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Bulletin } from '../../preload/contract';
import { openLibrary } from '../../main/store/library';
import { expect, test } from './fixtures';
import { bulletinList, bulletinRows, clickMenu } from './support/ui';

const bulletin = (id: string, published: string, title: string): Bulletin => ({
  id,
  source: 'Regional Office',
  title,
  summary: `Summary of ${title}.`,
  published,
  language: 'en',
  countries: ['Panamá'],
  tags: [],
  importedAt: '2026-01-01T00:00:00.000Z',
  contentHash: id,
});
const OCTOBER = bulletin('oct', '2020-10-13', 'October report on the Darién route');
const NOVEMBER = bulletin('nov', '2020-11-12', 'November report on reception stations');
const LATE_NOVEMBER = bulletin('nov-late', '2020-11-28', 'Late November update on returns');

const notices = (window: Page) => window.getByRole('region', { name: 'Notifications' });

async function showBookmarks(window: Page): Promise<void> {
  await window
    .getByRole('link', { name: /^Bookmarks/ })
    .or(window.getByRole('button', { name: /^Bookmarks/ }))
    .click();
}

/**
 * A library as a user's would be after a few days: two months of bulletins,
 * the November shard rewritten by a second import, November bookmarked, the
 * app quit, then October bookmarked, a note and a collection made, and the app
 * quit again (before issue 20, the day's only copy of state.json held the
 * November bookmark alone, and the newest month had no copy of its last write).
 */
async function prepareLibrary(folder: string): Promise<void> {
  const library = await openLibrary(folder);
  await library.add([NOVEMBER, OCTOBER]);
  await library.add([LATE_NOVEMBER]);
  await library.toggleBookmark(NOVEMBER.id);
  await library.flush(); // a quit: state.json is compacted
  await library.toggleBookmark(OCTOBER.id);
  await library.setNote(OCTOBER.id, 'Ask the field office about the route');
  const trip = await library.createCollection('Field trip');
  await library.addToCollection(trip.id, [LATE_NOVEMBER.id]);
  await library.flush();
  library.close();
}

const DAMAGE: Record<string, (good: string) => string | Buffer> = {
  truncated: (good) => good.slice(0, Math.floor(good.length / 2)),
  'zero-length': () => '',
  'NUL-filled': (good) => Buffer.alloc(good.length),
  'invalid JSON': () => '{"schemaVersion": 1, "bookmarks": ',
  'wrong shape': () => JSON.stringify({ schemaVersion: 1, bookmarks: 'all', read: [] }),
};

for (const [damage, damaged] of Object.entries(DAMAGE)) {
  test(`a ${damage} state.json: the app says so and everything comes back`, async ({
    launch,
    userDataDir,
  }) => {
    await prepareLibrary(userDataDir);
    const state = join(userDataDir, 'state.json');
    await writeFile(state, damaged(await readFile(state, 'utf8')));

    const window = await (await launch()).firstWindow();
    await expect(notices(window)).toContainText(
      'Your bookmarks, read marks, notes and collections were damaged on disk. Everything was recovered',
    );
    await expect(notices(window)).toContainText(
      'Your library now holds 2 bookmarks, 0 read marks, 1 note and 1 collection.',
    );
    await expect(notices(window)).toContainText(/kept in your library folder as state\.json\.bad-/);
    await expect(bulletinRows(window)).toHaveCount(3);
    await showBookmarks(window);
    await expect(bulletinRows(window)).toHaveCount(2);
    expect((await readdir(userDataDir)).filter((name) => name.startsWith('state.json.bad-'))).toHaveLength(1);
  });

  test(`a ${damage} newest month: the app says so and shows that month whole from its copy`, async ({
    launch,
    userDataDir,
  }) => {
    await prepareLibrary(userDataDir);
    const shard = join(userDataDir, 'bulletins', '2020-11.json');
    await writeFile(shard, damaged(await readFile(shard, 'utf8')));

    const window = await (await launch()).firstWindow();
    await expect(notices(window)).toContainText(
      /The archive of 2020-11 was damaged on disk\. It was restored whole from its copy of .* \(2 bulletins\)/,
    );
    await expect(bulletinRows(window)).toHaveCount(3);
    await expect(bulletinRows(window).filter({ hasText: LATE_NOVEMBER.title })).toHaveCount(1);
  });
}

test('files from a newer version are left untouched and the user is asked to update', async ({
  launch,
  userDataDir,
}) => {
  await prepareLibrary(userDataDir);
  const newerState = JSON.stringify({ schemaVersion: 2, bookmarks: {}, read: {}, collections: [] });
  const newerShard = JSON.stringify({ schemaVersion: 2, items: [] });
  await writeFile(join(userDataDir, 'state.json'), newerState);
  await writeFile(join(userDataDir, 'bulletins', '2020-10.json'), newerShard);

  const app = await launch();
  const window = await app.firstWindow();
  await expect(notices(window)).toContainText('state.json was made by a newer version of Bulletin Reader');
  await expect(notices(window)).toContainText('bulletins/2020-10.json was made by a newer version');
  await expect(bulletinRows(window)).toHaveCount(2);
  // A change is kept for the session but never written over the newer file.
  await bulletinRows(window).first().click();
  await window
    .getByRole('region', { name: 'Reading pane' })
    .getByRole('button', { name: 'Bookmark' })
    .click();
  await showBookmarks(window);
  await expect(bulletinRows(window)).toHaveCount(1);
  await app.close();
  expect(await readFile(join(userDataDir, 'state.json'), 'utf8')).toBe(newerState);
  expect(await readFile(join(userDataDir, 'bulletins', '2020-10.json'), 'utf8')).toBe(newerShard);
});

test('File > Back up library…, wipe, File > Restore…: the library comes back whole', async ({
  launch,
  userDataDir,
}, testInfo) => {
  await prepareLibrary(userDataDir);
  const backupFile = testInfo.outputPath('my-library.json');
  const before = await snapshotOf(userDataDir);

  const first = await launch({ dialogs: { save: [backupFile] } });
  let window = await first.firstWindow();
  await expect(bulletinRows(window)).toHaveCount(3);
  await clickMenu(first, 'file-backup');
  await expect(notices(window)).toContainText('Library backed up (bulletins: 3, bookmarks: 2).');
  await first.close();

  // The laptop's library is lost: the next start is a first run, with the bundled sample.
  await rm(userDataDir, { recursive: true, force: true });
  await mkdir(userDataDir, { recursive: true });
  const second = await launch({ dialogs: { open: [[backupFile]], message: [0] } });
  window = await second.firstWindow();
  await expect(bulletinRows(window)).toHaveCount(10);
  await clickMenu(second, 'file-restore');
  await expect(notices(window)).toContainText('Library restored (bulletins: 3, bookmarks: 2).');
  await expect(bulletinRows(window)).toHaveCount(3);
  await showBookmarks(window);
  await expect(bulletinRows(window)).toHaveCount(2);
  if (second.host) {
    // The user was asked before anything was replaced.
    const confirm = (await second.host.dialogsShown()).find((dialog) => dialog.kind === 'message');
    expect(confirm?.options.message).toMatch(
      /^Replace your library with the backup of .* \(bulletins: 3, bookmarks: 2\)\?$/,
    );
    expect(confirm?.answer).toEqual({ response: 0, checkboxChecked: false });
  }
  await second.close();

  const after = await snapshotOf(userDataDir);
  expect(after.state).toEqual(before.state);
  expect(after.bulletins).toEqual(before.bulletins);
  // What was there before the restore (the sample) was saved first.
  expect(
    (await readdir(join(userDataDir, 'backups'))).some((name) => name.startsWith('before-restore-')),
  ).toBe(true);
});

test('a file that is not a backup is refused and nothing changes', async ({
  launch,
  userDataDir,
}, testInfo) => {
  await prepareLibrary(userDataDir);
  const notABackup = testInfo.outputPath('notes.json');
  await writeFile(notABackup, JSON.stringify({ hello: 'world' }));
  // A backup cut short after its opening: read in the parse worker, refused all the same.
  const cutShort = testInfo.outputPath('cut-short.json');
  await writeFile(
    cutShort,
    `{"format":"bulletin-reader-library","schemaVersion":1,"bulletins":[${'['.repeat(100_000)}`,
  );
  const app = await launch({ dialogs: { open: [[notABackup], [cutShort]], message: [0, 0] } });
  const window = await app.firstWindow();
  await expect(bulletinRows(window)).toHaveCount(3);
  for (const file of [notABackup, cutShort]) {
    await clickMenu(app, 'file-restore');
    if (app.host) {
      const host = app.host;
      const opened = async () =>
        (await host.dialogsShown()).filter((dialog) => dialog.kind === 'open').length;
      await expect.poll(opened).toBe(file === notABackup ? 1 : 2);
    }
    await expect(notices(window)).toContainText(
      'This file is not a Bulletin Reader backup, or it is damaged.',
    );
    await expect(notices(window)).toContainText('Nothing in your library was changed.');
    await expect(bulletinRows(window)).toHaveCount(3);
  }
  if (app.host) {
    // Refused before the user was asked anything.
    expect((await app.host.dialogsShown()).filter((dialog) => dialog.kind === 'message')).toEqual([]);
  }
});

async function snapshotOf(folder: string) {
  const library = await openLibrary(folder);
  const snapshot = library.snapshot();
  library.close();
  // Which generation of state.json's journal a file is at is the store's bookkeeping, not the library.
  return {
    state: { ...snapshot.state, journalGeneration: undefined },
    bulletins: [...snapshot.bulletins].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

test('a large view paints its first page at once and receives the rest in pages', async ({
  launch,
  userDataDir,
}) => {
  const library = await openLibrary(userDataDir);
  const days = Array.from({ length: 5200 }, (_, n) => new Date(Date.UTC(2010, 0, 1) + n * 86_400_000));
  await library.add(
    days.map((day, n) =>
      bulletin(`b${n}`, day.toISOString().slice(0, 10), `Bulletin number ${n} of the archive`),
    ),
  );
  library.close();

  const window = await (await launch()).firstWindow();
  await expect(window.getByText('5,200 bulletins', { exact: true })).toBeVisible();
  await expect(bulletinRows(window).first()).toContainText('Bulletin number 5199 of the archive');
  // The oldest row is on the second page of 5,000 after the first 100: it arrives and End reaches it.
  await bulletinList(window).focus();
  await expect(async () => {
    await window.keyboard.press('End');
    await expect(bulletinRows(window).last()).toContainText('Bulletin number 0 of the archive', {
      timeout: 500,
    });
  }).toPass();
});

test('a second launch given a digest brings the window forward and imports it', async ({ app }, testInfo) => {
  const window = await app.firstWindow();
  await expect(bulletinRows(window)).toHaveCount(10);
  const digest = testInfo.outputPath('from-a-colleague.txt');
  await writeFile(
    digest,
    '12 March, 2026\n\nNew reception centre opens near the northern border\n\nThe centre will receive families arriving on foot.\n',
  );
  // What Electron does in the first instance when the OS starts a second one (the host never starts two).
  await app.evaluate(
    ({ app: electronApp }, { file, cwd }) => {
      electronApp.emit('second-instance', {}, ['/opt/bulletin-reader/bulletin-reader', '--flag', file], cwd);
    },
    { file: digest, cwd: testInfo.outputDir },
  );
  await expect(notices(window)).toContainText('Added 1 bulletin');
  await expect(bulletinRows(window)).toHaveCount(11);
  await expect(bulletinRows(window).filter({ hasText: 'New reception centre opens' })).toHaveCount(1);
});
