import type { Page } from '@playwright/test';
import type { Bulletin } from '../../preload/contract';
import { expect, test } from './fixtures';
import { makeBulletin, writeShards } from './support/archive';
import { bulletinRows, clickMenu } from './support/ui';

/** Every bulletin of the library, whole, in list order (through the bridge, as the window sees them). */
async function allBulletins(page: Page): Promise<Bulletin[]> {
  return page.evaluate(async () => {
    const { rows } = await window.bulletins.list({ view: 'all' });
    const details = await Promise.all(rows.map((row) => window.bulletins.get(row.id)));
    return details.flatMap((detail) => (detail ? [detail.bulletin] : []));
  });
}

test('bulletins exported as JSON and imported into another library come back the same', async ({
  launch,
}, testInfo) => {
  const file = testInfo.outputPath('library.json');
  const first = await launch({ dialogs: { save: [file] } });
  let page = await first.firstWindow();
  await expect(bulletinRows(page)).toHaveCount(10);
  const original = await allBulletins(page);
  const outcome = await page.evaluate(async () => {
    const options = await window.bulletins.exportOptions();
    return window.bulletins.exportBulletins({
      scope: { kind: 'view', view: 'all' },
      options: { ...options, title: 'Everything', format: 'json' },
    });
  });
  expect(outcome).toMatchObject({ status: 'done', count: 10 });
  await first.close();

  // Another library (a new folder), holding one bulletin of its own so the sample stays out.
  const other = testInfo.outputPath('other-library');
  await writeShards(other, [makeBulletin({ id: 'own', title: 'Its own bulletin', published: '1999-01-01' })]);
  const second = await launch({ userDataDir: other, dialogs: { open: [[file]] } });
  page = await second.firstWindow();
  await expect(bulletinRows(page)).toHaveCount(1);
  await clickMenu(second, 'file-import');
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('Added 10 bulletins');
  const after = await allBulletins(page);
  expect(after.filter((bulletin) => bulletin.id !== 'own')).toEqual(original);
});
