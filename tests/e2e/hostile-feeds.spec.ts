import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { corporaFolder } from './support/corpora';
import { bulletinList, bulletinRows, clickMenu, readingPane } from './support/ui';

const corpora = corporaFolder();
const sanitizeFolder = corpora && join(corpora, 'feedparser', 'tests', 'wellformed', 'sanitize');

test('every feed of feedparser sanitize/ is imported, read and exported to PDF without anything running or leaving', async ({
  launch,
}, testInfo) => {
  test.skip(!sanitizeFolder, 'the feedparser corpus (../shared/corpora or $BULLETIN_CORPORA) is absent');
  test.setTimeout(300_000);
  const feeds = readdirSync(sanitizeFolder ?? '').map((name) => join(sanitizeFolder ?? '', name));
  const pdf = testInfo.outputPath('sanitize.pdf');
  const app = await launch({ dialogs: { open: [feeds], save: [pdf] } });
  const page = await app.firstWindow();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const startUrl = page.url();
  const globalsBefore = await page.evaluate(() => Object.keys(window));
  await expect(bulletinRows(page).first()).toBeVisible();

  const before = await page.evaluate(() => window.bulletins.counts());
  await clickMenu(app, 'file-import');
  // The report comes once every file is in.
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText(/Added \d+ bulletins/, {
    timeout: 120_000,
  });
  const rows = await page.evaluate(async () => (await window.bulletins.list({ view: 'all' })).rows);
  expect(rows.length).toBeGreaterThan(before.all + 100);

  // Read every bulletin in the reader, one after the other, as a user pressing j would.
  await expect(bulletinRows(page).first()).toContainText(rows[0]?.title ?? '');
  await bulletinList(page).focus();
  // The title heads the article; a body may carry headings of its own.
  const heading = readingPane(page).getByRole('heading', { level: 2 }).first();
  const list = bulletinList(page);
  for (const [index, row] of rows.entries()) {
    await page.keyboard.press('j');
    // Titles repeat in this corpus: wait for the row's position as well as its title.
    await expect(list).toHaveAttribute('aria-activedescendant', new RegExp(`-${index}$`));
    await expect(heading).toHaveText(row.title);
  }

  // And all of them in one PDF, through the print window.
  const outcome = await page.evaluate(async () => {
    const options = await window.bulletins.exportOptions();
    return window.bulletins.exportBulletins({
      scope: { kind: 'view', view: 'all' },
      options: { ...options, title: 'Sanitize corpus' },
    });
  });
  expect(outcome).toMatchObject({ status: 'done', count: rows.length });

  await page.waitForTimeout(500);
  expect(dialogs).toEqual([]);
  expect(page.url()).toBe(startUrl);
  const globalsAfter = await page.evaluate(() => Object.keys(window));
  expect(globalsAfter.filter((name) => !globalsBefore.includes(name))).toEqual([]);
  if (app.host) {
    expect(await app.host.blockedRequests()).toEqual([]);
    expect(await app.host.openedExternally()).toEqual([]);
  }
});
