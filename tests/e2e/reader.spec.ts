import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';
import { bulletinList, bulletinRows, clickMenu, readingPane, searchBox } from './support/ui';

// The digest our users receive; the bundled sample is the same file, used where ../shared is absent.
const SHARED_DIGEST = fileURLToPath(new URL('../../../shared/fixtures/digest-sample.txt', import.meta.url));
const BUNDLED_DIGEST = fileURLToPath(new URL('../../resources/sample/digest-sample.txt', import.meta.url));
const DIGEST = existsSync(SHARED_DIGEST) ? SHARED_DIGEST : BUNDLED_DIGEST;
const PANAMA = 'IOM provides technical support for new migration reception station in Panama';

test('a first run shows the sample digest; importing it again adds nothing; a bookmark survives a restart', async ({
  launch,
}) => {
  const app = await launch({ dialogs: { open: [[DIGEST]] } });
  let window = await app.firstWindow();

  await expect(bulletinRows(window)).toHaveCount(10);

  await clickMenu(app, 'file-import');
  await expect(window.getByText('Nothing new: all 10 bulletins were already in the library.')).toBeVisible();
  await expect(bulletinRows(window)).toHaveCount(10);

  await window.keyboard.press('/');
  await window.keyboard.type('Darien');
  await expect(bulletinRows(window)).toHaveCount(1);
  const panama = bulletinRows(window).first();
  await expect(panama).toContainText(PANAMA);

  await panama.click();
  const pane = readingPane(window);
  await expect(pane.getByRole('heading', { name: PANAMA })).toBeVisible();
  await expect(pane.locator('mark', { hasText: /^Darien$/ })).toBeVisible();

  await pane.getByRole('button', { name: 'Bookmark' }).click();
  await expect(pane.getByRole('button', { name: 'Bookmark' })).toHaveAttribute('aria-pressed', 'true');

  await app.close();
  const restarted = await launch();
  window = await restarted.firstWindow();
  await window
    .getByRole('link', { name: /^Bookmarks/ })
    .or(window.getByRole('button', { name: /^Bookmarks/ }))
    .click();
  await expect(bulletinRows(window)).toHaveCount(1);
  await expect(bulletinRows(window).first()).toContainText(PANAMA);
});

test('search ignores accents and case and highlights the matches in the list', async ({ window }) => {
  await searchBox(window).fill('SAN JOSÉ');
  await expect(bulletinRows(window)).toHaveCount(1);
  await expect(bulletinRows(window).first().locator('mark').first()).toHaveText(/^San$/i);
  await expect(
    bulletinRows(window)
      .first()
      .locator('mark', { hasText: /^José$/ })
      .first(),
  ).toBeVisible();
});

test('the keyboard reads the list: j and k move, b bookmarks, Esc returns to the list', async ({
  window,
}) => {
  await expect(bulletinRows(window)).toHaveCount(10);
  await bulletinList(window).focus();
  await window.keyboard.press('j');
  await expect(readingPane(window).getByRole('heading', { level: 2 })).toHaveText(PANAMA);
  await window.keyboard.press('j');
  await window.keyboard.press('k');
  await expect(readingPane(window).getByRole('heading', { level: 2 })).toHaveText(PANAMA);
  await window.keyboard.press('b');
  await expect(readingPane(window).getByRole('button', { name: 'Bookmark' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await window.keyboard.press('/');
  await expect(searchBox(window)).toBeFocused();
  await window.keyboard.press('Escape');
  await expect(bulletinList(window)).toBeFocused();
});

test('a file that is not a digest is refused with a reason, and the library is unchanged', async ({
  launch,
  userDataDir,
}, testInfo) => {
  const notes = testInfo.outputPath('shopping-list.txt');
  await writeFile(notes, 'milk\n\nbread\n');
  const app = await launch({ userDataDir, dialogs: { open: [[notes]] } });
  const window = await app.firstWindow();
  await expect(bulletinRows(window)).toHaveCount(10);

  await window.getByRole('button', { name: /^Import/ }).click();
  await expect(window.getByText(/shopping-list\.txt: No bulletins were found in this file/)).toBeVisible();
  await expect(bulletinRows(window)).toHaveCount(10);
});
