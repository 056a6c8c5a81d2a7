import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import type { Bulletin } from '../../preload/contract';
import { expect, test, type App } from './fixtures';
import { makeBulletin, writeShards } from './support/archive';
import { pdfText, withoutSpaces } from './support/pdf';
import {
  bulletinList,
  bulletinRows,
  bulkActionOffered,
  chooseBulkAction,
  chooseFromMore,
  clickMenu,
  readingPane,
  searchBox,
  selectionBar,
} from './support/ui';

// Selecting rows (checkbox, Shift/Ctrl-click, x, Shift+j/k, select all) and acting on them at once.

const notices = (page: Page) => page.getByRole('region', { name: 'Notifications' });
const viewButton = (page: Page, name: string) => page.getByRole('button', { name: new RegExp(`^${name}`) });
const checkbox = (row: Locator) => row.locator('.row-check');

/** Which rows (by position) are selected, as aria-selected tells a screen reader. */
async function selectedPositions(page: Page): Promise<number[]> {
  const flags = await bulletinRows(page).evaluateAll((rows) =>
    rows.map((row) => row.getAttribute('aria-selected') === 'true'),
  );
  return flags.flatMap((selected, index) => (selected ? [index] : []));
}

/** `count` bulletins, one a day (newest is number 1), all mentioning reception. */
function archive(count: number): Bulletin[] {
  return Array.from({ length: count }, (_, index) => {
    const number = String(index + 1).padStart(3, '0');
    const day = new Date(Date.UTC(2024, 0, 1) - index * 86_400_000).toISOString().slice(0, 10);
    return makeBulletin({
      id: `b${number}`,
      title: `Bulletin ${number} on reception centres`,
      summary: `Arrivals at reception centres, report ${number}.`,
      published: day,
    });
  });
}

test('checkbox, Ctrl-click and Shift-click select rows; opening a row does not select it', async ({
  window: page,
}) => {
  await expect(bulletinRows(page)).toHaveCount(10);
  await expect(bulletinList(page)).toHaveAttribute('aria-multiselectable', 'true');
  await expect(selectionBar(page)).toHaveCount(0);

  await checkbox(bulletinRows(page).nth(0)).click();
  expect(await selectedPositions(page)).toEqual([0]);
  await expect(selectionBar(page)).toContainText('1 selected');
  // Ticking is not opening: the reading pane still shows nothing.
  await expect(bulletinRows(page).nth(0)).not.toHaveAttribute('aria-current', 'true');

  await bulletinRows(page)
    .nth(2)
    .click({ modifiers: ['ControlOrMeta'] });
  await bulletinRows(page)
    .nth(5)
    .click({ modifiers: ['Shift'] });
  expect(await selectedPositions(page)).toEqual([0, 2, 3, 4, 5]);
  await expect(selectionBar(page)).toContainText('5 selected');

  // A plain click opens the row and leaves the selection alone.
  const title = (await bulletinRows(page).nth(7).locator('.row-title').textContent()) ?? '';
  await bulletinRows(page).nth(7).click();
  await expect(bulletinRows(page).nth(7)).toHaveAttribute('aria-current', 'true');
  await expect(readingPane(page).getByRole('heading', { level: 2 })).toHaveText(title);
  expect(await selectedPositions(page)).toEqual([0, 2, 3, 4, 5]);

  // Ctrl-click again removes a row; the checkbox too.
  await bulletinRows(page)
    .nth(3)
    .click({ modifiers: ['ControlOrMeta'] });
  await checkbox(bulletinRows(page).nth(0)).click();
  expect(await selectedPositions(page)).toEqual([2, 4, 5]);

  await selectionBar(page).getByRole('button', { name: 'Clear selection' }).click();
  await expect(selectionBar(page)).toHaveCount(0);
  expect(await selectedPositions(page)).toEqual([]);
});

test('the keyboard selects: x toggles, Shift+j/k and Shift+arrows extend, Ctrl+A takes all, Esc clears', async ({
  window: page,
}) => {
  await expect(bulletinRows(page)).toHaveCount(10);
  await bulletinList(page).focus();
  await page.keyboard.press('x');
  expect(await selectedPositions(page)).toEqual([0]);
  await page.keyboard.press('Shift+J');
  await page.keyboard.press('Shift+J');
  expect(await selectedPositions(page)).toEqual([0, 1, 2]);
  await page.keyboard.press('Shift+ArrowDown');
  expect(await selectedPositions(page)).toEqual([0, 1, 2, 3]);
  await page.keyboard.press('Shift+K');
  await page.keyboard.press('Shift+ArrowUp');
  expect(await selectedPositions(page)).toEqual([0, 1]);
  await expect(selectionBar(page)).toContainText('2 selected');

  // Moving on without Shift starts the next range where the move ended.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  expect(await selectedPositions(page)).toEqual([0, 1, 5, 6]);
  await page.keyboard.press('x');
  expect(await selectedPositions(page)).toEqual([0, 1, 5]);

  await page.keyboard.press('ControlOrMeta+A');
  await expect(selectionBar(page)).toContainText('10 selected');
  await page.keyboard.press('Escape');
  await expect(selectionBar(page)).toHaveCount(0);
  expect(await selectedPositions(page)).toEqual([]);
  await expect(bulletinList(page)).toBeFocused();
});

test('a new search or another view starts with nothing selected', async ({ window: page }) => {
  await expect(bulletinRows(page)).toHaveCount(10);
  await checkbox(bulletinRows(page).nth(1)).click();
  await expect(selectionBar(page)).toContainText('1 selected');
  await viewButton(page, 'Unread').click();
  await expect(selectionBar(page)).toHaveCount(0);
  await viewButton(page, 'All bulletins').click();
  await checkbox(bulletinRows(page).nth(1)).click();
  await expect(selectionBar(page)).toContainText('1 selected');
  await searchBox(page).fill('Honduras');
  await expect(bulletinRows(page)).not.toHaveCount(10);
  await expect(selectionBar(page)).toHaveCount(0);
});

test('select all in search results covers those beyond the rows sent; bulk bookmark survives a restart', async ({
  launch,
  userDataDir,
}) => {
  await writeShards(userDataDir, archive(300));
  const first = await launch();
  let page = await first.firstWindow();
  await expect(viewButton(page, 'All bulletins')).toHaveAccessibleName('All bulletins, 300 bulletins');
  await searchBox(page).fill('reception');
  await expect(page.getByText('300 results', { exact: true })).toBeVisible();
  // Search sends the first 200 rows only.
  await expect(bulletinList(page)).toHaveAttribute('aria-busy', 'false');
  await bulletinList(page).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await expect(selectionBar(page)).toContainText('300 selected');

  await chooseBulkAction(page, 'Bookmark');
  await expect(notices(page)).toContainText('Bookmarked 300 bulletins.');
  await expect(viewButton(page, 'Bookmarks')).toHaveAccessibleName('Bookmarks, 300 bulletins');
  await first.close();

  const second = await launch();
  page = await second.firstWindow();
  await expect(viewButton(page, 'Bookmarks')).toHaveAccessibleName('Bookmarks, 300 bulletins');
  await viewButton(page, 'Bookmarks').click();
  await expect(page.getByText('300 bulletins', { exact: true })).toBeVisible();

  // In the Bookmarks view, "Select all" from the bar (or Edit > Select All Bulletins), then remove
  // them all: the view empties.
  await checkbox(bulletinRows(page).first()).click();
  await chooseFromMore(page, 'Select all 300');
  await expect(selectionBar(page)).toContainText('300 selected');
  await selectionBar(page).getByRole('button', { name: 'Clear selection' }).click();
  await clickMenu(second, 'edit-select-all-bulletins');
  await expect(selectionBar(page)).toContainText('300 selected');
  await chooseBulkAction(page, 'Remove bookmark');
  await expect(viewButton(page, 'Bookmarks')).toHaveAccessibleName('Bookmarks, 0 bulletins');
  await expect(bulletinRows(page)).toHaveCount(0);
  await expect(selectionBar(page)).toHaveCount(0);
});

test('bulk mark read lowers the unread count and is on disk when the app is killed right after', async ({
  launch,
  userDataDir,
}) => {
  await writeShards(userDataDir, archive(20));
  const first = await launch();
  let page = await first.firstWindow();
  await expect(viewButton(page, 'Unread')).toHaveAccessibleName('Unread, 20 bulletins');
  await checkbox(bulletinRows(page).nth(0)).click();
  await bulletinRows(page)
    .nth(3)
    .click({ modifiers: ['Shift'] });
  await chooseBulkAction(page, 'Mark read');
  await expect(viewButton(page, 'Unread')).toHaveAccessibleName('Unread, 16 bulletins');
  // Every selected row is read now: the bar offers the opposite.
  await expect.poll(() => bulkActionOffered(page, 'Mark unread')).toBe(true);
  first.process().kill('SIGKILL');
  await new Promise((resolve) => first.process().once('exit', resolve));

  const second = await launch();
  page = await second.firstWindow();
  await expect(viewButton(page, 'Unread')).toHaveAccessibleName('Unread, 16 bulletins');
  await viewButton(page, 'Unread').click();
  await expect(bulletinRows(page).first()).toContainText('Bulletin 005');
});

test('View > Mark All as Read marks the whole view read, and Undo brings it back', async ({
  launch,
  userDataDir,
}) => {
  await writeShards(userDataDir, archive(260));
  const app = await launch();
  const page = await app.firstWindow();
  await expect(viewButton(page, 'Unread')).toHaveAccessibleName('Unread, 260 bulletins');
  await clickMenu(app, 'view-mark-all-read');
  await expect(notices(page)).toContainText('Marked 260 bulletins read.');
  await expect(viewButton(page, 'Unread')).toHaveAccessibleName('Unread, 0 bulletins');
  await notices(page).getByRole('button', { name: 'Undo' }).click();
  await expect(viewButton(page, 'Unread')).toHaveAccessibleName('Unread, 260 bulletins');

  // The list header's button does the same for what a search found only (here, all but December's 31
  // and New Year's Day: more results than the 200 rows a search sends).
  await searchBox(page).fill('before:2023-12-01');
  await expect(page.getByText('228 results', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Mark all read' }).click();
  await expect(notices(page)).toContainText('Marked 228 bulletins read.');
  await expect(viewButton(page, 'Unread')).toHaveAccessibleName('Unread, 32 bulletins');
});

test('a dragged row carries its id, a dragged selected row the whole selection', async ({ window: page }) => {
  await expect(bulletinRows(page)).toHaveCount(10);
  const dragged = (row: Locator) =>
    row.evaluate((element) => {
      const data = new DataTransfer();
      element.dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer: data }));
      return JSON.parse(data.getData('application/x-bulletin-ids')) as string[];
    });
  const idsOf = (positions: number[]) =>
    page.evaluate(async (at) => {
      const { rows } = await window.bulletins.list({ view: 'all' });
      return at.map((index) => rows[index]?.id);
    }, positions);

  expect(await dragged(bulletinRows(page).nth(4))).toEqual(await idsOf([4]));
  await checkbox(bulletinRows(page).nth(1)).click();
  await checkbox(bulletinRows(page).nth(6)).click();
  await checkbox(bulletinRows(page).nth(3)).click();
  // In the list's order, whatever order they were ticked in.
  expect(await dragged(bulletinRows(page).nth(6))).toEqual(await idsOf([1, 3, 6]));
  expect(await dragged(bulletinRows(page).nth(4))).toEqual(await idsOf([4]));
});

test.describe('exporting a selection', () => {
  test('to JSON: exactly the selected bulletins, in the list order', async ({ launch }, testInfo) => {
    const file = testInfo.outputPath('selection.json');
    const app = await launch({ dialogs: { save: [file] } });
    const page = await app.firstWindow();
    await expect(bulletinRows(page)).toHaveCount(10);
    for (const index of [7, 2, 4]) await checkbox(bulletinRows(page).nth(index)).click();
    const expected = await page.evaluate(async () => {
      const { rows } = await window.bulletins.list({ view: 'all' });
      return [2, 4, 7].map((index) => rows[index]?.id);
    });

    await chooseFromMore(page, 'Export…');
    const dialog = page.getByRole('dialog', { name: 'Export bulletins' });
    await expect(dialog).toContainText('3 bulletins from 3 selected bulletins');
    // Esc closes the dialog and keeps the selection it was opened for.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(selectionBar(page)).toContainText('3 selected');
    await chooseFromMore(page, 'Export…');
    await expect(dialog.getByRole('textbox', { name: 'Title' })).toHaveValue('3 selected bulletins');
    await dialog.getByRole('combobox', { name: 'Format' }).selectOption('json');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(notices(page)).toContainText('Exported 3 bulletins to selection.json.');
    const json = JSON.parse(await readFile(file, 'utf8')) as { bulletins: Bulletin[] };
    expect(json.bulletins.map((bulletin) => bulletin.id)).toEqual(expected);
  });

  test('File > Export… with a selection makes a PDF of those bulletins only', async ({
    launch,
    userDataDir,
  }, testInfo) => {
    await writeShards(userDataDir, archive(12));
    const file = testInfo.outputPath('picked.pdf');
    const app = await launch({ dialogs: { save: [file] } });
    const page = await app.firstWindow();
    await expect(bulletinRows(page)).toHaveCount(12);
    await checkbox(bulletinRows(page).nth(1)).click();
    await bulletinRows(page)
      .nth(10)
      .click({ modifiers: ['ControlOrMeta'] });

    await clickMenu(app, 'file-export');
    const dialog = page.getByRole('dialog', { name: 'Export bulletins' });
    await expect(dialog.getByRole('textbox', { name: 'Title' })).toHaveValue('2 selected bulletins');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(notices(page)).toContainText('Exported 2 bulletins to picked.pdf.');
    const text = withoutSpaces(await pdfText(file));
    const titles = archive(12).map((bulletin) => withoutSpaces(bulletin.title));
    expect(titles.filter((title) => text.includes(title))).toEqual([titles[1], titles[10]]);
  });
});

test.describe('exporting what the list shows', () => {
  const exportJson = async (app: App, page: Page, name: string) => {
    await clickMenu(app, 'file-export');
    const dialog = page.getByRole('dialog', { name: 'Export bulletins' });
    await dialog.getByRole('combobox', { name: 'Format' }).selectOption('json');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(notices(page)).toContainText(`to ${name}.`);
  };

  test('a search covers every result (not only the rows loaded), with its facets and order; a collection all its bulletins', async ({
    launch,
    userDataDir,
  }, testInfo) => {
    const bulletins = archive(260);
    await writeShards(userDataDir, bulletins);
    const [searched, faceted, collected] = ['search.json', 'faceted.json', 'collection.json'].map((name) =>
      testInfo.outputPath(name),
    ) as [string, string, string];
    const app = await launch({ dialogs: { save: [searched, faceted, collected] } });
    const page = await app.firstWindow();
    const idsIn = async (file: string) =>
      (JSON.parse(await readFile(file, 'utf8')) as { bulletins: Bulletin[] }).bulletins.map(({ id }) => id);

    await searchBox(page).fill('reception');
    await expect(page.getByText('260 results', { exact: true })).toBeVisible();
    await exportJson(app, page, 'search.json');
    // Every bulletin matches equally, so recency orders them: the newest first, as listed.
    expect(await idsIn(searched)).toEqual(bulletins.map(({ id }) => id));

    await page.getByRole('button', { name: /^2023/ }).click();
    await expect(page.getByText('259 results', { exact: true })).toBeVisible();
    await exportJson(app, page, 'faceted.json');
    expect(await idsIn(faceted)).toEqual(bulletins.slice(1).map(({ id }) => id));

    await page.evaluate(
      async (ids) => {
        const { id } = await window.bulletins.createCollection('Everything');
        await window.bulletins.addToCollection(id, ids);
      },
      bulletins.map(({ id }) => id),
    );
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await searchBox(page).fill('');
    await page
      .getByRole('navigation', { name: 'Library' })
      .getByRole('button', { name: /^Everything/ })
      .click();
    await expect(page.getByRole('heading', { name: 'Everything' })).toBeVisible();
    await expect(page.getByText('260 bulletins', { exact: true })).toBeVisible();
    await exportJson(app, page, 'collection.json');
    expect((await idsIn(collected)).toSorted()).toEqual(bulletins.map(({ id }) => id).toSorted());
  });
});
