import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Page } from '@playwright/test';
import type { ExportOptions, ExportOutcome, ExportScope } from '../../preload/contract';
import { expect, test } from './fixtures';
import { allowLocalHosts, makeBulletin, writeShards } from './support/archive';
import { expectNoAxeViolations } from './support/axe';
import { unreachableControls } from './support/layout';
import { corporaFolder } from './support/corpora';
import { pdfText, renderPage } from './support/pdf';
import {
  bulletinList,
  bulletinRows,
  chooseFromMore,
  clickMenu,
  readingPane,
  searchBox,
  sidebarButton,
} from './support/ui';
import { localWeb, type LocalWeb } from './support/webServer';

/** A solid PNG the test makes: colours the PDF's pixels can be looked for. */
function solidPng(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([r, g, b, 255], i);
  return PNG.sync.write(png);
}
/** A PNG signature and header claiming 100,000 × 100,000 pixels: a decompression bomb. */
function bombHeader(): Buffer {
  const header = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header);
  header.writeUInt32BE(13, 8);
  header.write('IHDR', 12, 'latin1');
  header.writeUInt32BE(100_000, 16);
  header.writeUInt32BE(100_000, 20);
  header.set([8, 6, 0, 0, 0], 24);
  return header;
}

const PARAGRAPH =
  'Families crossed at the northern post at dawn; the reception station counted arrivals by the hour. ';
const ARTICLE = `<!doctype html><html><head><title>Northern crossing</title></head><body>
<nav><a href="/">Home</a> · <a href="/news">News</a></nav>
<article><h1>Northern crossing</h1>
<p>${PARAGRAPH.repeat(6)}</p>
<figure><img src="/img/map.png" alt="Map of the crossing"><figcaption>The crossing</figcaption></figure>
<p>${PARAGRAPH.repeat(4)}</p>
<p><img src="/img/evil.png" alt="An SVG in disguise"><img src="/img/bomb.png" alt="A bomb"></p>
<p>Only in the full article: the station will open a second hall next month.</p>
</article><footer>Contact us</footer></body></html>`;

const RED: [number, number, number] = [220, 20, 30];

/** Exports through the bridge, as the dialog does, with the remembered options and `changes`. */
function exportThroughBridge(page: Page, scope: ExportScope, changes: Partial<ExportOptions>) {
  return page.evaluate(
    async ({ scope, changes }) => {
      const options = await window.bulletins.exportOptions();
      return window.bulletins.exportBulletins({ scope, options: { ...options, ...changes } });
    },
    { scope, changes },
  ) as Promise<ExportOutcome | null>;
}

test('a selection kept offline reads whole, images included, with the server gone, and exports so', async ({
  launch,
  userDataDir,
}, testInfo) => {
  test.setTimeout(120_000);
  const corpora = corporaFolder();
  // A real page of Readability's own tests, without its images (they would point at the web).
  const corpusPage = corpora ? join(corpora, 'readability/test-pages/aclu/source.html') : null;
  const corpusHtml =
    corpusPage && existsSync(corpusPage)
      ? readFileSync(corpusPage, 'utf8').replace(/<img\b[^>]*>/gi, '')
      : null;
  if (!corpusHtml) console.log('readability corpus absent: the spec keeps only its own page');

  const web = await localWeb({
    '/news/crossing.html': (response) =>
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE),
    '/news/aclu.html': (response) =>
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(corpusHtml ?? ''),
    '/news/report.pdf': (response) =>
      response.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4'),
    '/img/map.png': (response) =>
      response.writeHead(200, { 'content-type': 'image/png' }).end(solidPng(120, 80, RED)),
    // Named and typed as a PNG, really an SVG with script; and a header that would take 40 GB to decode.
    '/img/evil.png': (response) =>
      response
        .writeHead(200, { 'content-type': 'image/png' })
        .end('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    '/img/bomb.png': (response) => response.writeHead(200, { 'content-type': 'image/png' }).end(bombHeader()),
    // Sends the app on to a loopback address the user did not allow (only 127.0.0.1 is).
    '/news/moved.html': (response) => response.writeHead(302, { location: 'http://[::1]:9/admin' }).end(),
  });
  // The test's server is on 127.0.0.1, which main's outbound policy refuses unless allowed.
  await allowLocalHosts(userDataDir, ['127.0.0.1']);
  const bulletins = [
    makeBulletin({
      id: 'crossing',
      title: 'Northern crossing',
      published: '2026-11-02',
      summary: 'Families crossed at the northern post.',
      bodyHtml: '<p>Families crossed at the northern post.</p>',
      link: `${web.origin}/news/crossing.html`,
    }),
  ];
  bulletins.push(
    makeBulletin({
      id: 'pdf',
      title: 'A report as PDF',
      published: '2026-10-01',
      link: `${web.origin}/news/report.pdf`,
    }),
    makeBulletin({
      id: 'moved',
      title: 'A page that moved',
      published: '2026-09-01',
      link: `${web.origin}/news/moved.html`,
    }),
  );
  if (corpusHtml)
    bulletins.push(
      makeBulletin({
        id: 'aclu',
        title: 'ACLU',
        published: '2026-11-01',
        link: `${web.origin}/news/aclu.html`,
      }),
    );
  await writeShards(userDataDir, bulletins);

  let app = await launch();
  let page = await app.firstWindow();
  await expect(bulletinRows(page)).toHaveCount(bulletins.length);
  await bulletinList(page).focus();
  await page.keyboard.press('ControlOrMeta+a');
  await chooseFromMore(page, 'Keep offline');
  await expect
    .poll(() => page.evaluate(() => window.bulletins.keepQueue().then((status) => status.done)), {
      timeout: 60_000,
    })
    .toBe(bulletins.length - 2);
  // The failure is named in the panel, with a way to try again.
  await clickMenu(app, 'file-settings');
  await page.getByRole('button', { name: 'Show the queue…' }).click();
  const panel = page.getByRole('dialog', { name: 'Kept offline' });
  await expect(panel.getByRole('listitem').filter({ hasText: 'A report as PDF' })).toContainText(
    'Failed: the link does not lead to a web page',
  );
  await expect(panel.getByRole('button', { name: 'Retry keeping “A report as PDF”' })).toBeVisible();
  await expect(panel.getByRole('listitem').filter({ hasText: 'A page that moved' })).toContainText(
    'Failed: an address on this computer or the local network',
  );
  await panel.getByRole('button', { name: 'Close' }).click();
  const kept = await page.evaluate(() => window.bulletins.keptArticle('crossing'));
  expect(kept?.refused).toEqual([
    { src: `${web.origin}/img/evil.png`, problem: 'notRaster' },
    { src: `${web.origin}/img/bomb.png`, problem: 'tooManyPixels' },
  ]);
  await app.close();
  await web.close();

  // Offline now: the server is gone. A new launch reads what was kept.
  const requestsBefore = web.hits.length;
  app = await launch();
  page = await app.firstWindow();
  await bulletinRows(page).filter({ hasText: 'Northern crossing' }).click();
  const pane = readingPane(page);
  await expect(pane.getByRole('button', { name: 'Full article' })).toHaveAttribute('aria-pressed', 'true');
  await expect(pane.getByText('Only in the full article')).toBeVisible();
  await expect(pane.getByText('Contact us')).toHaveCount(0);
  const map = pane.getByRole('img', { name: 'Map of the crossing' });
  await expect(map).toHaveAttribute('src', /^\/kept\/[0-9a-f]{64}\.png$/);
  await expect.poll(() => map.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(120);
  // The refused images stay placeholders: nothing of them reached the disk or the page.
  await expect(pane.getByRole('img', { name: 'An SVG in disguise' })).toHaveText('[An SVG in disguise]');
  await pane.getByRole('button', { name: 'Feed text' }).click();
  await expect(pane.getByText('Only in the full article')).toHaveCount(0);
  await pane.getByRole('button', { name: 'Full article' }).click();
  await expect(pane.getByText('Only in the full article')).toBeVisible();
  if (corpusHtml) {
    await bulletinRows(page).filter({ hasText: 'ACLU' }).click();
    await expect(pane.getByRole('button', { name: 'Full article' })).toHaveAttribute('aria-pressed', 'true');
  }

  // PDF: the full article's text and the kept map, printed without a connection.
  const pdf = testInfo.outputPath('kept.pdf');
  const html = testInfo.outputPath('kept.html');
  await app.close();
  app = await launch({ dialogs: { save: [pdf, html] } });
  page = await app.firstWindow();
  await expect(bulletinRows(page)).toHaveCount(bulletins.length);
  const scope: ExportScope = { kind: 'ids', ids: ['crossing'], label: 'Kept' };
  expect(
    await exportThroughBridge(page, scope, {
      format: 'pdf',
      title: 'Kept',
      cover: false,
      tableOfContents: false,
    }),
  ).toMatchObject({ status: 'done' });
  expect(await pdfText(pdf)).toContain('Only in the full article');
  const printed = await renderPage(pdf, 1, 50);
  let red = 0;
  for (let i = 0; i < printed.data.length; i += 4)
    if (
      (printed.data[i] ?? 0) > 180 &&
      (printed.data[i + 1] ?? 255) < 70 &&
      (printed.data[i + 2] ?? 255) < 80
    )
      red += 1;
  // 120 × 80 CSS pixels at 50 dpi: about 1,300 pixels of the map's red.
  expect(red).toBeGreaterThan(500);

  // HTML: one self-contained file, the image inside it.
  expect(await exportThroughBridge(page, scope, { format: 'html', title: 'Kept' })).toMatchObject({
    status: 'done',
  });
  const exported = await readFile(html, 'utf8');
  expect(exported).toContain('Only in the full article');
  expect(exported).toMatch(/<img[^>]+src="data:image\/png;base64,/);
  expect(exported).not.toMatch(/\ssrc="https?:/);
  expect(web.hits.length).toBe(requestsBefore);
  if (app.host) expect(await app.host.blockedRequests()).toEqual([]);
});

test('View › Keep Offline keeps the open bulletin, and the reader then shows its full article', async ({
  launch,
  userDataDir,
}) => {
  test.setTimeout(120_000);
  const web = await localWeb({
    '/news/crossing.html': (response) =>
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE),
    '/img/map.png': (response) =>
      response.writeHead(200, { 'content-type': 'image/png' }).end(solidPng(120, 80, RED)),
  });
  await allowLocalHosts(userDataDir, ['127.0.0.1']);
  await writeShards(userDataDir, [
    makeBulletin({
      id: 'crossing',
      title: 'Northern crossing',
      published: '2026-11-02',
      summary: 'Families crossed at the northern post.',
      bodyHtml: '<p>Families crossed at the northern post.</p>',
      link: `${web.origin}/news/crossing.html`,
    }),
  ]);
  const app = await launch();
  const page = await app.firstWindow();
  await bulletinRows(page).filter({ hasText: 'Northern crossing' }).click();
  const pane = readingPane(page);
  await expect(pane.getByText('Only in the full article')).toHaveCount(0);
  await clickMenu(app, 'view-keep-offline');
  // Kept: the reader switches to the full article by itself.
  await expect(pane.getByRole('button', { name: 'Full article' })).toHaveAttribute('aria-pressed', 'true', {
    timeout: 60_000,
  });
  await expect(pane.getByText('Only in the full article')).toBeVisible();
  expect(web.hits).toContain('/news/crossing.html');
  await web.close();

  // A quoted phrase only the kept article has finds the bulletin, its passage showing the phrase;
  // excluding the phrase leaves it out. The same after a restart, with the server gone.
  const findsByPhrase = async (window: Page) => {
    await searchBox(window).fill('"second hall"');
    const row = bulletinRows(window).filter({ hasText: 'Northern crossing' });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('open a second hall next month');
    await searchBox(window).fill('families -"second hall"');
    await expect(window.getByRole('main').getByText(/No results for/)).toBeVisible();
  };
  await findsByPhrase(page);
  await app.close();
  await findsByPhrase(await (await launch()).firstWindow());
});

/** An RSS feed of the test's server: each item links to a page of it. */
function feedOf(origin: string, items: { guid: string; title: string; page: string }[]): string {
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Border news</title>${items
    .map(
      (item) =>
        `<item><guid>${item.guid}</guid><title>${item.title}</title><link>${origin}${item.page}</link><description>${item.title}: the feed's summary.</description><pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate></item>`,
    )
    .join('')}</channel></rss>`;
}

test('a subscription kept offline keeps its new items after a refresh; nothing is fetched while the setting is off', async ({
  launch,
  userDataDir,
}) => {
  test.setTimeout(120_000);
  let items = [{ guid: 'old', title: 'Old crossing', page: '/news/old.html' }];
  const web: LocalWeb = await localWeb({
    '/feed.xml': (response) =>
      response
        .writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' })
        .end(feedOf(web.origin, items)),
    '/news/old.html': (response) =>
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE),
    '/news/new.html': (response) =>
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE),
    '/img/map.png': (response) =>
      response.writeHead(200, { 'content-type': 'image/png' }).end(solidPng(120, 80, RED)),
  });
  await allowLocalHosts(userDataDir, ['127.0.0.1']);
  const app = await launch();
  const page = await app.firstWindow();
  const panel = page.getByRole('region', { name: 'Subscriptions' });
  await panel.getByLabel('Feed address').fill(`${web.origin}/feed.xml`);
  await panel.getByRole('button', { name: 'Subscribe' }).click();
  await expect(bulletinRows(page).filter({ hasText: 'Old crossing' })).toBeVisible();
  // Not kept (the default): the feed only, never its items' pages.
  expect(web.hits.filter((hit) => hit !== '/feed.xml')).toEqual([]);

  const settingsButton = panel.getByRole('button', { name: 'Keep offline: 127.0.0.1' });
  await expect(settingsButton).toHaveAttribute('aria-expanded', 'false');
  await settingsButton.click();
  await expect(settingsButton).toHaveAttribute('aria-expanded', 'true');
  const choices = panel.getByRole('group', { name: 'Keep new items of 127.0.0.1 offline' });
  await choices.getByRole('checkbox', { name: 'Full articles' }).check();
  await expect(choices.getByRole('checkbox', { name: 'Full articles' })).toBeChecked();
  await choices.getByRole('checkbox', { name: 'Images' }).check();
  await expect(choices.getByRole('checkbox', { name: 'Images' })).toBeChecked();
  await expectNoAxeViolations(page, 'a subscription’s keep-offline setting open');
  await page.setViewportSize({ width: 1024, height: 640 });
  // At 1024 px the sidebar is folded into its button; opened, the setting is all within reach.
  await sidebarButton(page).click();
  expect(await unreachableControls(page, '.subscriptions')).toEqual([]);

  items = [...items, { guid: 'new', title: 'New crossing', page: '/news/new.html' }];
  await panel.getByRole('button', { name: 'Refresh 127.0.0.1' }).click();
  // The sidebar lies over the list while it is open: Escape folds it again.
  await page.keyboard.press('Escape');
  await bulletinRows(page).filter({ hasText: 'New crossing' }).click();
  const pane = readingPane(page);
  await expect(pane.getByRole('button', { name: 'Full article' })).toHaveAttribute('aria-pressed', 'true', {
    timeout: 60_000,
  });
  await expect(pane.getByText('Only in the full article')).toBeVisible();
  await expect(pane.getByRole('img', { name: 'Map of the crossing' })).toHaveAttribute(
    'src',
    /^\/kept\/[0-9a-f]{64}\.png$/,
  );
  // Only the new item: the old one was there before the setting.
  expect(web.hits).toContain('/news/new.html');
  expect(web.hits).not.toContain('/news/old.html');

  // The setting is the subscription's, kept across a restart.
  await app.close();
  const again = await launch();
  const reopened = await again.firstWindow();
  const reopenedPanel = reopened.getByRole('region', { name: 'Subscriptions' });
  await reopenedPanel.getByRole('button', { name: 'Keep offline: 127.0.0.1' }).click();
  await expect(
    reopenedPanel
      .getByRole('group', { name: 'Keep new items of 127.0.0.1 offline' })
      .getByRole('checkbox', { name: 'Full articles' }),
  ).toBeChecked();
  await again.close();
  await web.close();
});

test('cancelling a bulletin being kept aborts its download at once, and the panel says so', async ({
  launch,
  userDataDir,
}) => {
  test.setTimeout(90_000);
  let closedAt = 0;
  // A page that never answers: only an abort ends it before the 30 s time cap.
  const web = await localWeb({
    '/news/hangs.html': (_response, request) => {
      request.socket.on('close', () => (closedAt = Date.now()));
    },
  });
  await allowLocalHosts(userDataDir, ['127.0.0.1']);
  await writeShards(userDataDir, [
    makeBulletin({
      id: 'hangs',
      title: 'A page that hangs',
      published: '2026-11-02',
      link: `${web.origin}/news/hangs.html`,
    }),
  ]);
  const app = await launch();
  const page = await app.firstWindow();
  await bulletinRows(page).filter({ hasText: 'A page that hangs' }).click();
  await clickMenu(app, 'view-keep-offline');
  const bar = page.getByRole('region', { name: 'Keeping bulletins offline' });
  await expect(bar).toBeVisible();
  await expect.poll(() => web.hits).toContain('/news/hangs.html');
  await bar.getByRole('button', { name: 'Show' }).click();
  const panel = page.getByRole('dialog', { name: 'Kept offline' });
  const row = panel.getByRole('listitem').filter({ hasText: 'A page that hangs' });
  await expect(row).toContainText('Fetching…');
  const cancelledAt = Date.now();
  await row.getByRole('button', { name: 'Cancel keeping “A page that hangs”' }).click();
  await expect(row).toContainText('Cancelled');
  await expect(row.getByRole('button', { name: 'Retry keeping “A page that hangs”' })).toBeVisible();
  await expect.poll(() => closedAt, { timeout: 5_000 }).toBeGreaterThan(0);
  expect(closedAt - cancelledAt).toBeLessThan(5_000);
  await app.close();
  await web.close();
});

test('Back Up Library asks whether to include kept content, with sizes; a backup with it restores the articles and images on a wiped laptop', async ({
  launch,
  userDataDir,
}, testInfo) => {
  test.setTimeout(150_000);
  const web = await localWeb({
    '/news/crossing.html': (response) =>
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE),
    '/img/map.png': (response) =>
      response.writeHead(200, { 'content-type': 'image/png' }).end(solidPng(120, 80, RED)),
  });
  await allowLocalHosts(userDataDir, ['127.0.0.1']);
  await writeShards(userDataDir, [
    makeBulletin({
      id: 'crossing',
      title: 'Northern crossing',
      published: '2026-11-02',
      summary: 'Families crossed at the northern post.',
      link: `${web.origin}/news/crossing.html`,
    }),
  ]);
  const withKept = testInfo.outputPath('library.tar');
  const withoutKept = testInfo.outputPath('library.json');
  // First backup: "With kept content" (button 0); second: "Library only" (button 1).
  let app = await launch({ dialogs: { save: [withKept, withoutKept], message: [0, 1] } });
  let page = await app.firstWindow();
  await bulletinRows(page).filter({ hasText: 'Northern crossing' }).click();
  await clickMenu(app, 'view-keep-offline');
  await expect(readingPane(page).getByRole('button', { name: 'Full article' })).toHaveAttribute(
    'aria-pressed',
    'true',
    { timeout: 60_000 },
  );
  const notices = page.getByRole('region', { name: 'Notifications' });
  await clickMenu(app, 'file-backup');
  await expect(notices).toContainText('Library backed up (bulletins: 1, bookmarks: 0).');
  await clickMenu(app, 'file-backup');
  await expect.poll(() => existsSync(withoutKept)).toBe(true);
  if (app.host) {
    const asked = (await app.host.dialogsShown()).filter((dialog) => dialog.kind === 'message');
    expect(asked).toHaveLength(2);
    expect(asked[0]?.options.message).toBe('Include the articles and images kept offline in the backup?');
    expect(asked[0]?.options.detail).toMatch(
      /^The library takes about \d+\.\d MB; what is kept offline, \d+\.\d MB\./,
    );
    expect(asked[0]?.options.buttons).toEqual([
      expect.stringMatching(/^With kept content \(\d+\.\d MB\)$/),
      expect.stringMatching(/^Library only \(\d+\.\d MB\)$/),
      'Cancel',
    ]);
  }
  await app.close();
  await web.close();
  // One file each: the tar holds the library's JSON and the kept files; the JSON is the library alone.
  expect(JSON.parse(await readFile(withoutKept, 'utf8'))).toMatchObject({
    format: 'bulletin-reader-library',
  });
  expect((await readFile(withKept)).subarray(257, 262).toString('latin1')).toBe('ustar');

  // The laptop is wiped and the server gone: the backup brings the article back, pictures included.
  await rm(userDataDir, { recursive: true, force: true });
  await mkdir(userDataDir, { recursive: true });
  app = await launch({ dialogs: { open: [[withKept]], message: [0] } });
  page = await app.firstWindow();
  await expect(bulletinRows(page)).toHaveCount(10);
  await clickMenu(app, 'file-restore');
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText(
    'One kept article put back, with its images.',
  );
  await expect(bulletinRows(page)).toHaveCount(1);
  await bulletinRows(page).filter({ hasText: 'Northern crossing' }).click();
  const pane = readingPane(page);
  await expect(pane.getByRole('button', { name: 'Full article' })).toHaveAttribute('aria-pressed', 'true');
  await expect(pane.getByText('Only in the full article')).toBeVisible();
  const map = pane.getByRole('img', { name: 'Map of the crossing' });
  await expect.poll(() => map.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(120);
  await app.close();
});
