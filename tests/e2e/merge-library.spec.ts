import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { makeBulletin, writeShards } from './support/archive';
import { userLibrary } from './support/userLibrary';
import { bulletinRows, clickMenu } from './support/ui';

/**
 * Issue 19: File › Merge a Colleague's Library…. Two laptops (two user-data folders): Ana backs up
 * her library; Ben, who has his own note on one of her bulletins, merges her backup: a preview
 * first, then her bulletins, notes (beside his), collection and saved search join his library,
 * nothing of his changes; after a restart File › Undo Colleague's Library Merge… takes it all
 * back. A damaged backup and one over the import size limit are refused and change nothing.
 */

const route = [
  makeBulletin({ id: 'r1', title: 'Crossing reopened', published: '2026-11-02' }),
  makeBulletin({ id: 'r2', title: 'Shelter capacity', published: '2026-11-03' }),
  makeBulletin({ id: 'r3', title: 'Rains on the route', published: '2026-11-04' }),
  makeBulletin({ id: 'r4', title: 'Buses to Tapachula', published: '2026-10-20' }),
];
const notifications = (page: Page) => page.getByRole('region', { name: 'Notifications' });

test("a colleague's library merges with a preview, keeps every note of both, and one undo after a restart takes it back", async ({
  launch,
}, testInfo) => {
  // Three starts of the app (Ana's, Ben's, Ben's again): a minute each on a loaded machine.
  test.setTimeout(180_000);
  const backup = testInfo.outputPath('ana-backup.json');

  // Ana's laptop: a collection, her notes, a bookmark, a saved search, her name in Settings.
  const anaFolder = testInfo.outputPath('ana');
  await writeShards(anaFolder, route);
  const ana = await launch({ userDataDir: anaFolder, dialogs: { save: [backup] } });
  let page = await ana.firstWindow();
  await expect(bulletinRows(page)).toHaveCount(4);
  const noteDay = await page.evaluate(async () => {
    const created = await window.bulletins.createCollection('Darién route');
    await window.bulletins.addToCollection(created.id, ['r1', 'r2', 'r3']);
    await window.bulletins.setNote('r1', 'Crossing open 6–18 h only');
    await window.bulletins.setNote('r2', 'Ask for Marta at the desk');
    await window.bulletins.toggleBookmark('r3');
    await window.bulletins.saveSearch('Rains', { view: 'all', text: 'rains', sort: 'relevance', facets: {} });
    const settings = await window.bulletins.settings();
    await window.bulletins.saveSettings({ ...settings, senderName: 'Ana Pérez' });
    return new Date().toISOString().slice(0, 10);
  });
  await clickMenu(ana, 'file-backup');
  await expect(notifications(page)).toContainText('Library backed up (bulletins: 4, bookmarks: 1).');
  await ana.close();

  // Ben's laptop: r1 with his own note, a bulletin and a bookmark of his own.
  const benFolder = testInfo.outputPath('ben');
  await writeShards(benFolder, [
    route[0] as never,
    makeBulletin({ id: 'own', title: 'His own bulletin', published: '2026-10-01' }),
  ]);
  const damaged = testInfo.outputPath('ana-backup-cut.json');
  await writeFile(damaged, (await readFile(backup, 'utf8')).slice(0, 700));
  const ben = await launch({
    userDataDir: benFolder,
    // The damaged copy, then the backup: "Merge" at the preview, "Not now" to her bookmark.
    dialogs: { open: [[damaged], [backup]], message: [0, 1] },
  });
  page = await ben.firstWindow();
  await expect(bulletinRows(page)).toHaveCount(2);
  await page.evaluate(async () => {
    await window.bulletins.setNote('r1', 'Ben: queue was 300 people');
    await window.bulletins.toggleBookmark('own');
  });
  const before = await userLibrary(page);

  await clickMenu(ben, 'file-merge-library');
  await expect(notifications(page)).toContainText(
    'This file is not a Bulletin Reader backup, or it is damaged.',
  );
  await expect(notifications(page)).toContainText('Nothing in your library was changed.');
  expect(await userLibrary(page)).toEqual(before);

  await clickMenu(ben, 'file-merge-library');
  await expect(notifications(page)).toContainText(
    "Merged Ana Pérez's library (bulletins added: 3, already here: 1, left out: 0).",
  );
  await expect(notifications(page)).toContainText('Their bookmarks were not taken (1).');
  await expect(bulletinRows(page)).toHaveCount(5);
  const merged = await userLibrary(page);
  expect(merged).toEqual({
    ids: ['own', 'r1', 'r2', 'r3', 'r4'],
    notes: {
      r1: `Ben: queue was 300 people\n\n— from Ana Pérez, ${noteDay}:\nCrossing open 6–18 h only`,
      r2: `— from Ana Pérez, ${noteDay}:\nAsk for Marta at the desk`,
    },
    bookmarks: ['own'],
    collections: [{ name: 'Darién route', count: 3 }],
    savedSearches: ['Rains'],
  });
  const shown = await ben.host?.dialogsShown();
  if (shown) {
    // The preview came first, and said what would change; refused files asked nothing.
    const questions = shown.filter((dialog) => dialog.kind === 'message').map((dialog) => dialog.options);
    expect(questions[0]?.message).toMatch(/^Merge Ana Pérez's library \(backed up .+\) into yours\?$/);
    expect(questions[0]?.detail).toContain('Bulletins: 3 new, 1 already here, 0 left out.');
    expect(questions[0]?.detail).toContain(
      'Notes: 1 new, 1 kept beside your own (under their name), 0 already in yours.',
    );
    expect(questions[0]?.detail).toContain('New collection “Darién route” (bulletins: 3).');
    expect(questions[0]?.detail).toContain('Saved searches: 1 new (under another name: 0), 0 already yours.');
    expect(questions[1]?.message).toBe(
      'Ana Pérez also bookmarked 1 of these bulletins. Add them to your bookmarks?',
    );
    expect(questions).toHaveLength(2);
  }
  // Her bulletins are searchable at once.
  const found = await page.evaluate(async () =>
    (await window.bulletins.search({ view: 'all', text: 'shelter capacity' })).rows.map((row) => row.id),
  );
  expect(found).toEqual(['r2']);
  await ben.close();

  // The next day, after a restart: one undo takes back exactly what the merge added.
  const later = await launch({ userDataDir: benFolder, dialogs: { message: [0] } });
  page = await later.firstWindow();
  await expect(bulletinRows(page)).toHaveCount(5);
  await clickMenu(later, 'file-undo-merge');
  await expect(notifications(page)).toContainText(
    "The merge of Ana Pérez's library was taken back (bulletins removed: 3).",
  );
  await expect(bulletinRows(page)).toHaveCount(2);
  expect(await userLibrary(page)).toEqual(before);
  const undoQuestion = (await later.host?.dialogsShown())?.find((dialog) => dialog.kind === 'message');
  if (undoQuestion) {
    expect(undoQuestion.options.message).toMatch(/^Take back the merge of Ana Pérez's library of .+\?$/);
    expect(undoQuestion.options.detail).toContain(
      'bulletins: 3, notes: 2, bookmarks: 0, collections: 1, saved searches: 1',
    );
  }
});

test('a backup over the import size limit is refused unread, and nothing changes', async ({
  launch,
}, testInfo) => {
  const folder = testInfo.outputPath('laptop');
  await writeShards(folder, [route[0] as never]);
  const big = testInfo.outputPath('big-backup.json');
  await writeFile(
    big,
    JSON.stringify({
      format: 'bulletin-reader-library',
      schemaVersion: 1,
      createdAt: '2026-12-01T10:00:00.000Z',
      state: { schemaVersion: 1, bookmarks: {}, read: {}, settings: {} },
      bulletins: [
        makeBulletin({ id: 'big', title: 'Big', published: '2026-01-01', bodyHtml: 'x'.repeat(1_200_000) }),
      ],
    }),
  );
  const app = await launch({ userDataDir: folder, dialogs: { open: [[big]] } });
  const page = await app.firstWindow();
  await expect(bulletinRows(page)).toHaveCount(1);
  await page.evaluate(async () => {
    const settings = await window.bulletins.settings();
    await window.bulletins.saveSettings({ ...settings, importCapMegabytes: 1 });
  });
  const before = await userLibrary(page);
  await clickMenu(app, 'file-merge-library');
  await expect(notifications(page)).toContainText('This file is larger than 1 MB, the import size limit');
  await expect(notifications(page)).toContainText('Nothing in your library was changed.');
  expect(await userLibrary(page)).toEqual(before);
  const asked = (await app.host?.dialogsShown())?.filter((dialog) => dialog.kind === 'message');
  if (asked) expect(asked).toEqual([]);
});
