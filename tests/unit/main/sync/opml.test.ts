import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initI18n } from '../../../../main/i18n';
import { MAX_LISTED_FEEDS, importFiles } from '../../../../main/importers/importFiles';
import { createSearchIndex } from '../../../../main/search/searchIndex';
import { openLibrary } from '../../../../main/store/library';
import { feedsFromOpml, opmlOf } from '../../../../main/sync/opml';

const LIST = `<?xml version="1.0" encoding="utf-8"?>
<opml version="2.0"><head><title>Office feeds</title></head><body>
  <outline text="Regional">
    <outline text="Border News" type="rss" xmlUrl="https://news.example.org/feed.xml"/>
    <outline title="Relief" text="ignored" type="rss" xmlUrl="https://relief.example.org/rss"/>
  </outline>
  <outline text="A local file" type="rss" xmlUrl="file:///etc/passwd"/>
</body></opml>`;

describe('OPML', () => {
  it('reads the feeds of a list, folders flattened, web addresses only', () => {
    expect(feedsFromOpml(LIST)).toEqual([
      { url: 'https://news.example.org/feed.xml', title: 'Border News' },
      { url: 'https://relief.example.org/rss', title: 'Relief' },
    ]);
  });

  it('writes a list that reads back the same', () => {
    const feeds = [
      { url: 'https://a.example/feed', title: 'A & B' },
      { url: 'https://c.example/rss', title: 'C' },
    ];
    expect(feedsFromOpml(opmlOf(feeds, 'Mine'))).toEqual(feeds);
  });

  it('an imported list lists its feeds for the user to choose from, and follows none of them', async () => {
    await initI18n('en-US');
    const folder = await mkdtemp(join(tmpdir(), 'bulletin-opml-'));
    try {
      // A list without a telling extension is recognised all the same.
      const path = join(folder, 'office.xml');
      await writeFile(path, LIST);
      const library = await openLibrary(join(folder, 'library'));
      const report = await importFiles([path], library, createSearchIndex());
      expect(report.files[0]).toEqual({
        name: 'office.xml',
        added: 0,
        updated: 0,
        unchanged: 0,
        rejected: [],
        feeds: [
          { url: 'https://news.example.org/feed.xml', title: 'Border News' },
          { url: 'https://relief.example.org/rss', title: 'Relief' },
        ],
      });
      expect(library.subscriptions()).toEqual([]);
      library.close();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('lists at most the first 500 feeds of a list and reports the rest', async () => {
    await initI18n('en-US');
    const folder = await mkdtemp(join(tmpdir(), 'bulletin-opml-'));
    try {
      const feeds = Array.from({ length: 2_000 }, (_, i) => ({
        url: `https://feeds.example/${i}`,
        title: `Feed ${i}`,
      }));
      const path = join(folder, 'big.opml');
      await writeFile(path, opmlOf(feeds, 'Big'));
      const library = await openLibrary(join(folder, 'library'));
      const report = await importFiles([path], library, createSearchIndex());
      expect(report.files[0]?.feeds).toEqual(feeds.slice(0, MAX_LISTED_FEEDS));
      expect(report.files[0]?.rejected).toEqual([
        { item: 'feeds 501 to 2,000', reason: 'a subscription list is read up to its first 500 feeds' },
      ]);
      expect(library.subscriptions()).toEqual([]);
      library.close();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
