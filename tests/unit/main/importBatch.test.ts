import type * as FsPromises from 'node:fs/promises';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../main/i18n';
import { bytesSource, importSources } from '../../../main/importers/importFiles';
import { createImportRunner } from '../../../main/importers/importRunner';
import { createSearchIndex } from '../../../main/search/searchIndex';
import { foundIds } from './searchHelpers';
import type { StoreEvent } from '../../../main/store/events';
import { openLibrary } from '../../../main/store/library';

/** Every file the store puts in place (the rename of its temporary copy), and a disk that can refuse. */
const disk = vi.hoisted(() => ({ renamedTo: [] as string[], refuse: null as string | null }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof FsPromises>();
  const open: typeof fs.open = async (path, flags, mode) => {
    if (disk.refuse && flags === 'w')
      throw Object.assign(new Error(`${disk.refuse}: refused`), { code: disk.refuse });
    return fs.open(path, flags, mode);
  };
  const rename: typeof fs.rename = async (from, to) => {
    await fs.rename(from, to);
    disk.renamedTo.push(String(to));
  };
  return { ...fs, open, rename, default: { ...fs, open, rename } };
});

let folder: string;
let library: string;
beforeAll(() => initI18n('en-US'));
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bulletin-batch-'));
  library = join(folder, 'library');
  disk.renamedTo = [];
  disk.refuse = null;
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** An RSS file of items (guid, date published). */
const feed = (name: string, items: Array<[guid: string, date: string]>) =>
  bytesSource(
    name,
    new TextEncoder().encode(
      `<rss version="2.0"><channel><title>T</title>${items
        .map(
          ([guid, date]) =>
            `<item><guid>${guid}</guid><title>Item ${guid}</title><pubDate>${new Date(date).toUTCString()}</pubDate></item>`,
        )
        .join('')}</channel></rss>`,
    ),
  );

const writesOf = (month: string) =>
  disk.renamedTo.filter((path) => path === join(library, 'bulletins', `${month}.json`)).length;

/** What a restart finds on disk: the titles of the library's bulletins. */
async function titlesOnDisk(): Promise<string[]> {
  const reopened = await openLibrary(library);
  reopened.close();
  return reopened
    .bulletins()
    .map((bulletin) => bulletin.title)
    .sort();
}

describe('an import batch', () => {
  it('writes a month once, however many of its files touch it, and reports each file', async () => {
    const store = await openLibrary(library);
    const index = createSearchIndex();
    const report = await importSources(
      [
        feed('a.xml', [['a', '2020-11-02']]),
        bytesSource('notes.pdf', new Uint8Array([37, 80, 68, 70])),
        feed('b.xml', [
          ['b', '2020-11-20'],
          ['c', '2020-12-01'],
        ]),
      ],
      store,
      index,
    );
    expect(report.files.map(({ name, added, error }) => [name, added, error === undefined])).toEqual([
      ['a.xml', 1, true],
      ['notes.pdf', 0, false],
      ['b.xml', 2, true],
    ]);
    expect([writesOf('2020-11'), writesOf('2020-12')]).toEqual([1, 1]);
    expect(await foundIds(index, store, 'item')).toHaveLength(3);
    expect(store.counts().all).toBe(3);
    expect(await titlesOnDisk()).toEqual(['Item a', 'Item b', 'Item c']);
  });

  it('is written before the next file once it holds `commitAfter.items` bulletins', async () => {
    const store = await openLibrary(library);
    await importSources(
      [feed('a.xml', [['a', '2020-11-02']]), feed('b.xml', [['b', '2020-11-20']])],
      store,
      createSearchIndex(),
      { commitAfter: { items: 1, ms: 60_000 } },
    );
    expect(writesOf('2020-11')).toBe(2);
  });

  it('refuses whole only the file that needs a month made by a newer app; the others land', async () => {
    await mkdir(join(library, 'bulletins'), { recursive: true });
    await writeFile(join(library, 'bulletins', '2019-01.json'), JSON.stringify({ schemaVersion: 99 }));
    const store = await openLibrary(library);
    const report = await importSources(
      [
        feed('a.xml', [['a', '2020-11-02']]),
        // Its November item could be stored; its January one cannot: neither is.
        feed('b.xml', [
          ['b', '2020-11-20'],
          ['old', '2019-01-15'],
        ]),
      ],
      store,
      createSearchIndex(),
    );
    expect(report.added).toBe(1);
    expect(report.files[1]?.error).toMatch(/newer version of Bulletin Reader/);
    expect(store.bulletins().map((bulletin) => bulletin.title)).toEqual(['Item a']);
    expect(store.get(store.bulletins()[0]?.id ?? '')?.title).toBe('Item a');
    expect(await titlesOnDisk()).toEqual(['Item a']);
  });

  it('on a full disk reports its files imported, says the disk is full, and writes them when space returns', async () => {
    const events: StoreEvent[] = [];
    const store = await openLibrary(library, { report: (event) => events.push(event), retryMs: 20 });
    disk.refuse = 'ENOSPC';
    const report = await importSources(
      [feed('a.xml', [['a', '2020-11-02']]), feed('b.xml', [['b', '2020-11-20']])],
      store,
      createSearchIndex(),
    );
    expect(report.added).toBe(2);
    expect(events).toEqual([{ type: 'write-failed', file: 'bulletins/2020-11.json', code: 'ENOSPC' }]);
    disk.refuse = null;
    await expect.poll(() => events.at(-1)).toEqual({ type: 'write-resumed', file: 'bulletins/2020-11.json' });
    store.close();
    expect(await titlesOnDisk()).toEqual(['Item a', 'Item b']);
  });

  it('reports nothing imported when the disk refuses its write for another reason', async () => {
    const store = await openLibrary(library, { retryMs: 60_000 });
    disk.refuse = 'EMFILE';
    const report = await importSources(
      [feed('a.xml', [['a', '2020-11-02']]), feed('b.xml', [['b', '2020-11-20']])],
      store,
      createSearchIndex(),
    );
    expect(report.added).toBe(0);
    expect(report.files.map((file) => file.error)).toEqual([
      expect.stringMatching(/could not be saved.*EMFILE/),
      expect.stringMatching(/could not be saved.*EMFILE/),
    ]);
    disk.refuse = null;
    expect(await titlesOnDisk()).toEqual([]);
    // As the message asks: importing again saves them.
    await importSources([feed('a.xml', [['a', '2020-11-02']])], store, createSearchIndex());
    store.close();
    expect(await titlesOnDisk()).toEqual(['Item a', 'Item b']);
  });

  it('cancelled, writes the files finished before the cancel and starts no other', async () => {
    const store = await openLibrary(library);
    const runner = createImportRunner(store, createSearchIndex(), {
      progress: (step) => {
        if (step.done === 1) runner.cancel(); // b.xml is in hand: it finishes, c.xml is not started
      },
      changed: () => {},
    });
    const report = await runner.run([
      feed('a.xml', [['a', '2020-11-02']]),
      feed('b.xml', [['b', '2020-12-20']]),
      feed('c.xml', [['c', '2020-11-25']]),
    ]);
    expect(report).toMatchObject({ cancelled: true, added: 2 });
    expect(report.files.map((file) => file.name)).toEqual(['a.xml', 'b.xml']);
    expect(await titlesOnDisk()).toEqual(['Item a', 'Item b']);
  });

  it('taken in but not yet written when the app quits, is written by the quit', async () => {
    const store = await openLibrary(library);
    await store.stage([
      {
        id: 'staged',
        source: 'Test',
        title: 'Item staged',
        summary: '',
        published: '2020-11-02',
        language: 'en',
        countries: [],
        tags: [],
        importedAt: '2026-01-01T00:00:00.000Z',
        contentHash: 'staged',
      },
    ]);
    expect(await titlesOnDisk()).toEqual([]);
    await store.flush();
    expect(await titlesOnDisk()).toEqual(['Item staged']);
  });
});
