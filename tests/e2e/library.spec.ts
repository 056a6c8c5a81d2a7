import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { App } from './fixtures';
import { expect, test } from './fixtures';
import { makeBulletin, writeShards } from './support/archive';
import {
  bulletinList,
  bulletinRows,
  chooseFromMore,
  chooseItemAction,
  clickMenu,
  killAndRestart,
  openMoreMenu,
  readingPane,
  searchBox,
} from './support/ui';

// The user's own library: collections, notes, read marks, bookmarks and deletes, each kept
// across a restart and across a kill -9 of main right after the action.

const DARIEN = makeBulletin({
  id: 'darien',
  title: 'Reception station opens in the Darién',
  published: '2021-04-10',
});
const TAPACHULA = makeBulletin({
  id: 'tapachula',
  title: 'Shelter capacity in Tapachula',
  published: '2021-03-02',
});
const CUCUTA = makeBulletin({ id: 'cucuta', title: 'Vaccination drive in Cúcuta', published: '2021-02-15' });
const LIMA = makeBulletin({ id: 'lima', title: 'Job fair for Venezuelans in Lima', published: '2021-01-20' });
const ARCHIVE = [DARIEN, TAPACHULA, CUCUTA, LIMA];

const sidebar = (window: Page) => window.getByRole('navigation', { name: 'Library' });
const viewButton = (window: Page, name: RegExp) => sidebar(window).getByRole('button', { name });
const notices = (window: Page) => window.getByRole('region', { name: 'Notifications' });
const row = (window: Page, title: string) => bulletinRows(window).filter({ hasText: title });

async function start(launch: (dir?: string) => Promise<App>, userDataDir: string) {
  await writeShards(userDataDir, ARCHIVE);
  const app = await launch();
  const window = await app.firstWindow();
  await expect(bulletinRows(window)).toHaveCount(ARCHIVE.length);
  return { app, window };
}

async function createCollection(window: Page, name: string): Promise<void> {
  await sidebar(window).getByRole('button', { name: 'New collection' }).click();
  await window.getByRole('textbox', { name: 'Name of the new collection' }).fill(name);
  await window.keyboard.press('Enter');
  await expect(viewButton(window, new RegExp(`^${name}, 0 bulletins`))).toBeVisible();
}

test('collections: made, filled from the reader and by dragging a row, counted, searched, sorted, renamed; kept after kill -9', async ({
  launch,
  userDataDir,
}) => {
  const { app, window } = await start(launch, userDataDir);

  // A name is checked before anything is made.
  await sidebar(window).getByRole('button', { name: 'New collection' }).click();
  await window.keyboard.press('Enter');
  await expect(window.getByRole('alert')).toHaveText('A collection needs a name.');
  await window.keyboard.press('Escape');
  await createCollection(window, 'Trip to the border');
  await sidebar(window).getByRole('button', { name: 'New collection' }).click();
  await window.getByRole('textbox', { name: 'Name of the new collection' }).fill('trip to THE border');
  await window.keyboard.press('Enter');
  await expect(window.getByRole('alert')).toHaveText(
    'There is already a collection called “Trip to the border”.',
  );
  await window.getByRole('button', { name: 'Cancel' }).click();

  // From the reading pane, with the keyboard reachable checkbox.
  await row(window, CUCUTA.title).click();
  const pane = readingPane(window);
  await pane.getByRole('button', { name: 'Collections' }).click();
  await pane.getByRole('checkbox', { name: 'Trip to the border' }).check();
  await expect(pane.getByRole('button', { name: 'In 1 collection' })).toBeVisible();

  // By dragging a row onto the collection in the sidebar.
  await row(window, LIMA.title).dragTo(viewButton(window, /^Trip to the border/));
  await expect(notices(window)).toContainText('Added 1 bulletin to “Trip to the border”.');
  await expect(viewButton(window, /^Trip to the border, 2 bulletins/)).toBeVisible();

  await viewButton(window, /^Trip to the border/).click();
  await expect(window.getByRole('heading', { name: 'Trip to the border' })).toBeVisible();
  // Newest added first by default; by publication when asked.
  await expect(bulletinRows(window)).toHaveText([new RegExp(LIMA.title), new RegExp(CUCUTA.title)]);
  await window.getByRole('combobox', { name: 'Order' }).selectOption('Date published');
  await expect(bulletinRows(window)).toHaveText([new RegExp(CUCUTA.title), new RegExp(LIMA.title)]);

  // Search within all bulletins by collection name.
  await viewButton(window, /^All bulletins/).click();
  await searchBox(window).fill('in:"trip to the border" vaccination');
  await expect(bulletinRows(window)).toHaveCount(1);
  await expect(bulletinRows(window).first()).toContainText(CUCUTA.title);
  await searchBox(window).fill('in:"No such trip"');
  await expect(
    window.getByText('“in:No such trip”: there is no collection by that name', { exact: false }),
  ).toBeVisible();
  await expect(bulletinRows(window)).toHaveCount(0);
  await searchBox(window).fill('');

  await chooseItemAction(window, 'Trip to the border', 'Rename…');
  await window.getByRole('textbox', { name: 'New name for “Trip to the border”' }).fill('Border trip');
  await window.keyboard.press('Enter');
  await expect(viewButton(window, /^Border trip, 2 bulletins/)).toBeVisible();

  const restarted = await killAndRestart(app, launch);
  await expect(viewButton(restarted, /^Border trip, 2 bulletins/)).toBeVisible();
  await viewButton(restarted, /^Border trip/).click();
  await expect(bulletinRows(restarted)).toHaveCount(2);
});

test('a selection goes into a collection from the bar and by dragging it, out of one from its view, and is deleted at once; kept after kill -9', async ({
  launch,
  userDataDir,
}) => {
  const { app, window } = await start(launch, userDataDir);
  await createCollection(window, 'For partners');
  await createCollection(window, 'Meeting');

  await row(window, DARIEN.title).locator('.row-check').click();
  await row(window, CUCUTA.title).locator('.row-check').click();
  const bar = window.getByRole('toolbar', { name: 'Selected bulletins' });
  await expect(bar).toContainText('2 selected');
  const choices = (await openMoreMenu(window)).getByRole('group', {
    name: 'Collections to add the selected bulletins to',
  });
  await expect(choices).toBeVisible();
  // Esc closes the menu and keeps the selection.
  await window.keyboard.press('Escape');
  await expect(choices).toHaveCount(0);
  await expect(bar).toContainText('2 selected');
  await chooseFromMore(window, 'For partners');
  await expect(notices(window)).toContainText('Added 2 bulletins to “For partners”.');
  await expect(viewButton(window, /^For partners, 2 bulletins/)).toBeVisible();

  // Dragging one row of the selection carries all of it.
  await row(window, TAPACHULA.title).locator('.row-check').click();
  await row(window, CUCUTA.title).dragTo(viewButton(window, /^Meeting/));
  await expect(viewButton(window, /^Meeting, 3 bulletins/)).toBeVisible();

  // In a collection's view the bar takes bulletins out of it, and Undo puts them back.
  await viewButton(window, /^Meeting/).click();
  await expect(bulletinRows(window)).toHaveCount(3);
  await row(window, TAPACHULA.title).locator('.row-check').click();
  await chooseFromMore(window, 'Remove from “Meeting”');
  await expect(notices(window)).toContainText('Removed 1 bulletin from “Meeting”.');
  await expect(bulletinRows(window)).toHaveCount(2);
  await notices(window).getByRole('button', { name: 'Undo' }).click();
  await expect(bulletinRows(window)).toHaveCount(3);

  // Deleting a selection asks first, once for all of them.
  await viewButton(window, /^All bulletins/).click();
  await row(window, LIMA.title).locator('.row-check').click();
  await row(window, TAPACHULA.title).locator('.row-check').click();
  await chooseFromMore(window, 'Delete…');
  const dialog = window.getByRole('dialog', { name: 'Delete 2 bulletins?' });
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(bulletinRows(window)).toHaveCount(ARCHIVE.length - 2);
  await expect(bar).toHaveCount(0);
  await expect(viewButton(window, /^Meeting, 2 bulletins/)).toBeVisible();

  const restarted = await killAndRestart(app, launch);
  await expect(viewButton(restarted, /^For partners, 2 bulletins/)).toBeVisible();
  await expect(bulletinRows(restarted)).toHaveCount(ARCHIVE.length - 2);
  await viewButton(restarted, /^Meeting/).click();
  await expect(bulletinRows(restarted)).toHaveCount(2);
});

test('deleting a collection can be undone with the button or Ctrl+Z', async ({ launch, userDataDir }) => {
  const { window } = await start(launch, userDataDir);
  await createCollection(window, 'Partners');
  await row(window, LIMA.title).dragTo(viewButton(window, /^Partners/));
  await expect(viewButton(window, /^Partners, 1 bulletin/)).toBeVisible();

  await chooseItemAction(window, 'Partners', 'Delete…');
  await expect(viewButton(window, /^Partners/)).toHaveCount(0);
  await notices(window).getByRole('button', { name: 'Undo' }).click();
  await expect(viewButton(window, /^Partners, 1 bulletin/)).toBeVisible();

  await chooseItemAction(window, 'Partners', 'Delete…');
  await expect(viewButton(window, /^Partners/)).toHaveCount(0);
  await bulletinList(window).focus();
  await window.keyboard.press('Control+z');
  await expect(viewButton(window, /^Partners, 1 bulletin/)).toBeVisible();
});

test('a note is saved as typed, shown in the list, found by search and is:noted; kept after kill -9', async ({
  launch,
  userDataDir,
}) => {
  const { app, window } = await start(launch, userDataDir);
  await row(window, TAPACHULA.title).click();
  const note = readingPane(window).getByRole('textbox', { name: 'Your note' });
  await note.click();
  await window.keyboard.type('Ask the kiosk about beds');
  await expect(readingPane(window).getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect(row(window, TAPACHULA.title).getByText('Has a note')).toBeAttached();

  const restarted = await killAndRestart(app, launch);
  await searchBox(restarted).fill('kiosk');
  await expect(bulletinRows(restarted)).toHaveCount(1);
  await expect(bulletinRows(restarted).first()).toContainText(TAPACHULA.title);
  await searchBox(restarted).fill('is:noted');
  await expect(bulletinRows(restarted)).toHaveCount(1);
  await bulletinRows(restarted).first().click();
  await expect(readingPane(restarted).getByRole('textbox', { name: 'Your note' })).toHaveValue(
    'Ask the kiosk about beds',
  );
});

test('a note typed then left by opening another bulletin is saved at once', async ({
  launch,
  userDataDir,
}) => {
  const { app, window } = await start(launch, userDataDir);
  await row(window, LIMA.title).click();
  await readingPane(window).getByRole('textbox', { name: 'Your note' }).fill('Job fair contact: Ana');
  // Leaving the bulletin flushes without waiting for the pause in typing.
  await row(window, DARIEN.title).click();
  await expect(row(window, LIMA.title).getByText('Has a note')).toBeAttached();
  const restarted = await killAndRestart(app, launch);
  await row(restarted, LIMA.title).click();
  await expect(readingPane(restarted).getByRole('textbox', { name: 'Your note' })).toHaveValue(
    'Job fair contact: Ana',
  );
});

test('a note typed just before quitting is saved (the window flushes it, main waits for the write)', async ({
  launch,
  userDataDir,
}) => {
  const { app, window } = await start(launch, userDataDir);
  await row(window, CUCUTA.title).click();
  await readingPane(window).getByRole('textbox', { name: 'Your note' }).fill('Vaccines: ask for 200 more');
  // Quit at once, well within the half second the note waits for more typing.
  await app.close();
  const restarted = await launch();
  const page = await restarted.firstWindow();
  await row(page, CUCUTA.title).click();
  await expect(readingPane(page).getByRole('textbox', { name: 'Your note' })).toHaveValue(
    'Vaccines: ask for 200 more',
  );
});

test('deleting a bulletin asks first, can be undone with Ctrl+Z, and stays deleted after kill -9', async ({
  launch,
  userDataDir,
}) => {
  const { app, window } = await start(launch, userDataDir);
  await row(window, CUCUTA.title).click();
  await window.keyboard.press('Delete');
  const dialog = window.getByRole('dialog', { name: 'Delete this bulletin?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(bulletinRows(window)).toHaveCount(4);
  await clickMenu(app, 'view-delete');
  await expect(dialog).toBeVisible();
  await window.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(bulletinRows(window)).toHaveCount(4);

  await readingPane(window).getByRole('button', { name: 'Delete…' }).click();
  await window.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(bulletinRows(window)).toHaveCount(3);
  await expect(viewButton(window, /^All bulletins, 3 bulletins/)).toBeVisible();
  await expect(notices(window)).toContainText('Bulletin deleted.');
  await bulletinList(window).focus();
  await window.keyboard.press('Control+z');
  await expect(bulletinRows(window)).toHaveCount(4);
  await expect(viewButton(window, /^All bulletins, 4 bulletins/)).toBeVisible();

  await row(window, CUCUTA.title).click();
  await readingPane(window).getByRole('button', { name: 'Delete…' }).click();
  await window.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(bulletinRows(window)).toHaveCount(3);
  const restarted = await killAndRestart(app, launch);
  await expect(bulletinRows(restarted)).toHaveCount(3);
  await searchBox(restarted).fill('Cúcuta');
  await expect(bulletinRows(restarted)).toHaveCount(0);
});

test('read marks: read after a few seconds open, unread with M, counts in the sidebar; kept after kill -9', async ({
  launch,
  userDataDir,
}) => {
  const { app, window } = await start(launch, userDataDir);
  await expect(viewButton(window, /^Unread, 4 bulletins/)).toBeVisible();
  await row(window, DARIEN.title).click();
  // Passing over a bulletin does not read it; staying on it does.
  await expect(readingPane(window).getByRole('button', { name: 'Mark read' })).toBeVisible();
  await expect(viewButton(window, /^Unread, 3 bulletins/)).toBeVisible({ timeout: 6000 });
  await expect(readingPane(window).getByRole('button', { name: 'Mark unread' })).toBeVisible();

  await window.keyboard.press('m');
  await expect(viewButton(window, /^Unread, 4 bulletins/)).toBeVisible();
  // Marked unread by hand: not marked read again behind the user's back.
  await window.waitForTimeout(3500);
  await expect(viewButton(window, /^Unread, 4 bulletins/)).toBeVisible();

  await readingPane(window).getByRole('button', { name: 'Mark read' }).click();
  await expect(viewButton(window, /^Unread, 3 bulletins/)).toBeVisible();
  await clickMenu(app, 'view-toggle-read');
  await expect(viewButton(window, /^Unread, 4 bulletins/)).toBeVisible();
  await clickMenu(app, 'view-toggle-read');
  await expect(viewButton(window, /^Unread, 3 bulletins/)).toBeVisible();
  const restarted = await killAndRestart(app, launch);
  await expect(viewButton(restarted, /^Unread, 3 bulletins/)).toBeVisible();
});

test('bookmarks: toggled from the menu, sorted by date bookmarked or published; kept after kill -9', async ({
  launch,
  userDataDir,
}) => {
  const { app, window } = await start(launch, userDataDir);
  await row(window, DARIEN.title).click();
  await clickMenu(app, 'view-toggle-bookmark');
  await expect(readingPane(window).getByRole('button', { name: 'Bookmark' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await row(window, LIMA.title).click();
  await window.keyboard.press('b');
  await expect(viewButton(window, /^Bookmarks, 2 bulletins/)).toBeVisible();

  // The row's own toggle, for the pointer: it bookmarks that row without opening it.
  await row(window, CUCUTA.title).hover();
  await row(window, CUCUTA.title).getByTitle('Bookmark', { exact: true }).click();
  await expect(viewButton(window, /^Bookmarks, 3 bulletins/)).toBeVisible();
  await expect(readingPane(window).getByRole('heading', { name: LIMA.title })).toBeVisible();
  await row(window, CUCUTA.title).getByTitle('Remove bookmark').click();
  await expect(viewButton(window, /^Bookmarks, 2 bulletins/)).toBeVisible();

  const restarted = await killAndRestart(app, launch);
  await viewButton(restarted, /^Bookmarks, 2 bulletins/).click();
  await expect(bulletinRows(restarted)).toHaveText([new RegExp(DARIEN.title), new RegExp(LIMA.title)]);
  await restarted.getByRole('combobox', { name: 'Order' }).selectOption('Date bookmarked');
  await expect(bulletinRows(restarted)).toHaveText([new RegExp(LIMA.title), new RegExp(DARIEN.title)]);
});

test('nothing the user made is dropped: a corrected re-import and a feed that no longer lists a bulletin keep marks, notes and collections', async ({
  launch,
  userDataDir,
}, testInfo) => {
  const file = testInfo.outputPath('corrected.json');
  await writeShards(userDataDir, ARCHIVE);
  const app = await launch({ dialogs: { open: [[file]] } });
  const page = await app.firstWindow();
  await expect(bulletinRows(page)).toHaveCount(ARCHIVE.length);
  await page.evaluate(async () => {
    const bridge = window.bulletins;
    const trip = await bridge.createCollection('Follow up');
    await bridge.addToCollection(trip.id, ['darien', 'tapachula']);
    await bridge.toggleBookmark('darien');
    await bridge.toggleBookmark('tapachula');
    await bridge.setNote('darien', 'Check the corrected figures');
  });
  // The source corrects the Darién bulletin and no longer lists Tapachula.
  const corrected = {
    ...DARIEN,
    title: 'Reception station opens in the Darién (corrected)',
    contentHash: 'v2',
  };
  const fresh = makeBulletin({ id: 'quito', title: 'New office in Quito', published: '2021-05-01' });
  await writeFile(
    file,
    JSON.stringify({
      format: 'bulletin-reader/bulletins',
      schemaVersion: 1,
      title: 'Feed',
      bulletins: [corrected, fresh],
    }),
  );
  await clickMenu(app, 'file-import');
  await expect(row(page, 'New office in Quito')).toBeVisible();

  await expect(row(page, corrected.title)).toBeVisible();
  await expect(row(page, TAPACHULA.title)).toBeVisible();
  await expect(viewButton(page, /^Bookmarks, 2 bulletins/)).toBeVisible();
  await expect(viewButton(page, /^Follow up, 2 bulletins/)).toBeVisible();
  await row(page, corrected.title).click();
  await expect(readingPane(page).getByRole('textbox', { name: 'Your note' })).toHaveValue(
    'Check the corrected figures',
  );
});
