import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LibraryChange } from '../../../preload/contract';
import { createArchive } from '../../../main/archive/archive';
import { createChangeEvents } from '../../../main/ipc/changeEvents';
import { createSearchIndex, type SearchIndex } from '../../../main/search/searchIndex';
import { openLibrary, type Library } from '../../../main/store/library';
import { CORPUS } from '../../fixtures/searchCorpus';
import { fail, foundIds } from './searchHelpers';

let folder: string;
const opened: Library[] = [];
const indexes: SearchIndex[] = [];
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'archive-'));
});
afterEach(async () => {
  // Saves still due are made before the folder goes.
  await Promise.all(indexes.splice(0).map((index) => index.flush()));
  for (const library of opened.splice(0)) library.close();
  await rm(folder, { recursive: true, force: true });
});

/** The app's archive over a library in `folder`, its saved index beside it, and the change events sent. */
async function openArchive() {
  const library = await openLibrary(folder);
  opened.push(library);
  const index = createSearchIndex({
    file: join(folder, 'search-index.json'),
    bulletins: () => library.bulletins(),
  });
  indexes.push(index);
  await index.ready;
  const sent: LibraryChange[] = [];
  const changes = createChangeEvents(
    () => library.counts(),
    (change) => sent.push(change),
  );
  const archive = createArchive(library, index, changes);
  const found = (text: string) => foundIds(index, library, text);
  return { library, index, archive, sent, found };
}

const DARIEN = CORPUS.find((bulletin) => bulletin.id === 'darien') ?? fail();

describe('the archive changes the store and the index together', () => {
  it('an import batch staged is searchable at once, and listed once committed', async () => {
    const { library, archive, found } = await openArchive();
    const result = await archive.stage(CORPUS);
    expect(result.added).toHaveLength(CORPUS.length);
    expect(await found('Lajas Blancas')).toEqual(['darien']);
    await library.commit();
    expect(library.counts().all).toBe(CORPUS.length);
  });

  it('a delete leaves search, its undo brings the bulletins back to it, each with one change event', async () => {
    const { library, archive, sent, found } = await openArchive();
    await archive.stage(CORPUS);
    await library.commit();
    const { count, undoToken } = await archive.deleteBulletins(['darien', 'not-there']);
    expect(count).toBe(1);
    expect(await found('Lajas Blancas')).toEqual([]);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ membership: 'every', counts: { all: CORPUS.length - 1 } });

    expect(await archive.undoDelete(undoToken)).toBe(1);
    expect(await found('Lajas Blancas')).toEqual(['darien']);
    expect(sent).toHaveLength(2);
    expect(await archive.undoDelete(undoToken)).toBe(0);
    expect(sent).toHaveLength(2);
  });

  it("a delete's undo after a restart brings the bulletins back to search too", async () => {
    const first = await openArchive();
    await first.archive.stage(CORPUS);
    await first.library.commit();
    const { undoToken } = await first.archive.deleteBulletins(['darien']);
    await first.library.flush();
    await first.index.flush();
    first.library.close();

    const { archive, index, found } = await openArchive();
    // Loaded from its file, without the deleted bulletin: nothing is rebuilt.
    expect(index.status().state).toBe('ready');
    expect(await found('Lajas Blancas')).toEqual([]);
    expect(await archive.undoDelete(undoToken)).toBe(1);
    expect(await found('Lajas Blancas')).toEqual(['darien']);
  });

  it('a restore replaces what search finds, and says the archive changed', async () => {
    const { library, archive, sent, found } = await openArchive();
    await archive.stage(CORPUS);
    await library.commit();
    const snapshot = library.snapshot();
    const renamed = { ...DARIEN, title: 'Zacapa crossing report', contentHash: 'renamed' };
    await archive.restore({
      state: snapshot.state,
      bulletins: [
        renamed,
        ...snapshot.bulletins.filter((bulletin) => !['darien', 'mexico'].includes(bulletin.id)),
      ],
    });
    expect(await found('Zacapa')).toEqual(['darien']);
    expect(await found('Tapachula')).toEqual([]);
    expect(library.counts().all).toBe(CORPUS.length - 1);
    expect(sent.at(-1)).toMatchObject({ membership: 'every' });
  });
});
