import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { bulletinRows, clickMenu, searchBox } from './support/ui';

const settingsDialog = (window: Page) => window.getByRole('dialog', { name: 'Settings' });
const capField = (window: Page) => settingsDialog(window).getByLabel('Largest file to import (MB)');
const languageField = (window: Page) => settingsDialog(window).getByLabel('Language');
const refreshField = (window: Page) =>
  settingsDialog(window).getByLabel('Refresh subscriptions every (minutes)');

/** An RSS file of about `bytes` bytes with one bulletin. */
function feedOfSize(bytes: number): string {
  const head = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Big</title><item><guid>big-1</guid><title>A very long bulletin</title><description>`;
  const tail = '</description></item></channel></rss>';
  return head + 'word '.repeat(Math.ceil((bytes - head.length - tail.length) / 5)) + tail;
}

test('Settings opens from the File menu and with Ctrl+,; a lower import cap refuses a larger file and survives a restart', async ({
  launch,
}, testInfo) => {
  const big = testInfo.outputPath('big.xml');
  await writeFile(big, feedOfSize(1.5 * 1024 * 1024));
  const app = await launch({ dialogs: { open: [[big]] } });
  let window = await app.firstWindow();
  await expect(bulletinRows(window)).toHaveCount(10);

  // Keyboard: Ctrl+, opens it with the first field (Language) focused; Esc closes it and focus goes back.
  await searchBox(window).focus();
  await window.keyboard.press('Control+Comma');
  await expect(settingsDialog(window)).toBeVisible();
  await expect(languageField(window)).toBeFocused();
  await expect(languageField(window)).toHaveValue('system');
  await expect(capField(window)).toHaveValue('50');
  await expect(refreshField(window)).toHaveValue('30');
  // Focus stays inside: Tab from the last control comes back to the first.
  await settingsDialog(window).getByRole('button', { name: 'Save' }).focus();
  await window.keyboard.press('Tab');
  await expect(languageField(window)).toBeFocused();
  await window.keyboard.press('Escape');
  await expect(settingsDialog(window)).toBeHidden();
  await expect(searchBox(window)).toBeFocused();

  // Menu: a value out of range is named under its field and nothing is saved.
  await clickMenu(app, 'file-settings');
  await expect(settingsDialog(window)).toBeVisible();
  await capField(window).fill('0');
  await refreshField(window).fill('2000');
  await settingsDialog(window).getByRole('button', { name: 'Save' }).click();
  await expect(settingsDialog(window)).toBeVisible();
  await expect(capField(window)).toHaveAttribute('aria-invalid', 'true');
  await expect(capField(window)).toHaveAccessibleDescription(/Enter a whole number from 1 to 500\./);
  await expect(refreshField(window)).toHaveAccessibleDescription(/Enter a whole number from 5 to 1,440\./);
  await expect(capField(window)).toBeFocused();

  await capField(window).fill('1');
  await refreshField(window).fill('60');
  await settingsDialog(window).getByRole('button', { name: 'Save' }).click();
  await expect(settingsDialog(window)).toBeHidden();
  await expect(window.getByText('Settings saved.')).toBeVisible();

  // The 1.5 MB feed is now over the cap: refused whole, with the cap and where to change it.
  await clickMenu(app, 'file-import');
  await expect(
    window.getByText(
      'big.xml: This file is larger than 1 MB, the import size limit, so it was not imported. To import it, raise the limit in File › Settings….',
    ),
  ).toBeVisible();
  await expect(bulletinRows(window)).toHaveCount(10);

  await app.close();
  const restarted = await launch();
  window = await restarted.firstWindow();
  await expect(bulletinRows(window)).toHaveCount(10);
  await clickMenu(restarted, 'file-settings');
  await expect(capField(window)).toHaveValue('1');
  await expect(refreshField(window)).toHaveValue('60');
});

test('Colours: Dark applies to the window at once and after a restart; "Same as the system" follows the system again', async ({
  launch,
}) => {
  const dark = (page: Page) => page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
  const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const colours = (window: Page) => settingsDialog(window).getByLabel('Colours');
  const app = await launch();
  let window = await app.firstWindow();
  await expect(bulletinRows(window)).toHaveCount(10);
  // The host's system preference is light.
  expect(await dark(window)).toBe(false);
  const light = await background(window);

  await clickMenu(app, 'file-settings');
  await expect(colours(window)).toHaveValue('system');
  await colours(window).selectOption('dark');
  await settingsDialog(window).getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => dark(window)).toBe(true);
  expect(await background(window)).not.toBe(light);

  await app.close();
  const restarted = await launch();
  window = await restarted.firstWindow();
  await expect(bulletinRows(window)).toHaveCount(10);
  // Main starts in the saved theme, and the window shows it from its first paint on.
  expect(await restarted.evaluate(({ nativeTheme }) => nativeTheme.themeSource)).toBe('dark');
  await expect.poll(() => dark(window)).toBe(true);
  await clickMenu(restarted, 'file-settings');
  await expect(colours(window)).toHaveValue('dark');
  await colours(window).selectOption('system');
  await settingsDialog(window).getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => dark(window)).toBe(false);
});
