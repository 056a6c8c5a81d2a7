import { writeFile } from 'node:fs/promises';
import { pseudoString } from '../../resources/locales/pseudo';
import { expect, test } from './fixtures';
import { clickMenu } from './support/ui';

/** An English name as the pseudo-locale shows it, without the padding: matches as a substring. */
const pseudo = (english: string) => pseudoString(english).replace(/ ·+⟧$/, '');

/**
 * The pseudo-locale (BULLETIN_UI_LANGUAGE=en-XA): every string the app shows is "⟦Ŧĥîš ···⟧".
 * A text without the brackets was never translated (hard-coded, or pieced together outside
 * i18n); a string whose closing bracket is cut off is clipped at 1280×800.
 */
test('in the pseudo-locale every view shows only translated strings, none clipped at 1280×800', async ({
  launch,
}, testInfo) => {
  const notDigest = testInfo.outputPath('notes.txt');
  await writeFile(notDigest, 'Just a line of text, no date and no bulletin.\n');
  const app = await launch({ env: { BULLETIN_UI_LANGUAGE: 'en-XA' }, dialogs: { open: [[notDigest]] } });
  const window = await app.firstWindow();
  await window.setViewportSize({ width: 1280, height: 800 });
  await expect(window.locator('html')).toHaveAttribute('lang', 'en-XA');
  const rows = window.getByRole('grid').getByRole('row');
  await expect(rows.first()).toBeVisible();

  /** Text nodes of the UI (bulletins' own words carry their `lang` and are left out). */
  const offenders = () =>
    window.evaluate(() => {
      const untranslated: string[] = [];
      const clipped: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        const value = node.textContent?.trim() ?? '';
        if (!element || !/\p{L}{2}/u.test(value) || element.closest('[lang]:not(html)')) continue;
        if (element.closest('.visually-hidden, [hidden], select, input, textarea, code, kbd')) continue;
        if (element.getClientRects().length === 0) continue;
        // Data, not UI strings: dates (Intl), sources' and facets' names, the archive's words the search
        // box suggests, the product name.
        if (
          element.closest(
            'time, .row-source, .reader-source, .facet-value bdi, .search-option, .sidebar-brand',
          )
        )
          continue;
        const block = element.closest('p, span, h1, h2, h3, button, label, dt, dd, li, a, div') ?? element;
        const text = block.textContent ?? '';
        if (!text.includes('⟦')) untranslated.push(value);
        else if (
          block.scrollWidth > block.clientWidth + 1 &&
          getComputedStyle(block).overflow !== 'visible'
        ) {
          clipped.push(text);
        }
      }
      return { untranslated, clipped };
    });

  const clean = async (where: string) =>
    expect(await offenders(), where).toEqual({ untranslated: [], clipped: [] });

  await rows.first().click();
  await expect(window.getByRole('article').first()).toBeVisible();
  await clean('the main view');

  // A search with its facets, then its help.
  await window.getByRole('combobox', { name: pseudo('Search bulletins') }).fill('border');
  await expect(window.getByRole('region', { name: pseudo('Narrow the results') })).toBeVisible();
  await clean('the search with facets');
  await window.getByRole('button', { name: pseudo('Search help') }).click();
  await expect(window.getByRole('dialog', { name: pseudo('How to search') })).toBeVisible();
  await clean('the search help');
  await window.keyboard.press('Escape');
  await window.getByRole('combobox', { name: pseudo('Search bulletins') }).fill('');
  // The whole list back (the search waits for typing to pause, and a new list drops the selection).
  await expect(rows).toHaveCount(10);

  // The selection bar: two bulletins chosen.
  await rows.first().click();
  await rows.nth(1).click({ modifiers: ['Shift'] });
  await expect(window.getByRole('toolbar')).toBeVisible();
  await clean('the selection bar');

  await clickMenu(app, 'file-settings');
  await expect(window.getByRole('dialog')).toBeVisible();
  await clean('the Settings dialog');
  await window.keyboard.press('Escape');
  await expect(window.getByRole('dialog')).toBeHidden();

  await clickMenu(app, 'file-export');
  await expect(window.getByRole('dialog')).toBeVisible();
  await clean('the Export dialog');
  await window.keyboard.press('Escape');
  await expect(window.getByRole('dialog')).toBeHidden();

  await clickMenu(app, 'file-import');
  await expect(window.getByText(pseudo('No bulletins were found in the chosen files'))).toBeVisible();
  await clean('the import report');

  await window
    .getByRole('navigation')
    .getByRole('button', { name: pseudo('Bookmarks') })
    .click();
  await clean('the Bookmarks view');

  // A collection: its name is the user's words, written in brackets so the check takes it for UI text.
  await window
    .getByRole('navigation')
    .getByRole('button', { name: pseudo('New collection') })
    .click();
  await window.getByRole('textbox', { name: pseudo('Name of the new collection') }).fill('⟦Trip⟧');
  await window.keyboard.press('Enter');
  await window.getByRole('navigation').getByRole('button', { name: '⟦Trip⟧,' }).click();
  await expect(window.getByRole('heading', { name: '⟦Trip⟧' })).toBeVisible();
  await clean('a collection');
});
