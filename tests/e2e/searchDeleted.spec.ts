import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { makeBulletin, writeShards } from './support/archive';
import { bulletinList, bulletinRows, readingPane, searchBox } from './support/ui';

// A search answers from the index's own columns: a deleted bulletin must leave its results
// at once, and come back to them when the delete is undone.

const CUCUTA = makeBulletin({ id: 'cucuta', title: 'Vaccination drive in Cúcuta', published: '2021-02-15' });
const BOGOTA = makeBulletin({ id: 'bogota', title: 'Vaccination days in Bogotá', published: '2021-03-01' });

const notices = (window: Page) => window.getByRole('region', { name: 'Notifications' });

test('a deleted bulletin leaves the search results, and undo brings it back', async ({
  launch,
  userDataDir,
}) => {
  await writeShards(userDataDir, [CUCUTA, BOGOTA]);
  const app = await launch();
  const window = await app.firstWindow();
  await expect(bulletinRows(window)).toHaveCount(2);

  await searchBox(window).fill('vaccination');
  // The search's own rows: the list showed the same two before it answered, and a click then raced
  // the answer (once, under CI's load, the reading pane never showed the Delete… button).
  await expect(window.getByText('2 results', { exact: true })).toBeVisible();
  await expect(bulletinRows(window)).toHaveCount(2);
  await bulletinRows(window).filter({ hasText: CUCUTA.title }).click();
  await readingPane(window).getByRole('button', { name: 'Delete…' }).click();
  await window.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(notices(window)).toContainText('Bulletin deleted.');
  // Searched again: the count and the facets come from the index, not only the rows.
  await searchBox(window).fill('');
  await searchBox(window).fill('vaccination');
  await expect(window.getByText('1 result', { exact: true })).toBeVisible();
  await expect(bulletinRows(window)).toHaveCount(1);
  await expect(bulletinRows(window)).toContainText(BOGOTA.title);

  await bulletinList(window).focus();
  await window.keyboard.press('Control+z');
  await searchBox(window).fill('');
  await searchBox(window).fill('vaccination');
  await expect(window.getByText('2 results', { exact: true })).toBeVisible();
  await expect(bulletinRows(window)).toHaveCount(2);
  await searchBox(window).fill('cucuta');
  await expect(bulletinRows(window)).toHaveCount(1);
  await expect(bulletinRows(window)).toContainText(CUCUTA.title);
});
