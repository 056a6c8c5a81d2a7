import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { makeBulletin, writeShards } from './support/archive';
import { bulletinRows, chooseItemAction, clickMenu, killAndRestart, searchBox } from './support/ui';

/**
 * Issue 19: following a topic for months. A search saved under a name is in the sidebar with its
 * count; after an import, the matches new since it was last opened; it survives a kill -9 right
 * after saving and a restart; renamed, deleted and brought back with Undo.
 */

const savedSearches = (page: Page) => page.getByRole('list', { name: 'Saved searches' });
const notifications = (page: Page) => page.getByRole('region', { name: 'Notifications' });

test('a saved search counts its new matches after an import, across restarts; rename, delete and undo', async ({
  launch,
}, testInfo) => {
  // Four launches (one after a kill -9) and an import.
  test.setTimeout(180_000);
  const folder = testInfo.outputPath('laptop');
  await writeShards(folder, [
    makeBulletin({ id: 't1', title: 'Tapachula shelter full', published: '2026-10-02' }),
    makeBulletin({ id: 't2', title: 'Queues in Tapachula', published: '2026-10-03' }),
    makeBulletin({ id: 'd1', title: 'Darién crossing', published: '2026-10-04' }),
  ]);
  const feed = testInfo.outputPath('new.json');
  await writeFile(
    feed,
    JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Field office',
      items: [
        {
          id: 'https://example.org/t3',
          title: 'Tapachula: a new reception centre',
          content_text: 'Opened on Monday.',
          date_published: '2026-11-05T00:00:00Z',
        },
      ],
    }),
  );
  const start = () => launch({ userDataDir: folder, dialogs: { open: [[feed]] } });
  let app = await start();
  let page = await app.firstWindow();
  await expect(bulletinRows(page)).toHaveCount(3);

  // Save the search from the button by the search box.
  await searchBox(page).fill('tapachula');
  await expect(bulletinRows(page)).toHaveCount(2);
  await page.getByRole('button', { name: 'Save search…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save this search' });
  await dialog.getByRole('textbox', { name: 'Name of the saved search' }).fill('Tapachula watch');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const watch = savedSearches(page).getByRole('button', { name: /^Tapachula watch,/ });
  await expect(watch).toHaveAccessibleName('Tapachula watch, 2 bulletins, 0 new since last opened');
  // The list shows exactly this saved search: it is marked as the current one.
  await expect(watch).toHaveAttribute('aria-current', 'page');

  // Killed right after saving: the saved search is on disk.
  page = await killAndRestart(app, async () => (app = await start()));
  const afterKill = savedSearches(page).getByRole('button', { name: /^Tapachula watch,/ });
  await expect(afterKill).toHaveAccessibleName('Tapachula watch, 2 bulletins, 0 new since last opened');

  // A new matching bulletin arrives: counted as new, also after a restart.
  await clickMenu(app, 'file-import');
  await expect(afterKill).toHaveAccessibleName('Tapachula watch, 3 bulletins, 1 new since last opened');
  await expect(afterKill).toContainText('1 new');
  await app.close();
  app = await start();
  page = await app.firstWindow();
  const restarted = savedSearches(page).getByRole('button', { name: /^Tapachula watch,/ });
  await expect(restarted).toHaveAccessibleName('Tapachula watch, 3 bulletins, 1 new since last opened');

  // Opened: the search is back in the box with its results, and nothing is new any more.
  await restarted.click();
  await expect(searchBox(page)).toHaveValue('tapachula');
  await expect(bulletinRows(page)).toHaveCount(3);
  await expect(restarted).toHaveAccessibleName('Tapachula watch, 3 bulletins, 0 new since last opened');

  // Rename (by keyboard: its context menu, Shift+F10).
  await restarted.focus();
  await restarted.press('Shift+F10');
  await expect(page.getByRole('menuitem', { name: 'Rename…' })).toBeFocused();
  await page.keyboard.press('Enter');
  const renameField = page.getByRole('textbox', { name: 'New name for “Tapachula watch”' });
  await renameField.fill('Tapachula route');
  await renameField.press('Enter');
  const renamed = savedSearches(page).getByRole('button', { name: /^Tapachula route,/ });
  await expect(renamed).toBeFocused();
  // A search naming it with in: finds its matches.
  await searchBox(page).fill('in:"tapachula route" reception');
  await expect(bulletinRows(page)).toHaveCount(1);

  // Delete, then Undo: it comes back as it was.
  await chooseItemAction(page, 'Tapachula route', 'Delete…');
  await expect(savedSearches(page)).toBeHidden();
  await notifications(page).getByRole('button', { name: 'Undo' }).click();
  await expect(renamed).toHaveAccessibleName('Tapachula route, 3 bulletins, 0 new since last opened');
  await app.close();
  app = await start();
  page = await app.firstWindow();
  await expect(savedSearches(page).getByRole('button', { name: /^Tapachula route,/ })).toBeVisible();
});

test('Edit › Save Search… with nothing searched says what to do; a taken name is refused by the field', async ({
  launch,
}, testInfo) => {
  const folder = testInfo.outputPath('laptop');
  await writeShards(folder, [
    makeBulletin({ id: 't1', title: 'Tapachula shelter full', published: '2026-10-02' }),
  ]);
  const app = await launch({ userDataDir: folder });
  const page = await app.firstWindow();
  await expect(bulletinRows(page)).toHaveCount(1);
  await clickMenu(app, 'edit-save-search');
  await expect(notifications(page)).toContainText('Type a search or choose a filter first, then save it.');

  await page.evaluate(() => window.bulletins.createCollection('Border'));
  await searchBox(page).fill('tapachula');
  // At once, while the list still waits for typing to pause: what the box says is what is saved.
  await clickMenu(app, 'edit-save-search');
  const dialog = page.getByRole('dialog', { name: 'Save this search' });
  const name = dialog.getByRole('textbox', { name: 'Name of the saved search' });
  await expect(name).toBeFocused();
  await name.fill('border');
  await name.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText(
    'There is already a saved search or collection called “border”.',
  );
  await expect(name).toHaveValue('border');
  await name.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(savedSearches(page)).toBeHidden();
});
