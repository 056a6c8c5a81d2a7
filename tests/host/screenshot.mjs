// `npm run screenshot`: the app's main views as PNGs in docs/screenshots/, taken on tests/host from
// the built bundles with a fresh library (the bundled sample). Run after `electron-vite build`.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchApp } from './launch.mjs';
/* global document -- in page.evaluate callbacks */

const OUT_DIR = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const STEP_TIMEOUT = 10_000;

/** @typedef {import('playwright-core').Page} Page */

/**
 * @param {Page} window
 * @param {string} name
 */
async function shoot(window, name) {
  // Let transitions and fonts settle so the picture is what a user sees.
  await window.evaluate(() => document.fonts.ready);
  await window.waitForTimeout(300);
  const path = join(OUT_DIR, `${name}.png`);
  await window.screenshot({ path });
  console.log(`wrote ${path}`);
}

/** The list's accessible name in each language the screenshots are taken in. */
const LIST_NAMES = { en: /list of bulletins/, es: /lista de boletines/, ar: /قائمة النشرات/ };
let listName = LIST_NAMES.en;

/** @param {Page} window */
const list = (window) => window.getByRole('grid', { name: listName });

/** @param {Page} window */
const sidebarButton = (window, /** @type {RegExp} */ name) =>
  window.getByRole('navigation').getByRole('button', { name });

/**
 * @param {'light' | 'dark'} colorScheme
 * @param {(window: Page) => Promise<void>} steps
 * @param {'en' | 'es' | 'ar'} [language] the UI language (BULLETIN_UI_LANGUAGE)
 */
async function withApp(colorScheme, steps, language = 'en') {
  const userDataDir = mkdtempSync(join(tmpdir(), 'bulletin-screenshots-'));
  listName = LIST_NAMES[language];
  const app = await launchApp({ userDataDir, colorScheme, env: { BULLETIN_UI_LANGUAGE: language } });
  try {
    const window = await app.firstWindow({ timeout: STEP_TIMEOUT });
    window.setDefaultTimeout(STEP_TIMEOUT);
    // A common field laptop's screen; the smallest window the app supports is shot below too.
    await window.setViewportSize({ width: 1366, height: 768 });
    await list(window).getByRole('row').first().waitFor();
    await steps(window);
  } finally {
    await app.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

/** @param {Page} window */
async function openFirstBulletin(window) {
  await list(window).getByRole('row').first().click();
  await window.getByRole('main').getByRole('article').first().waitFor();
}

mkdirSync(OUT_DIR, { recursive: true });
try {
  // The same views in Spanish, and in Arabic (mirrored), light and dark.
  await withApp(
    'light',
    async (window) => {
      await openFirstBulletin(window);
      await shoot(window, '07-es-bulletin');
      await window.getByRole('combobox').first().fill('país:panamá');
      await window.locator('.facets').first().waitFor();
      await shoot(window, '08-es-search');
    },
    'es',
  );
  await withApp(
    'light',
    async (window) => {
      await openFirstBulletin(window);
      await shoot(window, '09-ar-bulletin');
      await window.setViewportSize({ width: 1024, height: 640 });
      await shoot(window, '13-ar-bulletin-1024x640');
    },
    'ar',
  );
  await withApp(
    'dark',
    async (window) => {
      await window.getByRole('combobox').first().fill('migration');
      await window.locator('mark').first().waitFor();
      await shoot(window, '10-ar-search-dark');
    },
    'ar',
  );

  await withApp('light', async (window) => {
    await shoot(window, '01-list');

    await openFirstBulletin(window);
    await shoot(window, '02-bulletin');

    await window.getByRole('combobox', { name: 'Search bulletins' }).first().fill('migration');
    await window.locator('mark').first().waitFor();
    await shoot(window, '03-search');

    await window.getByRole('combobox', { name: 'Search bulletins' }).first().fill('');
    // The whole list again (no highlight left) before clicking rows: a click on a row of the
    // search results as they are replaced bookmarked nothing, and the next step timed out.
    await window.locator('mark').first().waitFor({ state: 'detached' });
    // Bookmark two bulletins with the reader's shortcut, then open the Bookmarks view.
    for (const index of [0, 2]) {
      await list(window).getByRole('row').nth(index).click();
      await window.keyboard.press('b');
    }
    await sidebarButton(window, /^Bookmarks/).click();
    await list(window).getByRole('row').first().waitFor();
    await shoot(window, '04-bookmarks');

    // The user's own library: collections with counts, a note, and a selection with its bar.
    await sidebarButton(window, /^All bulletins/).click();
    await window.evaluate(async () => {
      const api = /** @type {any} */ (window).bulletins;
      const { rows } = await api.list({ view: 'all' });
      const followUp = await api.createCollection('Follow up');
      await api.createCollection('For partners');
      await api.addToCollection(
        followUp.id,
        rows.slice(1, 4).map((/** @type {{ id: string }} */ row) => row.id),
      );
    });
    await openFirstBulletin(window);
    await window
      .getByRole('textbox', { name: 'Your note' })
      .fill('Ask the Panama office for the capacity figures.');
    for (const index of [1, 2, 4])
      await list(window).getByRole('row').nth(index).locator('.row-check').click();
    await window.getByRole('toolbar', { name: 'Selected bulletins' }).waitFor();
    await shoot(window, '06-library');
    await window.setViewportSize({ width: 1024, height: 640 });
    await shoot(window, '11-library-1024x640');
  });

  await withApp('dark', async (window) => {
    await openFirstBulletin(window);
    await shoot(window, '05-dark');
    await window.setViewportSize({ width: 1024, height: 640 });
    await shoot(window, '12-dark-1024x640');
  });
} catch (error) {
  console.error(`screenshot: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  process.exitCode = 1;
}
