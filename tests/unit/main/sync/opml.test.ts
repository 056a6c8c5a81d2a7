import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initI18n } from '../../../../main/i18n';
import { importFiles } from '../../../../main/importers/importFiles';
import { createSearchIndex } from '../../../../main/search/searchIndex';
import { openLibrary } from '../../../../main/store/library';
import { feedsFromOpml, opmlOf, type ListedFeed } from '../../../../main/sync/opml';

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

  it('an imported list subscribes to its feeds and says how many', async () => {
    await initI18n('en-US');
    const folder = await mkdtemp(join(tmpdir(), 'bulletin-opml-'));
    try {
      const path = join(folder, 'office.opml');
      await writeFile(path, LIST);
      const followed: ListedFeed[] = [];
      const library = await openLibrary(join(folder, 'library'));
      const report = await importFiles([path], library, createSearchIndex(), {
        subscribe: (feeds) => {
          followed.push(...feeds);
          return Promise.resolve(feeds.length);
        },
      });
      expect(report.files[0]).toMatchObject({ name: 'office.opml', subscribed: 2, added: 0 });
      expect(report.files[0]?.error).toBeUndefined();
      expect(followed.map((feed) => feed.title)).toEqual(['Border News', 'Relief']);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
