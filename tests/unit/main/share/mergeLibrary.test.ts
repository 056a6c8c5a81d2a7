import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createArchive } from '../../../../main/archive/archive';
import { initI18n } from '../../../../main/i18n';
import { parseInWorker, type WorkerParser } from '../../../../main/importers/parseInWorker';
import type { NoticeInput } from '../../../../main/notices/noticeBoard';
import { createSearchIndex, type SearchIndex } from '../../../../main/search/searchIndex';
import { mergeColleagueLibrary, undoColleagueMerge } from '../../../../main/share/mergeLibraryCommand';
import { MERGE_RECORD_FILE } from '../../../../main/share/mergeRecord';
import { writeBackupWithKept } from '../../../../main/offline/keptBackup';
import { openLibrary, type Library } from '../../../../main/store/library';
import { libraryBackupOf } from '../../../../main/store/libraryBackup';
import { emptyState, type State } from '../../../../main/store/schema';
import { bundleWorker } from '../crash/bundleWorker';
import { foundIds } from '../searchHelpers';
import { bulletin } from '../storeFixtures';

/** The file the Open dialog answers with, and the answers to the questions asked, in order. */
const dialogs = vi.hoisted(() => ({ chosen: '', answers: [] as number[], asked: [] as string[] }));
vi.mock('electron', () => ({
  BrowserWindow: { getFocusedWindow: () => null },
  dialog: {
    showOpenDialog: () => Promise.resolve({ canceled: false, filePaths: [dialogs.chosen] }),
    showMessageBox: (options: { message: string; detail?: string }) => {
      dialogs.asked.push(`${options.message}\n${options.detail ?? ''}`);
      return Promise.resolve({ response: dialogs.answers.shift() ?? 1, checkboxChecked: false });
    },
  },
}));

let folder: string;
let workerFile: string;
let userData: string;
let library: Library;
let index: SearchIndex;
let parser: WorkerParser;
let posted: NoticeInput[];
let takeBookmarks: boolean;

beforeAll(async () => {
  await initI18n('en-US');
  folder = await mkdtemp(join(tmpdir(), 'bulletin-merge-'));
  workerFile = join(folder, 'parseWorker.mjs');
  await bundleWorker(new URL('../../../../main/importers/parseWorker.ts', import.meta.url), workerFile);
});
afterAll(() => rm(folder, { recursive: true, force: true }));

/** The user's own library: two bulletins, a note, a bookmark and a collection. */
async function openMine() {
  library = await openLibrary(userData);
  index = createSearchIndex({ bulletins: () => library.bulletins() });
  await index.ready;
}
beforeEach(async () => {
  userData = await mkdtemp(join(folder, 'library-'));
  await openMine();
  await library.add([bulletin('shared', '2026-11-01'), bulletin('mine', '2026-11-02')]);
  await library.setNote('shared', 'My own words');
  await library.toggleBookmark('mine');
  const route = await library.createCollection('Darién route');
  await library.addToCollection(route.id, ['mine']);
  parser = parseInWorker(workerFile);
  posted = [];
  dialogs.answers = [];
  dialogs.asked = [];
  takeBookmarks = false;
});
afterEach(() => {
  parser.close();
  library.close();
});

const context = () => ({
  library,
  archive: createArchive(library, index, { archive: () => undefined }),
  notices: { post: (notice: NoticeInput) => posted.push(notice), all: () => [] },
  formatDate: (iso: string) => iso.slice(0, 10),
  readColleagueBackup: parser.readColleagueBackup,
  recordFile: join(userData, MERGE_RECORD_FILE),
  askBookmarks: () => Promise.resolve(takeBookmarks),
});

async function choose(contents: string | Buffer) {
  dialogs.chosen = join(folder, `chosen-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(dialogs.chosen, contents);
}

/** Ana's library: the shared bulletin with her note, two of her own, one she deleted, her marks. */
function anasBackup(extra: { bulletins?: unknown[] } = {}): string {
  const state: State = {
    ...emptyState(),
    settings: { ...emptyState().settings, senderName: 'Ana' },
    notes: {
      shared: { text: 'Her words', updatedAt: '2026-11-30T08:00:00.000Z' },
      hers: { text: 'Seen at Lajas Blancas', updatedAt: '2026-11-30T08:00:00.000Z' },
    },
    bookmarks: { hers: '2026-11-30T08:00:00.000Z' },
    collections: [
      {
        id: 'c1',
        name: 'darien ROUTE',
        createdAt: '2026-11-30T08:00:00.000Z',
        items: { shared: '2026-11-30T08:00:00.000Z', hers: '2026-11-30T08:00:00.000Z' },
      },
      { id: 'c2', name: 'Tapachula', createdAt: '2026-11-30T08:00:00.000Z', items: { other: '2026-11-30' } },
    ],
    deleted: { binned: { at: '2026-11-30T08:00:00.000Z', batch: 'x' } },
  };
  const bulletins = [
    bulletin('shared', '2026-11-01'),
    { ...bulletin('hers', '2026-10-05'), title: 'Crossing at Lajas Blancas' },
    bulletin('other', '2026-09-09'),
    bulletin('binned', '2026-09-10'),
    ...(extra.bulletins ?? []),
  ];
  return JSON.stringify({ ...libraryBackupOf({ state, bulletins: [] }), bulletins });
}

/** Everything the user has, as the next start would read it. */
async function onDisk() {
  library.close();
  await openMine();
  const snapshot = library.snapshot();
  return {
    state: { ...snapshot.state, journalGeneration: 0 },
    bulletins: snapshot.bulletins.map((entry) => entry.id).sort(),
  };
}

describe("File › Merge a Colleague's Library…", { timeout: 60_000 }, () => {
  it('previews, merges on confirmation, reports every item, and one undo after a restart takes it all back', async () => {
    const before = await onDisk();
    await choose(anasBackup({ bulletins: [{ id: 'broken' }] }));
    dialogs.answers = [0];
    takeBookmarks = true;
    await mergeColleagueLibrary(context());

    // The preview said what would change before anything did.
    expect(dialogs.asked[0]).toMatch(/^Merge Ana's library \(backed up .*\) into yours\?/);
    expect(dialogs.asked[0]).toContain('Bulletins: 2 new, 1 already here, 2 left out.');
    expect(dialogs.asked[0]).toContain(
      'Notes: 1 new, 1 kept beside your own (under their name), 0 already in yours.',
    );
    expect(dialogs.asked[0]).toContain(
      'Your collection “Darién route” joined (bulletins added: 2, already in it: 0).',
    );
    expect(dialogs.asked[0]).toContain('New collection “Tapachula” (bulletins: 1).');
    // The report accounts for all five items: 2 added, 1 here, the broken one and the one Ana deleted.
    const report = posted.at(-1);
    expect(report?.message).toBe("Merged Ana's library (bulletins added: 2, already here: 1, left out: 2).");
    expect(report?.details).toContain(
      'Left out: item 5: it is not a complete bulletin (a field is missing or of the wrong kind)',
    );
    expect(report?.details).toContain("Left out as deleted in Ana's library: 1.");
    expect(report?.details).toContain('Bookmarks: 1 added, 0 already yours.');

    expect(library.note('shared')).toBe('My own words\n\n— from Ana, 2026-11-30:\nHer words');
    expect(library.note('hers')).toBe('— from Ana, 2026-11-30:\nSeen at Lajas Blancas');
    expect(library.isBookmarked('hers')).toBe(true);
    expect(library.collections().map(({ name, count }) => [name, count])).toEqual([
      ['Darién route', 3],
      ['Tapachula', 1],
    ]);
    expect(await foundIds(index, library, 'Lajas Blancas')).toContain('hers');
    // A second merge of the same file changes nothing.
    const merged = await onDisk();
    await choose(anasBackup());
    await mergeColleagueLibrary(context());
    expect(posted.at(-1)?.message).toMatch(
      /^Everything in Ana's library is already in yours: nothing was changed/,
    );
    expect(await onDisk()).toEqual(merged);

    // Undo after a restart: back exactly to before.
    dialogs.answers = [0];
    await undoColleagueMerge(context());
    expect(posted.at(-1)?.message).toBe("The merge of Ana's library was taken back (bulletins removed: 2).");
    expect(await foundIds(index, library, 'Lajas Blancas')).toEqual([]);
    const after = await onDisk();
    expect(after.bulletins).toEqual(before.bulletins);
    expect({
      ...after.state,
      collections: after.state.collections.map(({ name, items }) => [name, items]),
    }).toEqual({
      ...before.state,
      collections: before.state.collections.map(({ name, items }) => [name, items]),
    });
    expect(await readdir(userData)).not.toContain(MERGE_RECORD_FILE);
    await undoColleagueMerge(context());
    expect(posted.at(-1)?.message).toBe("There is no merge of a colleague's library to undo.");
  });

  it('cancelled at the preview: nothing changes, and bookmarks are never taken unasked', async () => {
    const before = await onDisk();
    await choose(anasBackup());
    dialogs.answers = [1];
    await mergeColleagueLibrary(context());
    expect(dialogs.asked).toHaveLength(1);
    expect(await onDisk()).toEqual(before);
    dialogs.answers = [0];
    await mergeColleagueLibrary(context());
    expect(library.isBookmarked('hers')).toBe(false);
    expect(posted.at(-1)?.details).toContain('Their bookmarks were not taken (1).');
  });

  it('an undo keeps what the user changed since: an edited note, a collection they added to', async () => {
    await choose(anasBackup());
    dialogs.answers = [0, 0];
    await mergeColleagueLibrary(context());
    await library.setNote('shared', 'Rewritten after the merge');
    const tapachula = library.collections().find((collection) => collection.name === 'Tapachula');
    await library.addToCollection(tapachula?.id ?? '', ['mine']);
    await undoColleagueMerge(context());
    expect(library.note('shared')).toBe('Rewritten after the merge');
    expect(library.collections().map((collection) => collection.name)).toEqual(['Darién route', 'Tapachula']);
    expect(posted.at(-1)?.details).toEqual([
      'Kept because you changed them after the merge (notes, or collections you added to): 2.',
    ]);
  });

  it.each([
    ['not JSON', () => 'this is not a backup {'],
    ['another format', () => JSON.stringify({ ...JSON.parse(anasBackup()), format: 'other' })],
    ['damaged marks', () => JSON.stringify({ ...JSON.parse(anasBackup()), state: { bookmarks: 7 } })],
    ['nested a million deep', () => '['.repeat(1_000_000) + ']'.repeat(1_000_000)],
  ])('%s: refused before anything is asked, nothing changed', async (_, contents) => {
    const before = await onDisk();
    await choose(contents());
    await mergeColleagueLibrary(context());
    expect(posted).toEqual([
      {
        kind: 'error',
        message: 'This file is not a Bulletin Reader backup, or it is damaged.',
        details: ['Nothing in your library was changed.'],
      },
    ]);
    expect(dialogs.asked).toEqual([]);
    expect(await onDisk()).toEqual(before);
  });

  it('a backup made with kept content (one tar) merges its library like a plain one', async () => {
    const kept = await mkdtemp(join(folder, 'kept-'));
    await mkdir(join(kept, 'images'));
    await writeFile(join(kept, 'images', 'not-listed.png'), 'bytes of an image');
    dialogs.chosen = join(folder, 'ana-with-kept.tar');
    await writeBackupWithKept(anasBackup(), kept, dialogs.chosen);
    dialogs.answers = [0];
    await mergeColleagueLibrary(context());
    expect(posted.at(-1)?.message).toBe(
      "Merged Ana's library (bulletins added: 2, already here: 1, left out: 1).",
    );
    expect(await foundIds(index, library, 'Lajas Blancas')).toContain('hers');
  });

  it('a file over the import size limit is refused unread, nothing changed', async () => {
    await library.saveSettings({ ...library.settings(), importCapMegabytes: 1 });
    const before = await onDisk();
    await choose(
      anasBackup({ bulletins: [{ ...bulletin('big', '2026-01-01'), bodyHtml: 'x'.repeat(1_100_000) }] }),
    );
    await mergeColleagueLibrary(context());
    expect(posted.at(-1)).toEqual({
      kind: 'error',
      message: expect.stringMatching(/^This file is larger than 1 MB, the import size limit/),
      details: ['Nothing in your library was changed.'],
    });
    expect(dialogs.asked).toEqual([]);
    expect(await onDisk()).toEqual(before);
  });
});
