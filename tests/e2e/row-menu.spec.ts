import { expect, test } from './fixtures';
import { makeBulletin, writeShards } from './support/archive';
import { expectNoAxeViolations } from './support/axe';
import { bulletinList, bulletinRows, readingPane } from './support/ui';

/**
 * Issue 15: a row's context menu — right-click, the ContextMenu key and Shift+F10 — offers the
 * common actions on that one bulletin, by keyboard as well as by pointer, and gives focus back to
 * the list when dismissed.
 */
test('a row context menu opens by right-click, ContextMenu and Shift+F10, and acts on that row', async ({
  launch,
}, testInfo) => {
  const folder = testInfo.outputPath('laptop');
  await writeShards(folder, [
    makeBulletin({
      id: 'm1',
      title: 'Crossing reopened',
      published: '2026-11-02',
      link: 'https://example.org/m1',
    }),
    makeBulletin({ id: 'm2', title: 'Shelter capacity', published: '2026-11-03' }),
  ]);
  const app = await launch({ userDataDir: folder });
  const page = await app.firstWindow();
  await expect(bulletinRows(page)).toHaveCount(2);

  // Right-click: the menu is named for the row and bookmarks that row, not the open one.
  await bulletinRows(page).filter({ hasText: 'Crossing reopened' }).click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Actions for “Crossing reopened”' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await expectNoAxeViolations(page, 'a row context menu');
  await menu.getByRole('menuitem', { name: 'Bookmark', exact: true }).click();
  await expect(menu).toBeHidden();
  await expect
    .poll(() => page.evaluate(() => window.bulletins.get('m1').then((detail) => detail?.bookmarked)))
    .toBe(true);
  await expect
    .poll(() => page.evaluate(() => window.bulletins.get('m2').then((detail) => detail?.bookmarked)))
    .toBe(false);

  // The keyboard: Shift+F10 on the active row, arrows to Open, Enter opens it in the reader.
  await bulletinList(page).focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+F10');
  const first = page.getByRole('menu', { name: /^Actions for/ });
  await expect(first).toBeVisible();
  await expect(first.getByRole('menuitem', { name: 'Open', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(readingPane(page).getByRole('heading', { level: 2 })).toHaveText('Shelter capacity');

  // The ContextMenu key; Escape closes the menu and the list has the focus again.
  await bulletinList(page).focus();
  await page.keyboard.press('ContextMenu');
  await expect(first).toBeVisible();
  await page.keyboard.press('End');
  await page.keyboard.press('Escape');
  await expect(first).toBeHidden();
  await expect(bulletinList(page)).toBeFocused();
  // A bookmarked row offers to remove the bookmark (the store's mark, not the row's old copy).
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+F10');
  await expect(page.getByRole('menu', { name: 'Actions for “Crossing reopened”' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Remove bookmark', exact: true })).toBeVisible();
});
