import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { INDEX_VERSION } from '../../main/search/indexOptions';
import { fingerprintOf, readPersistedIndex } from '../../main/search/persistedIndex';
import { openLibrary } from '../../main/store/library';
import { expect, test, type App } from './fixtures';
import { makeBulletin, writeShards } from './support/archive';
import { bulletinList, bulletinRows, readingPane, searchBox } from './support/ui';

/** Two bulletins beside the sample's (all 2020), in other years, both about the Darién. */
const DIGEST = `3 March, 2019

Floods in the Darién reach the reception station

Heavy rain flooded the migrant reception station in the Darién province; families were moved to higher ground.

5 May, 2021

Reception station in Darién gets solar power

The migrant reception station in the Darién now runs on solar panels installed with IOM support.
`;
const SOLAR = 'Reception station in Darién gets solar power';

const facets = (window: Page) => window.getByRole('region', { name: 'Narrow the results' });

async function withTwoMoreBulletins(
  launch: (request?: object) => Promise<App>,
  file: string,
): Promise<{ app: App; window: Page }> {
  await writeFile(file, DIGEST);
  const app = await launch({ dialogs: { open: [[file]] } });
  const window = await app.firstWindow();
  await expect(bulletinRows(window)).toHaveCount(10);
  await window.getByRole('button', { name: /^Import/ }).click();
  await expect(bulletinRows(window)).toHaveCount(12);
  return { app, window };
}

test('type a query, see highlighted results and facet counts, apply a facet, open a result, find highlights in the reading pane', async ({
  launch,
}, testInfo) => {
  const { window } = await withTwoMoreBulletins(launch, testInfo.outputPath('darien.txt'));

  // Accents dropped, the last word a prefix.
  await searchBox(window).fill('darien statio');
  await expect(bulletinRows(window)).toHaveCount(3);
  await expect(window.getByText('3 results', { exact: true })).toBeVisible();
  await expect(
    bulletinRows(window)
      .filter({ hasText: SOLAR })
      .locator('mark', { hasText: /^Darién$/ })
      .first(),
  ).toBeVisible();

  const years = facets(window).getByRole('group', { name: 'Year' });
  await expect(years.getByRole('button', { name: '2021, 1 result' })).toBeVisible();
  await expect(years.getByRole('button', { name: '2020, 1 result' })).toBeVisible();
  await expect(years.getByRole('button', { name: '2019, 1 result' })).toBeVisible();
  await expect(facets(window).getByRole('button', { name: 'English, 3 results' })).toBeVisible();

  await years.getByRole('button', { name: '2021, 1 result' }).click();
  await expect(years.getByRole('button', { name: '2021, 1 result' })).toHaveAttribute('aria-pressed', 'true');
  await expect(bulletinRows(window)).toHaveCount(1);

  await bulletinRows(window).first().click();
  const pane = readingPane(window);
  await expect(pane.getByRole('heading', { name: SOLAR })).toBeVisible();
  await expect(pane.locator('mark', { hasText: /^Darién$/ }).first()).toBeVisible();
  await expect(pane.locator('mark', { hasText: /^station$/i }).first()).toBeVisible();

  await facets(window).getByRole('button', { name: 'Clear filters' }).click();
  await expect(bulletinRows(window)).toHaveCount(3);
});

test('typos, exclusions, dates and syntax it does not know', async ({ launch }, testInfo) => {
  const { window } = await withTwoMoreBulletins(launch, testInfo.outputPath('darien.txt'));
  const box = searchBox(window);

  await box.fill('solar staton');
  await expect(bulletinRows(window)).toHaveCount(1);
  await expect(
    bulletinRows(window)
      .first()
      .locator('mark', { hasText: /^station$/i })
      .first(),
  ).toBeVisible();

  await box.fill('darien -solar');
  await expect(bulletinRows(window)).toHaveCount(2);

  await box.fill('station after:2020-12-31');
  await expect(bulletinRows(window)).toHaveCount(1);
  await expect(bulletinRows(window).first()).toContainText(SOLAR);

  await box.fill('in:"Field notes" floods');
  await expect(window.getByText(/“in:Field notes”: there is no collection by that name/)).toBeVisible();
  await expect(bulletinRows(window)).toHaveCount(0);

  await box.fill('colour:floods');
  await expect(window.getByText(/“colour:” is not a filter here/)).toBeVisible();
});

test('suggestions as you type, then the search is remembered; help explains the syntax', async ({
  window,
}) => {
  const box = searchBox(window);
  await box.fill('pinog');
  const suggestions = window.getByRole('listbox', { name: 'Suggestions' });
  await expect(suggestions.getByRole('option', { name: 'pinogana' })).toBeVisible();
  await box.press('ArrowDown');
  await expect(box).toHaveAttribute('aria-activedescendant', /.+/);
  await box.press('Enter');
  await expect(box).toHaveValue('pinogana');
  await expect(bulletinRows(window)).toHaveCount(1);

  await box.fill('');
  await box.blur();
  await box.focus();
  await expect(window.getByRole('listbox', { name: 'Recent searches' }).getByRole('option')).toHaveText([
    'pinogana',
  ]);
  await box.press('Escape');

  const help = window.getByRole('button', { name: 'Search help' });
  await help.focus();
  await help.press('Enter');
  const dialog = window.getByRole('dialog', { name: 'How to search' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('is:bookmarked');
  await dialog.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(help).toBeFocused();
});

test('quitting right after an import keeps the search index, so the next launch need not rebuild it', async ({
  launch,
  userDataDir,
}, testInfo) => {
  const { app } = await withTwoMoreBulletins(launch, testInfo.outputPath('darien.txt'));
  // At once: the index is saved a moment after changes settle, so only the quit itself can save it.
  await app.close();

  const library = await openLibrary(userDataDir);
  const saved = await readPersistedIndex(
    join(userDataDir, 'search-index.json'),
    INDEX_VERSION,
    fingerprintOf(library.bulletins()),
  );
  library.close();
  expect(library.bulletins()).toHaveLength(12);
  expect(saved).not.toBeNull();
});

test('a search with more results than the first page loads the rest as the list is scrolled to its end', async ({
  launch,
  userDataDir,
}) => {
  const count = 1250;
  await writeShards(
    userDataDir,
    Array.from({ length: count }, (_, index) =>
      makeBulletin({
        id: `r${index}`,
        title: `Reception report ${index}`,
        published: new Date(Date.UTC(2024, 0, 1) - index * 86_400_000).toISOString().slice(0, 10),
      }),
    ),
  );
  const app = await launch();
  const window = await app.firstWindow();
  await searchBox(window).fill('reception');
  await expect(window.getByText('1,250 results', { exact: true })).toBeVisible();
  // The grid says how many rows it holds (aria-rowcount): the first page of 200.
  await expect(bulletinList(window)).toHaveAttribute('aria-rowcount', '200');

  // End moves to the last row loaded; near it the next page arrives, and so on to the last result.
  await bulletinList(window).focus();
  for (const loaded of ['1200', '1250']) {
    await window.keyboard.press('End');
    await expect(bulletinList(window)).toHaveAttribute('aria-rowcount', loaded);
  }
  await window.keyboard.press('End');
  await expect(window.locator('[aria-rowindex="1250"]')).toContainText(`Reception report ${count - 1}`);
});

test('a misspelled search shows the results of the likely word, says so, and searches the words as typed on request', async ({
  window,
}) => {
  const box = searchBox(window);
  // Two letters swapped: the archive has "Pinogana", not "pinoagna".
  await box.fill('pinoagna');
  const line = window.locator('.search-correction');
  await expect(line).toHaveText('Showing results for pinogana — search for pinoagna instead');
  await expect(bulletinRows(window)).toHaveCount(1);
  await expect(
    bulletinRows(window)
      .first()
      .locator('mark', { hasText: /^pinogana$/i })
      .first(),
  ).toBeVisible();
  await expect(window.locator('.visually-hidden[role="status"]')).toContainText(
    'Showing results for “pinogana” instead of “pinoagna”.',
  );

  // The way back, from the keyboard: the words as typed, not corrected again.
  const asTyped = line.getByRole('button', { name: 'pinoagna' });
  await asTyped.focus();
  await asTyped.press('Enter');
  await expect(line).toBeHidden();
  await expect(box).toHaveValue('pinoagna');

  // Typing on corrects again, and the suggestions offer the corrected words; the line takes them into the box.
  await box.fill('pinoagna ');
  await expect(
    window.getByRole('listbox', { name: 'Suggestions' }).getByRole('option', { name: 'pinogana' }),
  ).toBeVisible();
  await box.press('Escape');
  await line.getByRole('button', { name: 'pinogana' }).click();
  await expect(box).toHaveValue('pinogana');
  await expect(line).toBeHidden();
  await expect(bulletinRows(window)).toHaveCount(1);
});

/** The correction line as a language's translation writes it, its markup and bidi isolates aside. */
const correctionLine = (language: string, searched: string, typed: string) =>
  (
    JSON.parse(readFileSync(join('resources/locales', language, 'ui.json'), 'utf8')) as {
      search: { correction: { line: string } };
    }
  ).search.correction.line
    .replace(/<\/?(?:searched|typed)>/g, '')
    .replace('{{searched}}', searched)
    .replace('{{typed}}', typed);

for (const language of ['es', 'fr', 'ar']) {
  test(`the correction line in ${language}: the likely word and the words as typed, both buttons`, async ({
    launch,
  }) => {
    const window = await (await launch({ env: { BULLETIN_UI_LANGUAGE: language } })).firstWindow();
    // The list's name is translated: its rows by role alone.
    await expect(window.getByRole('grid').getByRole('row').first()).toBeVisible();
    await window.getByRole('combobox').first().fill('pinoagna');
    const line = window.locator('.search-correction');
    await expect(line).toBeVisible();
    const shown = ((await line.textContent()) ?? '').replace(/[\u2066-\u2069]/g, '');
    expect(shown).toBe(correctionLine(language, 'pinogana', 'pinoagna'));
    await expect(line.getByRole('button', { name: 'pinogana' })).toBeVisible();
    await expect(line.getByRole('button', { name: 'pinoagna' })).toBeVisible();
  });
}
