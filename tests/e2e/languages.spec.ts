import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { Bundle } from '../../resources/locales/bundles';
import type { UiLanguage } from '../../resources/locales/languages';
import { expect, test, type App } from './fixtures';
import { pdfText, withoutSpaces } from './support/pdf';
import { clickMenu } from './support/ui';

// Read as files: Playwright's loader does not import JSON modules.
const bundle = (language: UiLanguage, namespace: 'ui' | 'main'): Bundle =>
  JSON.parse(
    readFileSync(new URL(`../../resources/locales/${language}/${namespace}.json`, import.meta.url), 'utf8'),
  ) as Bundle;
const BUNDLES = {
  ui: { en: bundle('en', 'ui'), es: bundle('es', 'ui'), fr: bundle('fr', 'ui'), ar: bundle('ar', 'ui') },
  main: {
    en: bundle('en', 'main'),
    es: bundle('es', 'main'),
    fr: bundle('fr', 'main'),
    ar: bundle('ar', 'main'),
  },
};

/** A translation by its dotted key, plural forms by their suffix ("list.count_other"). */
function text(bundle: Bundle, key: string): string {
  let node: string | Bundle | undefined = bundle;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no key ${key}`);
  return node;
}

function strings(bundle: Bundle, out: string[] = []): string[] {
  for (const value of Object.values(bundle)) {
    if (typeof value === 'string') out.push(value);
    else strings(value, out);
  }
  return out;
}

/**
 * English sentences a translated window must not show: every English string's literal parts of
 * ten letters or more (placeholders split them) that the language's own strings do not contain.
 */
function englishFragments(language: UiLanguage): string[] {
  const own = [...strings(BUNDLES.ui[language]), ...strings(BUNDLES.main[language])].join('\n');
  const english = [...strings(BUNDLES.ui.en), ...strings(BUNDLES.main.en)];
  const fragments = english.flatMap((value) =>
    value
      .replace(/&(?=\w)/g, '')
      .split(/\{\{[^}]*\}\}|\$t\([^)]*\)/)
      .map((part) => part.trim())
      .filter((part) => part.replace(/[^A-Za-z]/g, '').length >= 10),
  );
  return [...new Set(fragments)].filter((fragment) => !own.includes(fragment));
}

/** The window's text outside bulletins' own words (which carry their language in `lang`). */
async function uiText(window: Page): Promise<string> {
  return window.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    for (const own of clone.querySelectorAll('[lang]')) own.remove();
    // The screen reader's last announcement was said before the switch, in the language then.
    for (const said of clone.querySelectorAll('.visually-hidden[aria-live]')) said.remove();
    const labels = [...document.querySelectorAll('[aria-label], [title], [placeholder]')]
      .filter((element) => !element.closest('[lang]'))
      .map((element) =>
        ['aria-label', 'title', 'placeholder'].map((name) => element.getAttribute(name) ?? '').join('\n'),
      );
    return `${clone.innerText}\n${labels.join('\n')}`;
  });
}

async function expectNoEnglish(window: Page, language: UiLanguage, where: string): Promise<void> {
  const shown = await uiText(window);
  const leaks = englishFragments(language).filter((fragment) => shown.includes(fragment));
  expect(leaks, `English in ${where}`).toEqual([]);
}

async function menuLabels(app: App): Promise<string[]> {
  return app.evaluate(({ Menu }) => {
    const labels: string[] = [];
    const walk = (menu: Electron.Menu | null | undefined) => {
      for (const item of menu?.items ?? []) {
        if (item.type !== 'separator') labels.push(item.label);
        walk(item.submenu);
      }
    };
    walk(Menu.getApplicationMenu());
    return labels;
  });
}

/** Settings › Language, as a user does it: the menu, the field (named in English at first), Save. */
async function switchLanguage(app: App, window: Page, language: UiLanguage): Promise<void> {
  await clickMenu(app, 'file-settings');
  const dialog = window.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Language').selectOption(language);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(window.locator('html')).toHaveAttribute('lang', language);
}

// Each run switches, imports, exports a PDF and restarts: slower than one step of a usual spec.
test.describe.configure({ timeout: 150_000 });

for (const language of ['es', 'fr', 'ar'] as const) {
  const ui = BUNDLES.ui[language];
  const main = BUNDLES.main[language];

  test(`${language}: switched in Settings, the menus, views, dialogs, import report and PDF are in it, and it is remembered`, async ({
    launch,
  }, testInfo) => {
    const notDigest = testInfo.outputPath('notes.txt');
    await writeFile(notDigest, 'Just a line of text, no date and no bulletin.\n');
    const pdf = testInfo.outputPath('export.pdf');
    const app = await launch({ dialogs: { open: [[notDigest]], save: [pdf] } });
    const window = await app.firstWindow();
    await expect(window.getByRole('grid', { name: /list of bulletins/ }).getByRole('row')).toHaveCount(10);
    const englishMenu = await menuLabels(app);

    await switchLanguage(app, window, language);
    await expect(window.getByText(text(ui, 'settings.saved'))).toBeVisible();
    await expect(window.locator('html')).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');

    // The menu, built again at once in the new language.
    await expect.poll(() => menuLabels(app)).not.toEqual(englishMenu);
    const labels = await menuLabels(app);
    for (const key of [
      'file',
      'import',
      'export',
      'settings',
      'edit',
      'view',
      'toggleBookmark',
      'undo',
      'quit',
    ]) {
      expect(labels).toContain(text(main, `menu.${key}`));
    }

    // The main view: sidebar, list, reader.
    const listName = (text(ui, 'list.labelForView').split(':').pop() ?? '').trim();
    const list = window.getByRole('grid', { name: new RegExp(listName) });
    await expect(
      window.getByRole('navigation').getByText(text(ui, 'sidebar.view.bookmarks'), { exact: true }),
    ).toBeVisible();
    await list.getByRole('row').first().click();
    await expect(window.getByRole('region', { name: text(ui, 'reader.label') })).toBeVisible();
    await expectNoEnglish(window, language, 'the main view');
    await window.getByRole('button', { name: text(ui, 'search.help.open') }).click();
    await expect(window.getByRole('dialog', { name: text(ui, 'search.help.title') })).toBeVisible();
    await expectNoEnglish(window, language, 'the search help');
    await window.keyboard.press('Escape');

    // The settings dialog, in the language.
    await clickMenu(app, 'file-settings');
    const settings = window.getByRole('dialog', { name: text(ui, 'settings.title') });
    await expect(settings.getByLabel(text(ui, 'settings.language.label'))).toHaveValue(language);
    await expectNoEnglish(window, language, 'the settings dialog');
    await settings.getByRole('button', { name: text(ui, 'settings.cancel') }).click();

    // The import report.
    await clickMenu(app, 'file-import');
    await expect(window.getByText(text(main, 'errors.noBulletins'), { exact: false })).toBeVisible();
    await expectNoEnglish(window, language, 'the import report');

    // The export dialog, then the PDF's labels.
    await clickMenu(app, 'file-export');
    const exportDialog = window.getByRole('dialog', { name: text(ui, 'export.dialogTitle') });
    await expect(exportDialog).toBeVisible();
    await expectNoEnglish(window, language, 'the export dialog');
    await exportDialog.getByRole('button', { name: text(ui, 'export.export'), exact: true }).click();
    await expect(window.getByRole('button', { name: text(ui, 'export.showInFolder') })).toBeVisible({
      timeout: 30_000,
    });
    // pdftotext writes Arabic in presentation forms, with bidi marks and stray spaces inside words:
    // compare letters only, with the page numbers' placeholders left out.
    const letters = (value: string) =>
      withoutSpaces(
        value.normalize('NFKC').replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]|\{\{[^}]*\}\}/g, ''),
      );
    const pdfLetters = letters(await pdfText(pdf));
    for (const label of ['print.contents', 'print.exportedOn', 'print.from']) {
      expect(pdfLetters, label).toContain(letters(text(ui, label)));
    }
    for (const word of text(main, 'export.pageOf')
      .split(/\{\{[^}]*\}\}/)
      .map(letters)
      .filter(Boolean)) {
      expect(pdfLetters, 'export.pageOf').toContain(word);
    }

    if (language === 'ar') {
      // Mirrored: the sidebar is on the right of the list.
      const sidebar = await window.getByRole('navigation').boundingBox();
      const listBox = await list.boundingBox();
      expect(sidebar && listBox && sidebar.x > listBox.x).toBe(true);
    }

    // Remembered: a restart opens in it.
    await app.close();
    const again = await launch();
    const next = await again.firstWindow();
    await expect(next.locator('html')).toHaveAttribute('lang', language);
    expect(await menuLabels(again)).toContain(text(main, 'menu.file'));
  });
}
