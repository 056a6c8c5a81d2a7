import { appendFile, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Durable from '../../../main/store/durableJsonFile';
import type { StoreEvent } from '../../../main/store/events';
import { openLibrary, type Library } from '../../../main/store/library';
import { JOURNAL_FILE } from '../../../main/store/stateJournal';
import { bulletin } from './storeFixtures';

/** Holds a write of state.json on its way to disk, so a test can act while a compaction is writing. */
const gate = vi.hoisted(() => ({
  held: null as null | { reached: boolean; open: () => void; opened: Promise<void> },
}));
vi.mock('../../../main/store/durableJsonFile', async (importOriginal) => {
  const actual = await importOriginal<typeof Durable>();
  const writeAtomically: typeof actual.writeAtomically = async (file, data, signal) => {
    const held = gate.held;
    if (held && file.endsWith('state.json')) {
      held.reached = true;
      await held.opened;
    }
    return actual.writeAtomically(file, data, signal);
  };
  return { ...actual, writeAtomically };
});

function holdStateWrites() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  gate.held = { reached: false, open, opened };
  return gate.held;
}

let folder: string;
const opened: Library[] = [];
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bulletin-journal-'));
  gate.held = null;
});
afterEach(async () => {
  for (const library of opened.splice(0)) library.close();
  await rm(folder, { recursive: true, force: true });
});

async function open(events?: StoreEvent[], limits?: Parameters<typeof openLibrary>[1]): Promise<Library> {
  const library = await openLibrary(folder, { report: (event) => events?.push(event), ...limits });
  opened.push(library);
  return library;
}
const journalPath = () => join(folder, JOURNAL_FILE);
const journalLines = async () => (await readFile(journalPath(), 'utf8')).split('\n').filter(Boolean);
const stateOnDisk = async () =>
  JSON.parse(await readFile(join(folder, 'state.json'), 'utf8')) as {
    journalGeneration: number;
    bookmarks: Record<string, string>;
  };
const IDS = ['a', 'b', 'c', 'd', 'e'];
const withBulletins = async (events?: StoreEvent[]) => {
  const library = await open(events);
  await library.add(IDS.map((id) => bulletin(id, '2021-05-06')));
  return library;
};

describe('state.json journal', () => {
  it('appends each keyed change and replays every kind of them on the next start', async () => {
    const library = await withBulletins();
    const collection = await library.createCollection('Border'); // structural: state.json written whole
    const before = await stat(join(folder, 'state.json'));
    await library.toggleBookmark('a');
    await library.setRead('b', true);
    await library.setNote('c', 'Call the field office');
    await library.addToCollection(collection.id, ['a', 'd']);
    await library.removeFromCollection(collection.id, ['a']);
    const { batch } = await library.deleteBulletins(['e']);
    await library.toggleBookmark('d');
    await library.toggleBookmark('d');
    // state.json was not rewritten for any of them: each is one line of the journal.
    expect((await stat(join(folder, 'state.json'))).mtimeMs).toBe(before.mtimeMs);
    expect(await journalLines()).toHaveLength(1 + 8);

    const events: StoreEvent[] = [];
    const reopened = await open(events);
    expect(events).toEqual([]);
    expect(reopened.isBookmarked('a')).toBe(true);
    expect(reopened.isBookmarked('d')).toBe(false);
    expect(reopened.isRead('b')).toBe(true);
    expect(reopened.note('c')).toBe('Call the field office');
    expect(reopened.bulletins(`collection:${collection.id}`).map((entry) => entry.id)).toEqual(['d']);
    expect(reopened.get('e')).toBeUndefined();
    expect(await reopened.undoDelete(batch)).toBe(1);
    expect((await open()).get('e')).toBeDefined();
  });

  it('ignores a torn last line silently and appends after what came before it', async () => {
    const library = await withBulletins();
    await library.toggleBookmark('a');
    await library.toggleBookmark('b');
    library.close();
    // A crash in the middle of an append: never acknowledged.
    await appendFile(journalPath(), '{"patches":[{"map":"bookmarks","id":"c","val');

    const events: StoreEvent[] = [];
    const reopened = await open(events);
    expect(events).toEqual([]);
    expect(['a', 'b', 'c'].map((id) => reopened.isBookmarked(id))).toEqual([true, true, false]);
    await reopened.toggleBookmark('d');
    const again = await open(events);
    expect(events).toEqual([]);
    expect(['a', 'b', 'c', 'd'].map((id) => again.isBookmarked(id))).toEqual([true, true, false, true]);
  });

  it('a damaged line in the middle: keeps the changes before it, sets the journal aside and says so', async () => {
    const library = await withBulletins();
    await library.toggleBookmark('a');
    await library.setNote('a', 'Before the damage');
    library.close();
    await appendFile(
      journalPath(),
      '\u0000\u0000garbage\n{"patches":[{"map":"bookmarks","id":"b","value":"2026-01-01"}]}\n',
    );
    const damaged = await readFile(journalPath());

    const events: StoreEvent[] = [];
    const reopened = await open(events);
    expect(events).toEqual([
      {
        type: 'journal-damaged',
        file: JOURNAL_FILE,
        movedTo: expect.stringMatching(/^state\.journal\.jsonl\.bad-/),
        kept: 2,
      },
    ]);
    expect(reopened.isBookmarked('a')).toBe(true);
    expect(reopened.note('a')).toBe('Before the damage');
    expect(reopened.isBookmarked('b')).toBe(false);
    // Kept byte for byte; what was replayed is in state.json, and the next start is clean.
    const movedTo = events[0]?.type === 'journal-damaged' ? events[0].movedTo : '';
    expect(await readFile(join(folder, movedTo))).toEqual(damaged);
    expect((await stateOnDisk()).bookmarks).toHaveProperty('a');
    const clean: StoreEvent[] = [];
    expect((await open(clean)).isBookmarked('a')).toBe(true);
    expect(clean).toEqual([]);
  });

  it('a journal of an older generation (a crash between the state write and the new journal) is ignored, then replaced', async () => {
    const library = await withBulletins();
    await library.toggleBookmark('a');
    const older = await readFile(journalPath());
    await library.toggleBookmark('a'); // un-bookmarked
    await library.flush(); // compaction: state.json of the next generation, then a fresh journal
    const { journalGeneration } = await stateOnDisk();
    expect(journalGeneration).toBeGreaterThan(0);
    library.close();
    await writeFile(journalPath(), older); // the crash came before the journal was swapped

    const events: StoreEvent[] = [];
    const reopened = await open(events);
    expect(events).toEqual([]);
    expect(reopened.isBookmarked('a')).toBe(false);
    await reopened.toggleBookmark('b');
    expect(JSON.parse((await journalLines())[0] ?? '')).toMatchObject({ generation: journalGeneration });
    const again = await open();
    expect([again.isBookmarked('a'), again.isBookmarked('b')]).toEqual([false, true]);
  });

  it('a damaged state.json: its copy of the last compaction and the journal since bring back every change', async () => {
    const library = await withBulletins();
    await library.toggleBookmark('a');
    await library.flush(); // the day's first compaction: a
    const collection = await library.createCollection('Border'); // a compaction: a, Border
    await library.toggleBookmark('b');
    await library.setNote('d', 'Only in the journal');
    await library.addToCollection(collection.id, ['d']);
    await library.flush(); // state.json: a, b, the note, Border with d
    await library.toggleBookmark('c'); // the journal of that state.json: c
    library.close();
    await writeFile(join(folder, 'state.json'), '{"schemaVersion":1,"book');

    const events: StoreEvent[] = [];
    const reopened = await open(events);
    expect(events).toMatchObject([
      {
        type: 'recovered',
        kind: 'state',
        complete: true,
        marksLost: false,
        replayed: 1,
        restored: { bookmarks: 3, read: 0, notes: 1, collections: 1 },
      },
    ]);
    // Before today's change, b and the collection were only in the last compaction (state.json and
    // the day's backup, which was of the first): lost. Now each compaction leaves a copy.
    expect(['a', 'b', 'c'].map((id) => reopened.isBookmarked(id))).toEqual([true, true, true]);
    expect(reopened.note('d')).toBe('Only in the journal');
    expect(reopened.bulletins(`collection:${collection.id}`).map((entry) => entry.id)).toEqual(['d']);
    // The copy put in place continues the journal: the next start is clean.
    const clean: StoreEvent[] = [];
    expect((await open(clean)).isBookmarked('c')).toBe(true);
    expect(clean).toEqual([]);
  });

  it('changes made while a compaction is writing go to the new journal and resolve once on disk', async () => {
    const library = await withBulletins();
    await library.toggleBookmark('a');
    const held = holdStateWrites();
    const compaction = library.flush();
    await vi.waitFor(() => expect(held.reached).toBe(true));

    let settled = false;
    const during = Promise.all([
      library.toggleBookmark('b'),
      library.setNote('c', 'Written during the compaction'),
      library.setRead('d', true),
    ]).then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false); // not acknowledged before it is on disk
    held.open();
    await Promise.all([compaction, during]);

    const { journalGeneration, bookmarks } = await stateOnDisk();
    expect(Object.keys(bookmarks)).toEqual(['a']);
    const [header, ...lines] = await journalLines();
    expect(JSON.parse(header ?? '')).toMatchObject({ generation: journalGeneration });
    expect(lines.join('\n')).toContain('Written during the compaction');
    const reopened = await open();
    expect(['a', 'b'].map((id) => reopened.isBookmarked(id))).toEqual([true, true]);
    expect(reopened.note('c')).toBe('Written during the compaction');
    expect(reopened.isRead('d')).toBe(true);
  });

  it('coalesces a burst: 50 toggles are at most two appends, each resolved once its line is on disk', async () => {
    const library = await open();
    const ids = Array.from({ length: 50 }, (_, n) => `burst-${n}`);
    await library.add(ids.map((id) => bulletin(id, '2021-05-06')));
    await library.toggleBookmark(ids[0] ?? ''); // the journal exists: what follows are appends
    const before = (await journalLines()).length;
    expect(await Promise.all(ids.map((id) => library.toggleBookmark(id)))).toEqual(
      ids.map((_, n) => n !== 0),
    );
    expect((await journalLines()).length - before).toBeLessThanOrEqual(2);
    const reopened = await open();
    expect(ids.filter((id) => reopened.isBookmarked(id))).toEqual(ids.slice(1));
  });

  it('compacts once the journal passes its limit, and a bulk change is one compaction, not a huge line', async () => {
    const library = await open([], { journalLimits: { lines: 3, bytes: 1 << 20, patchesPerLine: 100 } });
    const ids = Array.from({ length: 300 }, (_, n) => `n-${n}`);
    await library.add(ids.map((id) => bulletin(id, '2021-05-06')));
    for (const id of ids.slice(0, 3)) await library.toggleBookmark(id);
    expect(await journalLines()).toHaveLength(1 + 3);
    await library.toggleBookmark(ids[3] ?? ''); // the fourth write compacts
    expect(await journalLines()).toHaveLength(1);
    expect(Object.keys((await stateOnDisk()).bookmarks)).toHaveLength(4);

    expect(await library.setReadMany(ids, true)).toHaveLength(300);
    expect(await journalLines()).toHaveLength(1);
    expect((await open()).counts().unread).toBe(0);
  });

  it('a journal from a newer version is left untouched, said so, and nothing is written', async () => {
    const library = await withBulletins();
    await library.toggleBookmark('a');
    await library.flush();
    library.close();
    const newer = '{"journal":"state","schemaVersion":9,"generation":1}\n{"future":true}\n';
    await writeFile(journalPath(), newer);
    const state = await readFile(join(folder, 'state.json'), 'utf8');

    const events: StoreEvent[] = [];
    const reopened = await open(events);
    expect(events).toEqual([{ type: 'newer-version', file: JOURNAL_FILE, version: 9 }]);
    await reopened.toggleBookmark('b');
    await reopened.flush();
    expect(await readFile(journalPath(), 'utf8')).toBe(newer);
    expect(await readFile(join(folder, 'state.json'), 'utf8')).toBe(state);
    await expect(reopened.restore(reopened.snapshot())).rejects.toMatchObject({ code: 'READ_ONLY' });
  });

  it('an old state.json without the generation loads as generation 0 and is continued by a journal', async () => {
    const old = { schemaVersion: 1, bookmarks: { a: '2020-01-01T00:00:00.000Z' }, read: {} };
    await writeFile(join(folder, 'state.json'), JSON.stringify(old));
    const events: StoreEvent[] = [];
    const library = await open(events);
    expect(events).toEqual([]);
    expect(library.isBookmarked('a')).toBe(true);
    await library.toggleBookmark('b');
    expect(JSON.parse((await journalLines())[0] ?? '')).toMatchObject({ generation: 0 });
    expect(JSON.parse(await readFile(join(folder, 'state.json'), 'utf8'))).toEqual(old);
    const reopened = await open();
    expect([reopened.isBookmarked('a'), reopened.isBookmarked('b')]).toEqual([true, true]);
  });

  it('takes a backup on each day of use, even when the app is never quit', async () => {
    const library = await withBulletins();
    await library.toggleBookmark('a');
    await library.flush(); // today's backup
    await library.toggleBookmark('b');
    const copiesOfState = async () =>
      (await readdir(join(folder, 'backups', 'state'))).filter((name) => name.endsWith('Z.json'));
    const before = await copiesOfState();
    // Past midnight (UTC): the next change compacts, and the compaction keeps a copy for the new day.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 24 * 60 * 60 * 1000);
      await library.toggleBookmark('c');
      const copies = await copiesOfState();
      expect(copies).toHaveLength(before.length + 1);
      expect(copies.at(-1)?.slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));
      expect(Object.keys((await stateOnDisk()).bookmarks).sort()).toEqual(['a', 'b', 'c']);
      // The rest of that day appends again.
      await library.toggleBookmark('d');
      expect(await journalLines()).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("the day's backup of state.json holds the marks that were in the journal", async () => {
    const library = await withBulletins();
    await library.toggleBookmark('a');
    await library.setNote('b', 'In the backup');
    await library.flush();
    const [copy] = await readdir(join(folder, 'backups', 'state'));
    const backup = JSON.parse(await readFile(join(folder, 'backups', 'state', copy ?? ''), 'utf8')) as {
      bookmarks: Record<string, string>;
      notes: Record<string, { text: string }>;
    };
    expect(Object.keys(backup.bookmarks)).toEqual(['a']);
    expect(backup.notes.b?.text).toBe('In the backup');
    expect(library.snapshot().state.notes.b?.text).toBe('In the backup');
  });
});
