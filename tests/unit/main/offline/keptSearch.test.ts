import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Bulletin } from '../../../../preload/contract';
import { createArticleStore, type KeptArticle } from '../../../../main/offline/articleStore';
import { keptTextsIn } from '../../../../main/offline/keptOffline';
import { createSearchIndex } from '../../../../main/search/searchIndex';
import { matchedIds } from '../searchHelpers';

function bulletin(id: string, summary: string): Bulletin {
  return {
    id,
    source: 'news.example',
    title: `Bulletin ${id}`,
    summary,
    link: `https://news.example/${id}`,
    published: '2026-12-01',
    language: 'en',
    countries: [],
    tags: [],
    importedAt: '2026-12-01T00:00:00Z',
    contentHash: id,
  };
}
const kept = (bulletinId: string, text: string): KeptArticle => ({
  bulletinId,
  url: `https://news.example/${bulletinId}`,
  keptAt: '2026-12-05T10:00:00Z',
  html: `<p>${text}</p>`,
  text,
  images: {},
  refused: [],
});

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bulletin-kept-search-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

describe('searching the full articles kept offline', () => {
  it('finds a bulletin by a word only its kept article has, through re-imports, until it is removed', async () => {
    const archive = new Map([
      ['a', bulletin('a', 'Families crossed at the northern post.')],
      ['b', bulletin('b', 'A quiet week at the southern post.')],
    ]);
    const articles = createArticleStore(join(folder, 'offline', 'articles'));
    // Kept in an earlier session: the index built at start finds it.
    await articles.write(kept('a', 'The reception hall will add a desalination plant next month.'));
    const index = createSearchIndex({
      bulletins: () => [...archive.values()],
      keptTexts: keptTextsIn(folder),
      bulletin: (id) => archive.get(id),
    });
    await index.ready;
    const found = (word: string) => matchedIds(index, word);
    expect(found('desalination')).toEqual(['a']);
    expect(found('crossed')).toEqual(['a']);

    // Kept now: the queue reports it, and the article's words find it.
    await articles.write(kept('b', 'Generators were delivered to the southern clinic.'));
    expect(found('generators')).toEqual([]);
    await index.keptChanged(['b']);
    expect(found('generators')).toEqual(['b']);

    // A re-import changes the feed's text: the kept article still finds it, the old text does not.
    archive.set('b', bulletin('b', 'A busy week at the southern post.'));
    await index.update([archive.get('b') as Bulletin]);
    expect(found('generators')).toEqual(['b']);
    expect(found('quiet')).toEqual([]);

    // Removed in Settings: only the feed's text is searched again.
    await articles.remove('b');
    await index.keptChanged(['b']);
    expect(found('generators')).toEqual([]);
    expect(found('busy')).toEqual(['b']);
  });
});
