import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './support/axe';
import { bulletinRows, clickMenu, readingPane, searchBox, selectionBar } from './support/ui';

// axe-core over every view and state a user meets, in light, dark and right to left: zero
// violations. Each state is checked as it is on screen (dialogs open, menus unfolded).

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const notices = (page: Page) => page.getByRole('region', { name: 'Notifications' });

test.beforeEach(() => test.setTimeout(180_000));

test('list, reader, search with facets and help, a search with no result: no axe violation', async ({
  window,
}) => {
  await window.setViewportSize({ width: 1280, height: 720 });
  await expect(bulletinRows(window).first()).toBeVisible();
  await expectNoAxeViolations(window, 'the list');

  await bulletinRows(window).first().click();
  await expect(readingPane(window).getByRole('heading', { level: 2 })).toBeVisible();
  await expectNoAxeViolations(window, 'the reader');

  await searchBox(window).fill('migration');
  await expect(window.getByRole('region', { name: 'Narrow the results' })).toBeVisible();
  await expectNoAxeViolations(window, 'search results with facets');

  await window.getByRole('button', { name: 'Search help' }).click();
  await expect(window.getByRole('dialog', { name: 'How to search' })).toBeVisible();
  await expectNoAxeViolations(window, 'the search help');
  await window.keyboard.press('Escape');

  await searchBox(window).fill('zzqxnothingmatches');
  await expect(bulletinRows(window)).toHaveCount(0);
  await expectNoAxeViolations(window, 'a search with no result');
});

test('selection bar, add to collection, collections, delete and its notice, empty Bookmarks: no axe violation', async ({
  window,
}) => {
  await window.setViewportSize({ width: 1280, height: 720 });
  await bulletinRows(window).nth(0).locator('.row-check').click();
  await bulletinRows(window).nth(2).locator('.row-check').click();
  await expect(selectionBar(window)).toContainText('2 selected');
  await expectNoAxeViolations(window, 'the selection bar');

  await sidebar(window).getByRole('button', { name: 'New collection' }).click();
  await window.getByRole('textbox', { name: 'Name of the new collection' }).fill('Border trip');
  await expectNoAxeViolations(window, 'naming a new collection');
  await window.keyboard.press('Enter');
  await expect(sidebar(window).getByRole('button', { name: /^Border trip, 0 bulletins/ })).toBeVisible();

  // The More… menu by keyboard: it opens on its first item; End reaches the last collection.
  await selectionBar(window).getByRole('button', { name: 'More…' }).focus();
  await window.keyboard.press('Enter');
  const menu = selectionBar(window).getByRole('menu', { name: 'More…' });
  // (Its first item is Bookmark when the marks had no room in the bar, else Select all.)
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await expectNoAxeViolations(window, 'the More… menu');
  await window.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: 'Border trip' })).toBeFocused();
  await window.keyboard.press('Enter');
  await expect(menu).toHaveCount(0);
  await expect(notices(window)).toContainText('Added 2 bulletins');
  await expectNoAxeViolations(window, 'a notice');

  await sidebar(window)
    .getByRole('button', { name: /^Border trip, 2 bulletins/ })
    .click();
  await expect(bulletinRows(window)).toHaveCount(2);
  await expectNoAxeViolations(window, "a collection's view");

  await bulletinRows(window).first().click();
  await readingPane(window).getByRole('button', { name: 'Delete…' }).click();
  await expect(window.getByRole('dialog')).toBeVisible();
  await expectNoAxeViolations(window, 'the delete confirmation');
  await window.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(notices(window)).toContainText('Bulletin deleted.');
  await expectNoAxeViolations(window, 'the undo notice');

  await sidebar(window)
    .getByRole('button', { name: /^Bookmarks/ })
    .click();
  await expect(bulletinRows(window)).toHaveCount(0);
  await expectNoAxeViolations(window, 'the empty Bookmarks view');
});

test('Settings, Export and the keyboard shortcuts (? and Help): no axe violation', async ({
  app,
  window,
}) => {
  await window.setViewportSize({ width: 1280, height: 720 });
  await expect(bulletinRows(window).first()).toBeVisible();
  await clickMenu(app, 'file-settings');
  await expect(window.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  await expectNoAxeViolations(window, 'Settings');
  await window.keyboard.press('Escape');

  await clickMenu(app, 'file-export');
  await expect(window.getByRole('dialog', { name: 'Export bulletins' })).toBeVisible();
  await expectNoAxeViolations(window, 'Export');
  await window.keyboard.press('Escape');

  // The shortcut reference: `?` outside a text field (inside one it is a question mark), or Help.
  const reference = window.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await searchBox(window).press('?');
  await expect(searchBox(window)).toHaveValue('?');
  await expect(reference).toHaveCount(0);
  await searchBox(window).fill('');
  await bulletinRows(window).first().click();
  await window.keyboard.press('?');
  await expect(reference).toBeVisible();
  await expect(reference).toContainText('Tick the row');
  await expectNoAxeViolations(window, 'the keyboard shortcuts');
  await window.keyboard.press('Escape');
  await expect(reference).toHaveCount(0);
  await clickMenu(app, 'help-shortcuts');
  await expect(reference).toBeVisible();
});

test('dark: list, reader, search: no axe violation', async ({ launch }) => {
  const window = await (await launch()).firstWindow();
  await window.emulateMedia({ colorScheme: 'dark' });
  await window.setViewportSize({ width: 1280, height: 720 });
  await expect(bulletinRows(window).first()).toBeVisible();
  await bulletinRows(window).first().click();
  await expectNoAxeViolations(window, 'dark: the reader');
  await searchBox(window).fill('migration');
  await expect(window.locator('mark').first()).toBeVisible();
  await expectNoAxeViolations(window, 'dark: search results');
  await window.setViewportSize({ width: 1024, height: 640 });
  await window.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Library' }).click();
  await expect(window.getByRole('navigation').getByRole('list', { name: 'Views' })).toBeVisible();
  await expectNoAxeViolations(window, 'dark: the sidebar opened over the panes');
});

test('right to left (Arabic): list, reader, search, Settings: no axe violation', async ({ launch }) => {
  const arabic = await launch({ env: { BULLETIN_UI_LANGUAGE: 'ar' } });
  const window = await arabic.firstWindow();
  await window.setViewportSize({ width: 1024, height: 640 });
  await expect(window.locator('html')).toHaveAttribute('dir', 'rtl');
  const rows = window.getByRole('grid').getByRole('row');
  await expect(rows.first()).toBeVisible();
  await rows.first().click();
  await expectNoAxeViolations(window, 'Arabic: the reader');
  await window.getByRole('combobox').first().fill('migration');
  await expect(window.locator('mark').first()).toBeVisible();
  await expectNoAxeViolations(window, 'Arabic: search results');
  await arabic.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('file-settings')?.click());
  await expect(window.getByRole('dialog')).toBeVisible();
  await expectNoAxeViolations(window, 'Arabic: Settings');
  await window.keyboard.press('Escape');
  // 1024 px: the sidebar is folded into its button; opened, it lies over the panes (on the right).
  await window.getByRole('navigation').getByRole('button', { expanded: false }).click();
  await expect(window.getByRole('navigation').getByRole('button', { expanded: true })).toBeVisible();
  await expectNoAxeViolations(window, 'Arabic: the sidebar opened over the panes');
});
