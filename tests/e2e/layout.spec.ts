import { writeFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { unreachableControls } from './support/layout';
import { bulletinRows, clickMenu, readingPane, selectionBar } from './support/ui';

// The window sizes field laptops have (1024×640 is the app's minimum): at each, every control
// on screen can be reached and is not covered, with a bulletin open and rows selected, and in
// the Export and Settings dialogs.

const SIZES = [
  { width: 1024, height: 640 },
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  // 1024×640 at 150% (the system's scaling or the page zoomed): what CSS lays out is the window
  // divided by the zoom, so the viewport here is what that window shows.
  { width: 683, height: 427 },
];

test('at 1024×640 (also at 150%), 1280×720, 1366×768 and 1920×1080 every control is inside the window and uncovered', async ({
  app,
  window,
}) => {
  test.setTimeout(240_000);
  await expect(bulletinRows(window).first()).toBeVisible();
  await bulletinRows(window).first().click();
  await expect(readingPane(window).getByRole('heading', { level: 2 })).toBeVisible();
  await bulletinRows(window).nth(1).locator('.row-check').click();
  await bulletinRows(window).nth(2).locator('.row-check').click();
  for (const size of SIZES) {
    await window.setViewportSize(size);
    const at = `${size.width}×${size.height}`;
    await expect(selectionBar(window)).toBeVisible();
    const bar = await selectionBar(window).boundingBox();
    // One compact row: the list keeps its room.
    expect(bar?.height, `selection bar height at ${at}`).toBeLessThanOrEqual(48);
    expect(await unreachableControls(window), `main window at ${at}`).toEqual([]);

    await clickMenu(app, 'file-export');
    await expect(window.getByRole('dialog', { name: 'Export bulletins' })).toBeVisible();
    expect(await unreachableControls(window, 'dialog[open]'), `Export at ${at}`).toEqual([]);
    await window.keyboard.press('Escape');

    await clickMenu(app, 'file-settings');
    await expect(window.getByRole('dialog', { name: 'Settings' })).toBeVisible();
    expect(await unreachableControls(window, 'dialog[open]'), `Settings at ${at}`).toEqual([]);
    await window.keyboard.press('Escape');
  }
});

test('a notice never covers what is being read: the panes give it their foot while it shows', async ({
  app,
  window,
}) => {
  await window.setViewportSize({ width: 1024, height: 640 });
  await bulletinRows(window).first().click();
  await expect(readingPane(window).getByRole('heading', { level: 2 })).toBeVisible();
  const paneBefore = await readingPane(window).boundingBox();
  // Edit › Save Search… with nothing searched says so in a notice.
  await clickMenu(app, 'edit-save-search');
  const notice = window.getByRole('region', { name: 'Notifications' }).locator('.notice');
  await expect(notice).toBeVisible();
  const shown = await notice.boundingBox();
  const pane = await readingPane(window).boundingBox();
  const list = await window.getByRole('grid').boundingBox();
  if (!shown || !pane || !list || !paneBefore) throw new Error('a box is missing');
  // The reading pane and the list end where the notice begins, and came back up by its height.
  expect(pane.y + pane.height).toBeLessThanOrEqual(shown.y);
  expect(list.y + list.height).toBeLessThanOrEqual(shown.y);
  expect(pane.height).toBeLessThan(paneBefore.height);
  // Dismissed, the panes have the whole height again.
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toBeHidden();
  await expect.poll(async () => (await readingPane(window).boundingBox())?.height).toBe(paneBefore.height);
});

test('a running import’s bar sits in the window’s foot above the notices, never over the list or the reader', async ({
  launch,
}, testInfo) => {
  // Enough files that the bar shows for a while: each is a file of its own to read and report.
  const files = await Promise.all(
    Array.from({ length: 300 }, async (_, at) => {
      const file = testInfo.outputPath(`feed-${at}.xml`);
      await writeFile(
        file,
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${at}</title><item><title>Item ${at}</title><link>https://example.org/${at}</link><description>Text ${at}</description></item></channel></rss>`,
      );
      return file;
    }),
  );
  const app = await launch({ dialogs: { open: [[testInfo.outputPath('missing-backup.json')], files] } });
  const window = await app.firstWindow();
  await window.setViewportSize({ width: 1024, height: 640 });
  await bulletinRows(window).first().click();
  // A notice first (a backup that is not there is refused), then the import under way.
  await clickMenu(app, 'file-restore');
  const notice = window.getByRole('region', { name: 'Notifications' }).locator('.notice');
  await expect(notice).toBeVisible();
  await clickMenu(app, 'file-import');
  const bar = window.getByRole('button', { name: 'Cancel import' });
  await expect(bar).toBeVisible();
  const [shownBar, shownNotice, pane, list] = await Promise.all([
    bar.boundingBox(),
    notice.boundingBox(),
    readingPane(window).boundingBox(),
    window.getByRole('grid').boundingBox(),
  ]);
  if (!shownBar || !shownNotice || !pane || !list) throw new Error('a box is missing');
  expect(pane.y + pane.height).toBeLessThanOrEqual(shownBar.y);
  expect(list.y + list.height).toBeLessThanOrEqual(shownBar.y);
  expect(shownBar.y + shownBar.height).toBeLessThanOrEqual(shownNotice.y);
  await bar.click();
});
