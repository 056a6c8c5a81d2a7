import { writeFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { bulletinRows, clickMenu, searchBox } from './support/ui';

/** A feed that declares no language (no <language>, no xml:lang): one Spanish, one French item. */
const FEED = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Boletín regional</title>
  <item>
    <guid>urn:regional:1</guid>
    <title>La OIM inaugura un albergue para personas migrantes en Necoclí</title>
    <pubDate>Thu, 12 Nov 2020 08:00:00 GMT</pubDate>
    <description>Las autoridades de la provincia pidieron mantas, kits de higiene y agua potable antes de la temporada de lluvias.</description>
  </item>
  <item>
    <guid>urn:regional:2</guid>
    <title>Les gouvernements de la région s’accordent pour protéger les enfants à Necoclí</title>
    <pubDate>Fri, 13 Nov 2020 08:00:00 GMT</pubDate>
    <description>La clinique mobile s’est rendue dans quatre communautés cette semaine et a soigné plus de deux cents personnes.</description>
  </item>
</channel></rss>`;

test('items of a feed that declares no language get theirs detected, and lang: and the language facet find them', async ({
  launch,
}, testInfo) => {
  const file = testInfo.outputPath('regional.xml');
  await writeFile(file, FEED);
  const app = await launch({ dialogs: { open: [[file]] } });
  const window = await app.firstWindow();
  await expect(bulletinRows(window)).toHaveCount(10);
  await clickMenu(app, 'file-import');
  await expect(window.getByText('Added 2 bulletins.')).toBeVisible();

  await searchBox(window).fill('necocli');
  const facets = window.getByRole('region', { name: 'Narrow the results' });
  await expect(facets.getByRole('button', { name: 'Spanish, 1 result' })).toBeVisible();
  await expect(facets.getByRole('button', { name: 'French, 1 result' })).toBeVisible();

  await searchBox(window).fill('lang:es');
  await expect(bulletinRows(window)).toHaveCount(1);
  await expect(bulletinRows(window).first()).toContainText('La OIM inaugura un albergue');
  await searchBox(window).fill('lang:fr');
  await expect(bulletinRows(window)).toHaveCount(1);
  await expect(bulletinRows(window).first()).toContainText('Les gouvernements de la région');
});
