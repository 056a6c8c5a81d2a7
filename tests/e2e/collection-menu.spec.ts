import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { makeBulletin, writeShards } from './support/archive';
import { bulletinRows, chooseItemAction, sidebarButton } from './support/ui';

// A collection's actions live in one menu beside it ("⋯", or its context menu by keyboard):
// rename, keep offline (every bulletin, through the keep queue), export, share, delete.

const ARCHIVE = [
  makeBulletin({ id: 'darien', title: 'Crossings through the Darién', published: '2021-03-01' }),
  makeBulletin({ id: 'tapachula', title: 'Shelter capacity in Tapachula', published: '2021-02-20' }),
  makeBulletin({ id: 'lima', title: 'Job fair for Venezuelans in Lima', published: '2021-01-20' }),
];

const sidebar = (window: Page) => window.getByRole('navigation', { name: 'Library' });
const menuOf = (window: Page, name: string) => window.getByRole('menu', { name: `Actions for “${name}”` });

test("a collection's menu: by keyboard and pointer, named, inside the sidebar; keeps and exports all its bulletins", async ({
  launch,
  userDataDir,
}) => {
  await writeShards(userDataDir, ARCHIVE);
  const window = await (await launch()).firstWindow();
  await window.setViewportSize({ width: 1366, height: 768 });
  await expect(bulletinRows(window)).toHaveCount(ARCHIVE.length);
  await sidebar(window).getByRole('button', { name: 'New collection' }).click();
  await window.getByRole('textbox', { name: 'Name of the new collection' }).fill('Darién route, second trip');
  await window.keyboard.press('Enter');
  const collection = sidebar(window).getByRole('button', { name: /^Darién route, second trip,/ });
  await expect(collection).toHaveAccessibleName(/, 0 bulletins/);

  // Empty, it has nothing to keep or export: those items are there, and disabled.
  await chooseItemActionOpen(window, 'Darién route, second trip');
  const menu = menuOf(window, 'Darién route, second trip');
  await expect(menu.getByRole('menuitem')).toHaveText([
    'Rename…',
    'Keep offline',
    'Export…',
    'Share with a colleague…',
    'Delete…',
  ]);
  await expect(menu.getByRole('menuitem', { name: 'Keep offline' })).toBeDisabled();
  // Inside the window, over the list beside the sidebar; the row keeps one button for it all.
  await window.screenshot({ path: test.info().outputPath('collection-menu.png') });
  const menuBox = await menu.boundingBox();
  if (!menuBox) throw new Error('the menu has no box');
  expect(menuBox.x).toBeGreaterThanOrEqual(0);
  expect(menuBox.x + menuBox.width).toBeLessThanOrEqual(1366);
  // Esc closes it and gives the focus back to its button.
  await window.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(window.getByRole('button', { name: 'Actions for “Darién route, second trip”' })).toBeFocused();

  // Two bulletins in (dragged rows).
  for (const title of ['Crossings through the Darién', 'Shelter capacity in Tapachula'])
    await bulletinRows(window).filter({ hasText: title }).dragTo(collection);
  await expect(collection).toHaveAccessibleName(/, 2 bulletins/);

  // By keyboard, from the collection itself: its context menu (Shift+F10), arrows, Enter.
  await collection.focus();
  await collection.press('Shift+F10');
  await expect(menu.getByRole('menuitem', { name: 'Rename…' })).toBeFocused();
  await window.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Keep offline' })).toBeFocused();
  await window.keyboard.press('Enter');
  await expect(window.getByRole('region', { name: 'Notifications' })).toContainText(
    'Keeping 2 bulletins offline',
  );

  // Export…: the export dialog, for the collection's two bulletins, titled by its name.
  await chooseItemAction(window, 'Darién route, second trip', 'Export…');
  const dialog = window.getByRole('dialog', { name: 'Export bulletins' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('2 bulletins');
  await expect(dialog.getByRole('textbox', { name: 'Title' })).toHaveValue('Darién route, second trip');
});

/** Opens an item's menu with its "⋯" button. */
async function chooseItemActionOpen(window: Page, name: string): Promise<void> {
  await window.getByRole('button', { name: `Actions for “${name}”` }).click();
  await expect(menuOf(window, name)).toBeVisible();
}

test("an item's menu at the sidebar's bottom opens above its button, inside the window, at 1024×640", async ({
  launch,
  userDataDir,
}) => {
  await writeShards(userDataDir, ARCHIVE);
  const page = await (await launch()).firstWindow();
  await page.setViewportSize({ width: 1024, height: 640 });
  await expect(bulletinRows(page)).toHaveCount(ARCHIVE.length);
  // Enough collections that the sidebar scrolls.
  const names = Array.from({ length: 14 }, (_, index) => `Field trip ${index + 1}`);
  await page.evaluate(async (all) => {
    for (const name of all) await window.bulletins.createCollection(name);
  }, names);
  await sidebarButton(page).click();
  const last = names.at(-1) ?? '';
  const opener = page.getByRole('button', { name: `Actions for “${last}”` });
  // Scrolled to the sidebar's bottom edge, where a menu hung under it has no room.
  await opener.evaluate((element) => element.scrollIntoView({ block: 'end' }));
  const panel = page.locator('.sidebar');
  const scrollable = () => panel.evaluate((element) => element.scrollHeight);
  const before = await scrollable();
  expect(before).toBeGreaterThan(640);

  // By keyboard: the button, Down; the menu takes the focus on its first item.
  await opener.focus();
  await page.keyboard.press('ArrowDown');
  const menu = menuOf(page, last);
  await expect(menu.getByRole('menuitem', { name: 'Rename…' })).toBeFocused();
  const menuBox = await menu.boundingBox();
  const buttonBox = await opener.boundingBox();
  if (!menuBox || !buttonBox) throw new Error('the menu or its button has no box');
  // Seen whole, above its button, and the sidebar's scroll not lengthened by it.
  expect(menuBox.y).toBeGreaterThanOrEqual(0);
  expect(menuBox.y + menuBox.height).toBeLessThanOrEqual(buttonBox.y);
  expect(await scrollable()).toBe(before);
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(opener).toBeFocused();
});
