import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { expect, test } from './fixtures';
import { makeBulletin } from './support/archive';
import { bulletinRows, chooseBulkAction, clickMenu, readingPane } from './support/ui';

/**
 * A colleague's JSON file, made hostile (issue 13, items 3 and 5): a date that names a path above
 * the user-data folder, and an id longer than the bridge accepts. The first is left out and
 * reported; the second comes in as a bulletin that opens and deletes like any other.
 */
test('a hostile JSON import writes nothing outside the library and leaves no poison bulletin', async ({
  launch,
  userDataDir,
}, testInfo) => {
  const file = testInfo.outputPath('colleague.json');
  const longId = `https://example.org/${'x'.repeat(1000)}`;
  await writeFile(
    file,
    JSON.stringify({
      format: 'bulletin-reader/bulletins',
      bulletins: [
        makeBulletin({ id: 'escape', title: 'Escapes the folder', published: '../../p' }),
        makeBulletin({ id: longId, title: 'A bulletin with a very long id', published: '2020-11-12' }),
      ],
    }),
  );
  const app = await launch({ dialogs: { open: [[file]], message: [0] } });
  const window = await app.firstWindow();
  await expect(bulletinRows(window)).toHaveCount(10);

  await clickMenu(app, 'file-import');
  await expect(window.getByText(/Added 1 bulletin\. 1 item was left out\./)).toBeVisible();
  await expect(
    window.getByText(/colleague\.json, Escapes the folder: left out because its date “\.\.\/\.\.\/p”/),
  ).toBeVisible();
  for (const folder of [userDataDir, dirname(userDataDir), dirname(dirname(userDataDir))])
    expect(existsSync(join(folder, 'p.json'))).toBe(false);

  // The long-id bulletin opens, and select-all over the view and a delete go through the bridge.
  await bulletinRows(window).filter({ hasText: 'A bulletin with a very long id' }).click();
  await expect(
    readingPane(window).getByRole('heading', { name: 'A bulletin with a very long id' }),
  ).toBeVisible();
  await clickMenu(app, 'edit-select-all-bulletins');
  const bar = window.getByRole('toolbar', { name: 'Selected bulletins' });
  await expect(bar).toContainText('11 selected');
  await chooseBulkAction(window, 'Bookmark');
  await expect(window.getByText('Bookmarked 11 bulletins.')).toBeVisible();
  await bar.getByRole('button', { name: 'Clear selection' }).click();
  await bulletinRows(window).filter({ hasText: 'A bulletin with a very long id' }).click();
  await readingPane(window).getByRole('button', { name: 'Delete…' }).click();
  await window.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(bulletinRows(window)).toHaveCount(10);
});
