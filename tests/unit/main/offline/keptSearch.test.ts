import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Bulletin } from '../../../../preload/contract';
import { bulletinRow } from '../../../../main/ipc/bulletinRow';
import { articleFileName, createArticleStore, type KeptArticle } from '../../../../main/offline/articleStore';
import { keptTextsIn } from '../../../../main/offline/keptOffline';
import { createKeptPhrases, READS_PER_SEARCH } from '../../../../main/offline/keptPhrases';
import { matchingIds, searchBulletins } from '../../../../main/search/searchBulletins';
import { createSearchIndex } from '../../../../main/search/searchIndex';
import { createPhraseSearch } from '../../../../main/search/phraseSearch';
import { fakeLibrary, matchedIds } from '../searchHelpers';

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

describe('quoted phrases in the full articles kept offline', () => {
  /** The archive, its kept articles and index, and a search through the app's pipeline (as the window's). */
  async function keptArchive(bulletins: Bulletin[], keptTexts: Record<string, string>) {
    const articlesFolder = join(folder, 'offline', 'articles');
    const articles = createArticleStore(articlesFolder);
    await mkdir(articlesFolder, { recursive: true });
    // Written plainly (not atomically, with its fsyncs): hundreds of them in the last test.
    for (const [id, text] of Object.entries(keptTexts))
      await writeFile(join(articlesFolder, articleFileName(id)), JSON.stringify(kept(id, text)));
    const library = fakeLibrary(bulletins);
    const index = createSearchIndex({
      bulletins: () => bulletins,
      keptTexts: keptTextsIn(folder),
      bulletin: (id) => library.get(id),
    });
    await index.ready;
    let reads = 0;
    const phrases = createKeptPhrases(articlesFolder, {
      read: (id) => {
        reads++;
        return articles.read(id);
      },
    });
    const phraseSearch = createPhraseSearch([phrases], phrases.ready);
    const search = async (text: string) =>
      (
        await phraseSearch((lookup) =>
          searchBulletins(
            { view: 'all', text, literal: true },
            library,
            index,
            (bulletin, excerpt) => bulletinRow(bulletin, library, excerpt),
            [],
            lookup,
          ),
        )
      ).answer;
    const rows = async (text: string) => (await search(text)).rows;
    const ids = async (text: string) => (await rows(text)).map((row) => row.id).sort();
    const allIds = async (text: string) =>
      (
        await phraseSearch((lookup) =>
          matchingIds({ view: 'all', text, literal: true }, library, index, [], lookup),
        )
      ).answer;
    return { articles, phrases, index, rows, ids, allIds, reads: () => reads };
  }

  it('finds a phrase only the kept article has, shows it in the passage, and excludes by it', async () => {
    const longLead = 'Water trucks reached the camp. '.repeat(400);
    const archive = await keptArchive(
      [
        bulletin('a', 'Families crossed at the northern post.'),
        bulletin('b', 'The plant next to the desalination works closed at the post.'),
        bulletin('c', 'A desalination plant opened at the southern post.'),
      ],
      { a: `${longLead}The reception hall will add a desalination plant next month.` },
    );
    // a: only its kept article has the phrase (far in: the passage finds it there);
    // b: both words, apart; c: the phrase in its own summary.
    expect(await archive.ids('"desalination plant"')).toEqual(['a', 'c']);
    const rowA = (await archive.rows('"desalination plant"')).find((row) => row.id === 'a');
    expect(rowA?.excerpt).toContain('a desalination plant next month');
    expect(await archive.ids('post -"desalination plant"')).toEqual(['b']);
    expect(await archive.allIds('"desalination plant"')).toEqual(expect.arrayContaining(['a', 'c']));
    expect(await archive.ids('"plant next month"')).toEqual(['a']);
  });

  it('reads only kept bulletins whose own text lacks the phrase, each once, and forgets what changed', async () => {
    const bulletins = Array.from({ length: 40 }, (_, at) =>
      bulletin(`n${at}`, `Cholera cases rose near post ${at}.`),
    );
    const keptTexts: Record<string, string> = {};
    // Ten kept articles with both words apart; the other thirty bulletins have no kept article.
    for (let at = 0; at < 10; at++) keptTexts[`n${at}`] = `The post had no cases; cholera was far away.`;
    const archive = await keptArchive(bulletins, keptTexts);
    expect(await archive.ids('"cholera post"')).toEqual([]);
    expect(archive.reads()).toBe(10);
    // Typing on, paging, selecting all: the same question is not read again.
    await archive.ids('"cholera post"');
    await archive.allIds('"cholera post"');
    expect(archive.reads()).toBe(10);
    // The phrase in the bulletins' own text: no kept article is read.
    expect(await archive.ids('"cholera cases"')).toHaveLength(40);
    expect(archive.reads()).toBe(10);

    // Kept again with the phrase: what was known of it is forgotten, and it is found.
    await archive.articles.write(kept('n3', 'Cholera post: the clinic at the border.'));
    await archive.index.keptChanged(['n3']);
    await archive.phrases.changed(['n3']);
    expect(await archive.ids('"cholera post"')).toEqual(['n3']);
    expect(archive.reads()).toBe(11);
    // Removed in Settings: not found by it any more, and not read.
    await archive.articles.remove('n3');
    await archive.index.keptChanged(['n3']);
    await archive.phrases.changed(['n3']);
    expect(await archive.ids('"cholera post"')).toEqual([]);
    expect(archive.reads()).toBe(11);
  });

  it('reads at most a bounded number of kept articles in one search', async () => {
    const count = READS_PER_SEARCH + 20;
    const bulletins = Array.from({ length: count }, (_, at) => bulletin(`m${at}`, `Rain at post ${at}.`));
    const keptTexts = Object.fromEntries(bulletins.map(({ id }) => [id, 'Rain fell; the post stayed open.']));
    const archive = await keptArchive(bulletins, keptTexts);
    await archive.ids('"rain post"');
    expect(archive.reads()).toBe(READS_PER_SEARCH);
  }, 30_000);
});
