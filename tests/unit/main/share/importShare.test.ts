import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Bulletin } from '../../../../preload/contract';
import { JSON_EXPORT_FORMAT } from '../../../../main/export/jsonExport';
import { initI18n } from '../../../../main/i18n';
import { importFiles } from '../../../../main/importers/importFiles';
import { createSearchIndex } from '../../../../main/search/searchIndex';
import { buildShare } from '../../../../main/share/buildShare';
import { shareFileText } from '../../../../main/share/shareFormat';
import { bulletinSchema } from '../../../../main/store/schema';
import { openLibrary, type Library } from '../../../../main/store/library';

/** Importing a colleague's share file through the normal import path (issue 19). */

let folder: string;
beforeAll(() => initI18n('en-US'));
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bulletin-share-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const bulletin = (id: string, published = '2026-11-12'): Bulletin => ({
  id,
  source: 'Field office',
  title: `Bulletin ${id}`,
  summary: 'Text',
  published,
  language: 'en',
  countries: [],
  tags: [],
  importedAt: '2026-11-12T00:00:00.000Z',
  contentHash: `hash-${id}`,
});

/** Ana's library: a collection "Darién route" of a, b and c, with notes on a and b, a bookmarked. */
async function anasShareFile(): Promise<{ path: string; noteDay: string }> {
  const ana = await openLibrary(join(folder, 'ana'));
  await ana.add([bulletin('a'), bulletin('b'), bulletin('c', '2026-10-01')]);
  await ana.setNote('a', 'Border closed on the 3rd');
  await ana.setNote('b', 'Same words');
  await ana.toggleBookmark('a');
  const text = shareFileText(
    buildShare(ana.bulletins('all'), ana, {
      name: 'Ana',
      at: new Date('2026-12-01T09:00:00Z'),
      collection: 'Darién route',
    }),
    'Darién route',
  );
  const noteDay = ana.noteEntry('a')?.updatedAt.slice(0, 10) ?? '';
  await ana.flush();
  const path = join(folder, 'Darién route.share.json');
  await writeFile(path, text);
  return { path, noteDay };
}

/** Ben's library: a and d, his own note on a and b's same words, a collection of his own. */
let laptops = 0;
async function bensLibrary(name = 'ben'): Promise<Library> {
  const ben = await openLibrary(join(folder, name));
  await ben.add([bulletin('a'), bulletin('d')]);
  await ben.setNote('a', 'Ben: shelter full');
  const mine = await ben.createCollection('Mine');
  await ben.addToCollection(mine.id, ['d']);
  return ben;
}

const marksOf = (library: Library) => ({
  notes: Object.fromEntries(library.notes()),
  bookmarks: library.bulletins('bookmarks').map((b) => b.id),
  collections: library.collections().map(({ name, count }) => ({ name, count })),
});

describe('importing a share file', () => {
  it("merges: Ben's note kept, Ana's beside it with her name, the collection holds every bulletin, nothing else of Ben's changed", async () => {
    const { path, noteDay } = await anasShareFile();
    const ben = await bensLibrary();
    const report = await importFiles([path], ben, createSearchIndex());
    expect(report.files[0]).toMatchObject({
      added: 2,
      unchanged: 1,
      share: {
        sender: 'Ana',
        notesNew: 1,
        notesBeside: 1,
        notesSame: 0,
        collection: { name: 'Darién route', created: true, added: 3, already: 0 },
        bookmarks: { offered: 1, added: 0, already: 0 },
      },
    });
    expect(ben.note('a')).toBe(`Ben: shelter full\n\n— from Ana, ${noteDay}:\nBorder closed on the 3rd`);
    expect(ben.note('b')).toBe(`— from Ana, ${noteDay}:\nSame words`);
    expect(marksOf(ben)).toMatchObject({
      bookmarks: [],
      collections: [
        { name: 'Mine', count: 1 },
        { name: 'Darién route', count: 3 },
      ],
    });
    expect(ben.note('d')).toBeUndefined();

    // Written: a relaunch finds the same.
    const before = marksOf(ben);
    await ben.flush();
    ben.close();
    const reopened = await openLibrary(join(folder, 'ben'));
    expect(marksOf(reopened)).toEqual(before);
  });

  it('the same file imported twice changes nothing the second time (not even a write)', async () => {
    const { path } = await anasShareFile();
    const ben = await bensLibrary();
    await importFiles([path], ben, createSearchIndex());
    await ben.flush();
    const before = marksOf(ben);
    const stateBefore = await readFile(join(folder, 'ben', 'state.json'), 'utf8');
    const again = await importFiles([path], ben, createSearchIndex());
    expect(again.files[0]).toMatchObject({
      added: 0,
      updated: 0,
      unchanged: 3,
      share: {
        notesNew: 0,
        notesBeside: 0,
        notesSame: 2,
        collection: { created: false, added: 0, already: 3 },
      },
    });
    await ben.flush();
    expect(marksOf(ben)).toEqual(before);
    expect(await readFile(join(folder, 'ben', 'state.json'), 'utf8')).toBe(stateBefore);
  });

  it('takes the bookmarks only when the receiver says yes, and asks with the sender and the count', async () => {
    const { path } = await anasShareFile();
    const asked: Array<[string, number]> = [];
    const ben = await bensLibrary();
    await importFiles([path], ben, createSearchIndex(), {
      askBookmarks: (sender, count) => {
        asked.push([sender, count]);
        return Promise.resolve(true);
      },
    });
    expect(asked).toEqual([['Ana', 1]]);
    expect(marksOf(ben).bookmarks).toEqual(['a']);
  });

  it('joins a collection of the same name, case and accents aside', async () => {
    const { path } = await anasShareFile();
    const ben = await bensLibrary();
    const route = await ben.createCollection('darien ROUTE');
    await ben.addToCollection(route.id, ['a']);
    const report = await importFiles([path], ben, createSearchIndex());
    expect(report.files[0]?.share?.collection).toEqual({
      name: 'darien ROUTE',
      created: false,
      added: 2,
      already: 1,
    });
    expect(ben.collections().map((c) => c.name)).toEqual(['Mine', 'darien ROUTE']);
  });

  it('is our JSON export plus a share part: what older versions import as plain bulletins', async () => {
    const { path } = await anasShareFile();
    const file = JSON.parse(await readFile(path, 'utf8')) as { format: string; bulletins: unknown[] };
    // What ourJson.ts has checked since the JSON export existed: the format name, then each bulletin.
    expect(file.format).toBe(JSON_EXPORT_FORMAT);
    expect(file.bulletins.every((item) => bulletinSchema.safeParse(item).success)).toBe(true);
    expect(file.bulletins).toHaveLength(3);
  });
});

interface ShareJson {
  share: {
    version?: number;
    sender?: string;
    run?: string;
    notes: Record<string, { text: string; updatedAt: string }>;
  };
}

describe('a damaged or hostile share file', () => {
  async function refusedAndNothingChanged(text: string, reason: RegExp) {
    const ben = await bensLibrary(`ben-${++laptops}`);
    await ben.flush();
    const before = { marks: marksOf(ben), all: ben.bulletins('all').map((b) => b.id) };
    const path = join(folder, 'bad.share.json');
    await writeFile(path, text);
    const report = await importFiles([path], ben, createSearchIndex());
    expect(report.files[0]?.error).toMatch(reason);
    expect(report.added).toBe(0);
    expect({ marks: marksOf(ben), all: ben.bulletins('all').map((b) => b.id) }).toEqual(before);
  }

  const valid = async () => JSON.parse(await readFile((await anasShareFile()).path, 'utf8')) as ShareJson;

  it('cut short (a USB stick pulled out): refused as damaged, nothing imported', async () => {
    const text = await readFile((await anasShareFile()).path, 'utf8');
    await refusedAndNothingChanged(text.slice(0, text.length / 2), /damaged.*not complete JSON/);
  });

  it('a note of a million characters: refused, naming the part', async () => {
    const file = await valid();
    file.share.notes.a = { text: 'x'.repeat(1_000_000), updatedAt: '2026-12-01T00:00:00.000Z' };
    await refusedAndNothingChanged(JSON.stringify(file), /damaged or was altered.*notes/);
  });

  it('a newer share version, a missing sender, or unknown keys: refused', async () => {
    for (const change of [
      (f: ShareJson) => (f.share.version = 2),
      (f: ShareJson) => delete f.share.sender,
      (f: ShareJson) => (f.share.run = 'rm -rf'),
      (f: ShareJson) => (f.share.notes = { a: { text: 'x', updatedAt: '../../p' } }),
    ]) {
      const file = await valid();
      change(file);
      await refusedAndNothingChanged(JSON.stringify(file), /damaged or was altered/);
    }
  });
});
