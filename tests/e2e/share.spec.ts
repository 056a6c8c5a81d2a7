import { writeFile, readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { makeBulletin, writeShards } from './support/archive';
import { userLibrary } from './support/userLibrary';
import { bulletinRows, chooseFromMore, chooseItemAction, clickMenu } from './support/ui';

/**
 * Issue 19: two laptops (two user-data folders) pass a collection with notes on a USB stick.
 * Ana shares "Darién route"; Ben, who has his own different note on one of its bulletins,
 * imports it: his note kept, hers beside it with her name, the collection whole, nothing else of
 * his changed; the same file again changes nothing; a damaged copy is refused and changes nothing.
 */

const route = [
  makeBulletin({ id: 'r1', title: 'Crossing reopened', published: '2026-11-02' }),
  makeBulletin({ id: 'r2', title: 'Shelter capacity', published: '2026-11-03' }),
  makeBulletin({ id: 'r3', title: 'Rains on the route', published: '2026-11-04' }),
];
const notifications = (page: Page) => page.getByRole('region', { name: 'Notifications' });

test('a collection with notes passes from one laptop to another without losing anything either wrote', async ({
  launch,
}, testInfo) => {
  const stick = testInfo.outputPath('Darién route.share.json');

  // Ana's laptop: the collection, her notes on two of its bulletins, one bookmark.
  const anaFolder = testInfo.outputPath('ana');
  await writeShards(anaFolder, route);
  const ana = await launch({ userDataDir: anaFolder, dialogs: { save: [stick] } });
  let page = await ana.firstWindow();
  await expect(bulletinRows(page)).toHaveCount(3);
  const noteDay = await page.evaluate(async () => {
    const created = await window.bulletins.createCollection('Darién route');
    await window.bulletins.addToCollection(created.id, ['r1', 'r2', 'r3']);
    await window.bulletins.setNote('r1', 'Crossing open 6–18 h only');
    await window.bulletins.setNote('r2', 'Ask for Marta at the desk');
    await window.bulletins.toggleBookmark('r3');
    return new Date().toISOString().slice(0, 10);
  });
  // Her name, set once in Settings, is what Ben will see.
  await clickMenu(ana, 'file-settings');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Your name on what you share').fill('Ana Pérez');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toBeHidden();
  await chooseItemAction(page, 'Darién route', 'Share with a colleague…');
  await expect(notifications(page)).toContainText(
    'Shared 3 bulletins, with your notes, as “Darién route.share.json”',
  );
  await ana.close();

  // Ben's laptop: r1 with his own different note, a bulletin and a bookmark of his own.
  const benFolder = testInfo.outputPath('ben');
  await writeShards(benFolder, [
    route[0] as never,
    makeBulletin({ id: 'own', title: 'His own bulletin', published: '2026-10-01' }),
  ]);
  const damaged = testInfo.outputPath('copy.share.json');
  await writeFile(damaged, (await readFile(stick, 'utf8')).slice(0, 900));
  const ben = await launch({
    userDataDir: benFolder,
    // The stick's file, the same file again, then a copy cut short; "Not now" to the bookmarks.
    dialogs: { open: [[stick], [stick], [damaged]], message: [1, 1, 1] },
  });
  page = await ben.firstWindow();
  await expect(bulletinRows(page)).toHaveCount(2);
  await page.evaluate(async () => {
    await window.bulletins.setNote('r1', 'Ben: queue was 300 people');
    await window.bulletins.setNote('own', 'Mine alone');
    await window.bulletins.toggleBookmark('own');
  });

  await clickMenu(ben, 'file-import');
  const sender = 'Ana Pérez';
  await expect(notifications(page)).toContainText(
    `From ${sender}: 1 new note; 1 note kept beside yours; collection “Darién route” created with 3 bulletins; 1 of their bookmarks not taken.`,
  );
  const merged = await userLibrary(page);
  expect(merged).toEqual({
    ids: ['own', 'r1', 'r2', 'r3'],
    notes: {
      r1: `Ben: queue was 300 people\n\n— from ${sender}, ${noteDay}:\nCrossing open 6–18 h only`,
      r2: `— from ${sender}, ${noteDay}:\nAsk for Marta at the desk`,
      own: 'Mine alone',
    },
    bookmarks: ['own'],
    collections: [{ name: 'Darién route', count: 3 }],
    savedSearches: [],
  });
  // The reader shows both notes in the note field, Ben's first.
  await bulletinRows(page).filter({ hasText: 'Crossing reopened' }).click();
  await expect(page.getByRole('textbox', { name: /note/i })).toHaveValue(merged.notes.r1 as string);

  // The same file again: nothing changes.
  await clickMenu(ben, 'file-import');
  await expect(notifications(page)).toContainText(
    `From ${sender}: 2 notes you already had; 0 bulletins added to “Darién route” (3 already in it)`,
  );
  expect(await userLibrary(page)).toEqual(merged);

  // A copy cut short: refused with its reason, nothing changes.
  await clickMenu(ben, 'file-import');
  await expect(notifications(page)).toContainText('This share file is damaged or was altered');
  expect(await userLibrary(page)).toEqual(merged);
  // Ben was asked about Ana's bookmark at each complete import, and the answer was "Not now".
  const questions = (await ben.host?.dialogsShown())?.filter((shown) => shown.kind === 'message');
  if (questions) {
    expect(questions.map((shown) => shown.options.message)).toEqual([
      `${sender} also bookmarked 1 of these bulletins. Add them to your bookmarks?`,
      `${sender} also bookmarked 1 of these bulletins. Add them to your bookmarks?`,
    ]);
  }
});

test('Send… in the reader drafts an e-mail of the bulletin through the open-link confirmation, and copies it as text', async ({
  launch,
}, testInfo) => {
  const folder = testInfo.outputPath('laptop');
  await writeShards(folder, [
    makeBulletin({
      id: 's1',
      title: 'Crossing reopened',
      source: 'Field office',
      published: '2026-11-02',
      bodyHtml: '<p>The crossing reopened.</p><p>Queues of 300.</p>',
      link: 'https://example.org/s1',
    }),
  ]);
  // "Open" in the confirmation that shows the real address.
  const app = await launch({ userDataDir: folder, dialogs: { message: [0] } });
  const page = await app.firstWindow();
  await bulletinRows(page).first().click();
  // Send… is a button of the reader's row, or in its More… when the row is too narrow for it (here
  // the original's address takes the room): either way its items are there.
  const actions = page.getByRole('group', { name: 'Actions on this bulletin' });
  await expect(actions).toBeVisible();
  const sendItem = async (name: string) => {
    const send = actions.getByRole('button', { name: 'Send…' });
    if (await send.isVisible()) {
      await send.click();
      await page.getByRole('button', { name }).click();
    } else {
      await actions.getByRole('button', { name: 'More…' }).click();
      await page.getByRole('menuitem', { name }).click();
    }
  };
  await sendItem('E-mail draft…');
  if (app.host) {
    await expect.poll(() => app.host?.openedExternally()).toHaveLength(1);
    const [draft] = (await app.host.openedExternally()) as string[];
    const params = new URLSearchParams((draft ?? '').slice('mailto:?'.length));
    expect(params.get('subject')).toBe('Crossing reopened');
    expect(JSON.stringify(params.get('body'))).toMatch(
      /^"Crossing reopened\\n.+ · Field office\\n\\nThe crossing reopened\.\\n\\nQueues of 300\.\\n\\nhttps:\/\/example\.org\/s1"$/,
    );
  }
  await sendItem('Copy as text');
  // Copied, or told plainly that the clipboard refused (a browser without the permission).
  await expect(page.getByRole('status').filter({ hasText: /Copied\.|Could not copy/ })).toBeVisible();
});

test('Send… in the selection bar drafts one e-mail of the selected bulletins and copies their links', async ({
  launch,
}, testInfo) => {
  const folder = testInfo.outputPath('laptop');
  await writeShards(folder, [
    makeBulletin({
      id: 's1',
      title: 'Crossing reopened',
      published: '2026-11-02',
      link: 'https://example.org/s1',
    }),
    makeBulletin({
      id: 's2',
      title: 'Shelter capacity',
      published: '2026-11-03',
      link: 'https://example.org/s2',
    }),
    makeBulletin({ id: 's3', title: 'Not selected', published: '2026-11-04' }),
  ]);
  const app = await launch({ userDataDir: folder, dialogs: { message: [0] } });
  const page = await app.firstWindow();
  await expect(bulletinRows(page)).toHaveCount(3);
  await bulletinRows(page)
    .filter({ hasText: 'Crossing reopened' })
    .click({ modifiers: ['ControlOrMeta'] });
  await bulletinRows(page)
    .filter({ hasText: 'Shelter capacity' })
    .click({ modifiers: ['ControlOrMeta'] });
  await chooseFromMore(page, 'E-mail draft…');
  if (app.host) {
    await expect.poll(() => app.host?.openedExternally()).toHaveLength(1);
    const [draft] = (await app.host.openedExternally()) as string[];
    const params = new URLSearchParams((draft ?? '').slice('mailto:?'.length));
    expect(params.get('subject')).toBe('2 bulletins');
    const body = params.get('body') ?? '';
    // Newest first, as the list shows them; the one not selected is not in it.
    expect(body.indexOf('Shelter capacity')).toBeLessThan(body.indexOf('Crossing reopened'));
    expect(body).toContain('https://example.org/s1');
    expect(body).toContain('https://example.org/s2');
    expect(body).not.toContain('Not selected');
  }
  await chooseFromMore(page, 'Copy links');
  await expect(page.getByText(/^(Copied\.|Could not copy: the clipboard refused\.)$/)).toBeVisible();
});
