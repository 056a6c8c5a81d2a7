import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NoticeInput } from '../../../main/notices/noticeBoard';
import { initI18n } from '../../../main/i18n';
import { parseInWorker, type WorkerParser } from '../../../main/importers/parseInWorker';
import { createSearchIndex } from '../../../main/search/searchIndex';
import { openLibrary, type Library } from '../../../main/store/library';
import { libraryBackupOf } from '../../../main/store/libraryBackup';
import { emptyState } from '../../../main/store/schema';
import { restoreLibrary } from '../../../main/windows/backupCommands';
import { bundleWorker } from './crash/bundleWorker';
import { bulletin } from './storeFixtures';
import { createArchive } from '../../../main/archive/archive';

/** The file the Open dialog answers with, and how often the user was asked to confirm. */
const dialogs = vi.hoisted(() => ({ chosen: '', confirmations: 0 }));
vi.mock('electron', () => ({
  BrowserWindow: { getFocusedWindow: () => null },
  dialog: {
    showOpenDialog: () => Promise.resolve({ canceled: false, filePaths: [dialogs.chosen] }),
    showMessageBox: () => {
      dialogs.confirmations += 1;
      return Promise.resolve({ response: 0, checkboxChecked: false });
    },
  },
}));

/** A heap the worker starts and reads small files in, and that a 90 MB backup would overflow. */
const HEAP_FOR_TESTS_MB = 64;

let folder: string;
let workerFile: string;
let library: Library;
let parser: WorkerParser | undefined;
let posted: NoticeInput[];

beforeAll(async () => {
  await initI18n('en-US');
  folder = await mkdtemp(join(tmpdir(), 'bulletin-restore-'));
  workerFile = join(folder, 'parseWorker.mjs');
  await bundleWorker(new URL('../../../main/importers/parseWorker.ts', import.meta.url), workerFile);
});
afterAll(() => rm(folder, { recursive: true, force: true }));
beforeEach(async () => {
  library = await openLibrary(await mkdtemp(join(folder, 'library-')));
  await library.add([bulletin('kept', '2020-01-01')]);
  await library.toggleBookmark('kept');
  await mkdir(join(folder, 'backups'), { recursive: true });
  posted = [];
  dialogs.confirmations = 0;
});
afterEach(() => {
  parser?.close();
  parser = undefined;
  library.close();
});

/** File › Restore library… on `contents`, read by `parser`'s worker; what main's loop did meanwhile. */
async function restoreFrom(contents: string | Buffer, reader: WorkerParser) {
  dialogs.chosen = join(folder, `chosen-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(dialogs.chosen, contents);
  let ticks = 0;
  const ticker = setInterval(() => (ticks += 1), 1);
  try {
    await restoreLibrary({
      library,
      archive: createArchive(library, createSearchIndex(), { archive: () => undefined }),
      notices: { post: (notice) => posted.push(notice), all: () => [] },
      backupFolder: join(folder, 'backups'),
      formatDate: (iso) => iso,
      readBackup: reader.readBackup,
      onRestored: () => undefined,
    });
  } finally {
    clearInterval(ticker);
  }
  return { ticks };
}

/** A backup of `count` bulletins of ≈ 2 kB each, its last one broken when `broken`. */
function bigBackup(count: number, broken = false): string {
  const bulletins = Array.from({ length: count }, (_, at) => ({
    ...bulletin(`b-${at}`, '2021-03-04'),
    bodyHtml: `<p>Bulletin ${at}: the crossing reopened.</p>`.repeat(50),
  }));
  const backup = libraryBackupOf({ state: emptyState(), bulletins });
  if (broken) Object.assign(backup.bulletins[count - 1] ?? {}, { published: 12 });
  return JSON.stringify(backup);
}

const unchanged = () => {
  expect(dialogs.confirmations).toBe(0);
  expect(library.bulletins().map((entry) => entry.id)).toEqual(['kept']);
  expect(library.isBookmarked('kept')).toBe(true);
};

describe('File › Restore library… reads the chosen file in the parse worker', { timeout: 120_000 }, () => {
  it('a valid backup is checked in the worker, confirmed, and replaces the library', async () => {
    parser = parseInWorker(workerFile);
    const backup = libraryBackupOf({ state: emptyState(), bulletins: [bulletin('restored', '2019-02-03')] });
    await restoreFrom(JSON.stringify(backup), parser);
    expect(dialogs.confirmations).toBe(1);
    expect(library.bulletins().map((entry) => entry.id)).toEqual(['restored']);
    expect(posted.at(-1)?.message).toBe('Library restored (bulletins: 1, bookmarks: 0).');
  });

  it.each([
    ['cut short', () => bigBackup(3).slice(0, 200)],
    ['another format', () => JSON.stringify({ ...JSON.parse(bigBackup(1)), format: 'other' })],
    ['random bytes', () => Buffer.from(Array.from({ length: 4096 }, (_, at) => (at * 7919) % 256))],
    ['nested a million deep', () => '['.repeat(1_000_000) + ']'.repeat(1_000_000)],
    ['a bulletin without a valid date, after 5,000 good ones (≈ 11 MB)', () => bigBackup(5000, true)],
  ])('%s: refused as not a backup, nothing changed, and main answers meanwhile', async (_, contents) => {
    parser = parseInWorker(workerFile);
    const { ticks } = await restoreFrom(contents(), parser);
    expect(posted).toEqual([
      {
        kind: 'error',
        message: 'This file is not a Bulletin Reader backup, or it is damaged.',
        details: ['Nothing in your library was changed.'],
      },
    ]);
    unchanged();
    // Main's event loop ran while the worker parsed and checked the file.
    expect(ticks).toBeGreaterThan(0);
  });

  it('a backup past its time budget is refused with the reason, and the next restore works', async () => {
    // A budget no read of the large file can meet; ample for the small one.
    parser = parseInWorker(workerFile, { budget: (size) => (size > 1_000_000 ? 1 : 60_000) });
    await restoreFrom(bigBackup(2000), parser);
    expect(posted).toEqual([
      {
        kind: 'error',
        message: expect.stringMatching(/^This backup was refused: checking it took longer than the limit/),
        details: ['Nothing in your library was changed.'],
      },
    ]);
    unchanged();
    await restoreFrom(JSON.stringify(libraryBackupOf({ state: emptyState(), bulletins: [] })), parser);
    expect(posted.at(-1)?.message).toBe('Library restored (bulletins: 0, bookmarks: 0).');
  });

  it('a backup too large for the worker’s heap is refused as such before V8 could abort the app, nothing changed', async () => {
    parser = parseInWorker(workerFile, { heapMb: HEAP_FOR_TESTS_MB });
    await restoreFrom(bigBackup(40_000), parser);
    expect(posted).toEqual([
      {
        kind: 'error',
        message: expect.stringMatching(/^This backup was refused: checking it needed more memory/),
        details: ['Nothing in your library was changed.'],
      },
    ]);
    unchanged();
  });
});
