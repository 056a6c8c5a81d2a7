import { writeFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { bulletinRows, clickMenu, searchBox } from './support/ui';

const FEED = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr" xml:base="https://bulletins.example.org/">
  <title>Bulletin des frontières</title>
  <entry>
    <id>urn:bulletin:1</id>
    <title>Arrivées record au poste de Necoclí</title>
    <link href="fr/1"/>
    <updated>2020-11-12T08:00:00Z</updated>
    <content type="html">&lt;p&gt;Les équipes ont accueilli 300 personnes.&lt;/p&gt;</content>
  </entry>
  <entry>
    <id>urn:bulletin:2</id>
    <title>Nouveau centre d'accueil à Lajas Blancas</title>
    <updated>2020-11-13T08:00:00Z</updated>
    <summary>Ouverture du centre.</summary>
  </entry>
</feed>`;

test('File > Import… brings in a feed beside a bad file, and the report says what happened to each', async ({
  launch,
}, testInfo) => {
  const feed = testInfo.outputPath('frontieres.atom');
  const bad = testInfo.outputPath('broken.xml');
  await writeFile(feed, FEED);
  await writeFile(bad, '<rss><channel><title>unterminated');
  const app = await launch({ dialogs: { open: [[feed, bad]] } });
  const window = await app.firstWindow();
  await expect(bulletinRows(window)).toHaveCount(10);

  await clickMenu(app, 'file-import');
  await expect(window.getByText('Added 2 bulletins. 1 file could not be imported:')).toBeVisible();
  await expect(window.getByText(/^broken\.xml: This file is not a feed/)).toBeVisible();
  await expect(bulletinRows(window)).toHaveCount(12);

  await searchBox(window).fill('Necocli');
  await expect(bulletinRows(window)).toHaveCount(1);
  await expect(bulletinRows(window).first()).toContainText('Arrivées record au poste de Necoclí');
});

test('files dropped on the window are imported from their bytes, with a visible drop target', async ({
  window,
}) => {
  await expect(bulletinRows(window)).toHaveCount(10);
  const files = window.evaluateHandle((feed) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([feed], 'frontieres.atom', { type: 'application/atom+xml' }));
    return transfer;
  }, FEED);
  const app = window.locator('.app');
  await app.dispatchEvent('dragenter', { dataTransfer: await files });
  await expect(window.getByText('Drop feeds or digests to import them')).toBeVisible();
  await app.dispatchEvent('drop', { dataTransfer: await files });
  await expect(window.getByText('Drop feeds or digests to import them')).toBeHidden();
  await expect(window.getByText('Added 2 bulletins.')).toBeVisible();
  await expect(bulletinRows(window)).toHaveCount(12);

  await app.dispatchEvent('drop', { dataTransfer: await files });
  await expect(window.getByText('Nothing new: all 2 bulletins were already in the library.')).toBeVisible();
});
