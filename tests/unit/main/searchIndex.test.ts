import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Bulletin } from '../../../preload/contract';
import { buildIndexJson } from '../../../main/search/buildIndex';
import { buildInWorker } from '../../../main/search/buildInWorker';
import { INDEX_VERSION } from '../../../main/search/indexOptions';
import { fingerprintOf } from '../../../main/search/persistedIndex';
import { openRecentSearches } from '../../../main/search/recentSearches';
import {
  createSearchIndex,
  type SearchIndex,
  type SearchIndexOptions,
} from '../../../main/search/searchIndex';
import { openLibrary } from '../../../main/store/library';
import { CORPUS } from '../../fixtures/searchCorpus';
import { fail, fakeLibrary, foundIds, matchedIds, searcher } from './searchHelpers';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'search-index-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The ids a search finds, the archive being `archive`. */
const ids = (index: SearchIndex, archive: readonly Bulletin[], text: string) =>
  foundIds(index, fakeLibrary(archive), text);

function spyBuild(all: readonly Bulletin[] = CORPUS) {
  return vi.fn<NonNullable<SearchIndexOptions['build']>>((onProgress) =>
    Promise.resolve(buildIndexJson(all, onProgress)),
  );
}

describe('search index lifecycle', () => {
  it('builds when there is no saved index, saves it, and loads it next time without building', async () => {
    const file = join(folder, 'search-index.json');
    const build = spyBuild();
    const statuses: string[] = [];
    const first = createSearchIndex({
      file,
      bulletins: () => CORPUS,
      build,
      onStatus: (s) => statuses.push(s.state),
    });
    await first.ready;
    await first.flush();
    expect(build).toHaveBeenCalledTimes(1);
    expect(statuses.at(-1)).toBe('ready');
    expect((await readFile(file, 'utf8')).split('\n')[0]).toBe(
      JSON.stringify({ version: INDEX_VERSION, fingerprint: fingerprintOf(CORPUS) }),
    );

    const again = spyBuild();
    const second = createSearchIndex({ file, bulletins: () => CORPUS, build: again });
    await second.ready;
    expect(again).not.toHaveBeenCalled();
    expect(await ids(second, CORPUS, 'Tapachula')).toEqual(['mexico']);
  });

  it('rebuilds when the saved index is corrupt, of another version or of another archive', async () => {
    const file = join(folder, 'search-index.json');
    const headers = [
      'not json at all',
      `${JSON.stringify({ version: INDEX_VERSION, fingerprint: fingerprintOf(CORPUS) })}\n{"broken":`,
      `${JSON.stringify({ version: INDEX_VERSION + 1, fingerprint: fingerprintOf(CORPUS) })}\n${buildIndexJson(CORPUS, () => {})}`,
      `${JSON.stringify({ version: INDEX_VERSION, fingerprint: fingerprintOf(CORPUS.slice(1)) })}\n${buildIndexJson(CORPUS.slice(1), () => {})}`,
    ];
    for (const content of headers) {
      await writeFile(file, content);
      const build = spyBuild();
      const index = createSearchIndex({ file, bulletins: () => CORPUS, build });
      await index.ready;
      expect(build, content.slice(0, 40)).toHaveBeenCalledTimes(1);
      expect(await ids(index, CORPUS, 'darien')).toEqual(['darien']);
      await index.flush();
    }
  });

  it('still answers while it builds, by a scan, and says so', async () => {
    let finish: (json: string) => void = () => {};
    const index = createSearchIndex({
      file: join(folder, 'search-index.json'),
      bulletins: () => CORPUS,
      build: () => new Promise((resolve) => (finish = resolve)),
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(index.status().state).toBe('building');
    const search = searcher(index, fakeLibrary(CORPUS));
    const during = await search('tapach');
    expect(during.rows.map((row) => row.id)).toEqual(['mexico']);
    expect(during.hints).toContainEqual({ code: 'indexing', value: '' });

    const late = { ...(CORPUS[0] ?? fail()), id: 'late', title: 'Zacapa bulletin', contentHash: 'late' };
    await index.add([late]);
    finish(buildIndexJson(CORPUS, () => {}));
    await index.ready;
    expect(index.status()).toEqual({ state: 'ready', progress: 1 });
    expect(await ids(index, [...CORPUS, late], 'Zacapa')).toEqual(['late']);
    expect((await search('tapach')).hints).toEqual([]);
    await index.flush();
  });

  it('is updated incrementally: add, update, remove', async () => {
    const file = join(folder, 'search-index.json');
    let archive: Bulletin[] = [...CORPUS];
    const index = createSearchIndex({ file, bulletins: () => archive });
    await index.ready;
    const added = {
      ...(CORPUS[0] ?? fail()),
      id: 'added',
      title: 'Chiriquí border crossing',
      contentHash: 'added',
    };
    archive = [...archive, added];
    await index.add([added]);
    expect(await ids(index, archive, 'chiriqui')).toEqual(['added']);

    const edited = { ...added, title: 'Bocas del Toro crossing', contentHash: 'edited' };
    archive = archive.map((bulletin) => (bulletin.id === 'added' ? edited : bulletin));
    await index.update([edited]);
    expect(await ids(index, archive, 'chiriqui')).toEqual([]);
    expect(await ids(index, archive, 'bocas toro')).toEqual(['added']);

    archive = archive.filter((bulletin) => bulletin.id !== 'mexico');
    await index.remove(['mexico']);
    expect(await ids(index, archive, 'Tapachula')).toEqual([]);

    await index.flush();
    const build = spyBuild(archive);
    const reopened = createSearchIndex({ file, bulletins: () => archive, build });
    await reopened.ready;
    expect(build).not.toHaveBeenCalled();
    expect(await ids(reopened, archive, 'bocas toro')).toEqual(['added']);
  });

  it('indexes a large import a slice at a time: timers (and the window) run meanwhile, and every bulletin is found after', async () => {
    // Issue 20: 1,000 bulletins indexed in one go held main's thread 0.6–3 s.
    const index = createSearchIndex({ bulletins: () => [] });
    await index.ready;
    const imported = Array.from({ length: 1500 }, (_, at) => ({
      ...(CORPUS[at % CORPUS.length] ?? fail()),
      id: `imported-${at}`,
      title: `Darién crossing report number${at}`,
      contentHash: `imported-${at}`,
    }));
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 0);
    try {
      await index.add(imported);
    } finally {
      clearInterval(ticker);
    }
    // A timer is due every millisecond: it runs between slices, never after the whole only.
    expect(ticks).toBeGreaterThan(0);
    expect(matchedIds(index, 'number1499')).toEqual(['imported-1499']);
    expect(matchedIds(index, 'darien')).toHaveLength(1500);
  });

  it('builds in a worker thread from the shard files, then adds what the files lack', async () => {
    const library = await openLibrary(folder);
    await library.add(CORPUS.slice(1));
    library.close();
    // A month the store would not load is left out by the worker; main then adds its bulletins.
    await writeFile(join(folder, 'bulletins', '1999-01.json'), '{ damaged');
    const shim = new URL('./tsWorker.mjs', import.meta.url);
    const worker = new URL('../../../main/search/indexWorker.ts', import.meta.url).href;
    const progress: number[] = [];
    const build = buildInWorker(shim, join(folder, 'bulletins'), { workerData: { file: worker } });
    const index = createSearchIndex({
      bulletins: () => CORPUS,
      build: (onProgress) =>
        build((value) => {
          progress.push(value);
          onProgress(value);
        }),
    });
    await index.ready;
    expect(progress.at(-1)).toBe(1);
    expect(await ids(index, CORPUS, 'Tapachula')).toEqual(['mexico']);
    const first = CORPUS[0] ?? fail();
    expect(await ids(index, CORPUS, 'Lajas Blancas')).toEqual([first.id]);
  });
});

describe('recent searches', () => {
  it('remembers the last few, newest first, once each, across restarts', async () => {
    const file = join(folder, 'recent-searches.json');
    const recent = await openRecentSearches(file);
    for (const text of ['a', 'b', 'a', '  ', 'c', 'd', 'e', 'f', 'g', 'h', 'i']) await recent.remember(text);
    expect(recent.list()).toEqual(['i', 'h', 'g', 'f', 'e', 'd', 'c', 'a']);
    expect((await openRecentSearches(file)).list()).toEqual(recent.list());
    // Damaged: its copy in backups/ is read; with both damaged, they are forgotten.
    await writeFile(file, '{ not json');
    expect((await openRecentSearches(file)).list()).toEqual(recent.list());
    await writeFile(join(folder, 'backups', 'recent-searches.json'), '{ not json');
    expect((await openRecentSearches(file)).list()).toEqual([]);
  });
});
