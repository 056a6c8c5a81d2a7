import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Backups } from './backups';
import { errorCode, writeAtomically } from './durableJsonFile';
import { ReadOnlyFileError, type ReportStoreEvent } from './events';
import type { JsonDocument } from './jsonDocument';
import { noteSchema, SCHEMA_VERSION, tombstoneSchema, type State } from './schema';

/**
 * state.json's journal: the user's frequent, keyed changes (a bookmark, a read mark, a note, a
 * collection item, a delete) are appended here as one JSON line per write, so a change costs its
 * own few bytes however many marks the library holds. A compaction writes the whole state.json
 * (with the next generation number) and then a fresh journal of that generation.
 *
 *   line 1:  {"journal":"state","schemaVersion":1,"generation":7}
 *   then:    {"patches":[{"map":"bookmarks","id":"abc","value":"2026-…"}, …]}
 *
 * A patch sets a key to a value or removes it (value null), never toggles: replaying a line twice
 * is replaying it once, so a line that is both in state.json and in the journal is harmless.
 */
export const JOURNAL_FILE = 'state.journal.jsonl';

const id = z.string().min(1);
const date = z.string().nullable();
const patchSchema = z.discriminatedUnion('map', [
  z.object({ map: z.literal('bookmarks'), id, value: date }),
  z.object({ map: z.literal('read'), id, value: date }),
  z.object({ map: z.literal('notes'), id, value: noteSchema.nullable() }),
  z.object({ map: z.literal('deleted'), id, value: tombstoneSchema.nullable() }),
  /** An item of a collection; its date is when it was added. */
  z.object({ map: z.literal('items'), collection: id, id, value: date }),
  /** A saved search opened: when (its new matches count from then). */
  z.object({ map: z.literal('searchOpened'), id, value: z.string() }),
]);
export type StatePatch = z.infer<typeof patchSchema>;

const headerSchema = z.object({
  journal: z.literal('state'),
  schemaVersion: z.number().int().nonnegative(),
  generation: z.number().int().nonnegative(),
});
const lineSchema = z.object({ patches: z.array(patchSchema) });

/** Sets (or removes) one key; a collection deleted since is skipped (its deletion was a compaction). */
export function applyPatch(state: State, patch: StatePatch): void {
  switch (patch.map) {
    case 'bookmarks':
    case 'read':
      setKey(state[patch.map], patch.id, patch.value);
      return;
    case 'notes':
      setKey(state.notes, patch.id, patch.value);
      return;
    case 'deleted':
      setKey(state.deleted, patch.id, patch.value);
      return;
    case 'items': {
      const collection = state.collections.find((candidate) => candidate.id === patch.collection);
      if (collection) setKey(collection.items, patch.id, patch.value);
      return;
    }
    case 'searchOpened': {
      const saved = state.savedSearches.find((candidate) => candidate.id === patch.id);
      if (saved) saved.openedAt = patch.value;
    }
  }
}

function setKey<T>(map: Record<string, T>, key: string, value: T | null): void {
  if (value === null) delete map[key];
  else map[key] = value;
}

/** When a compaction is due: replay at launch stays a few milliseconds. */
export interface JournalLimits {
  lines: number;
  bytes: number;
  /** A change of more patches than this (Mark all read) is written as a compaction instead. */
  patchesPerLine: number;
}
export const JOURNAL_LIMITS: JournalLimits = { lines: 2000, bytes: 1 << 20, patchesPerLine: 1000 };

export interface StateJournal {
  /** Takes changes already made to the state in memory; the next `write` puts them on disk. */
  record(patches: readonly StatePatch[]): void;
  /** Makes the next `write` a compaction (a structural change: settings, collections, restore). */
  compactNext(): void;
  /**
   * Appends what was recorded (one line for a whole burst), or compacts when one is due. Resolves
   * once every change recorded before the call is on disk; rejects with the disk's error, after
   * which the next write is a compaction (it carries every change kept in memory).
   */
  write(): Promise<void>;
  /** Changes in the journal that a compaction would fold into state.json. */
  readonly dirty: boolean;
  /** The next write rewrites state.json (e.g. the journal was set aside at opening). */
  readonly compactionDue: boolean;
  /** A newer app's journal: nothing is written. */
  readonly readOnly: boolean;
}

interface JournalOnDisk {
  /** Null when even the header could not be read. */
  generation: number | null;
  patches: StatePatch[];
  lines: number;
  /** Bytes up to the end of the last whole line: a torn last line is cut off there. */
  wholeBytes: number;
  torn: boolean;
  /** Set when a line (or the header) could not be read: replay stopped before it. */
  damaged: boolean;
}

type Read =
  { status: 'missing' } | { status: 'newer'; version: number } | ({ status: 'read' } & JournalOnDisk);

/** The journal's second copy, one per generation, beside state.json's copies (see backups.ts). */
const COPIES_KEPT = 5;
const copyName = (generation: number) => `journal-${generation}.jsonl`;
const COPY_NAME = /^journal-(\d+)\.jsonl$/;

/** What the opening replayed over state.json (or the copy of it restored), for the notice. */
export interface Replay {
  /** Changes applied from the journals. */
  patches: number;
  /** A generation between state.json's and the newest journal's has no journal left. */
  gap: boolean;
  /** The newest generation a journal was found of. */
  newestGeneration: number;
}

/**
 * Reads the journal and its copy and replays them over `state` (already loaded, validated and
 * migrated; maybe a copy restored from backups/, then with the journals of every generation since).
 * Writes are refused while state.json is (a newer app's file, or a damaged one that could not be moved).
 *
 * Every change is on disk twice before it is acknowledged: appended to the journal and to its copy
 * (backups/state/journal-<generation>.jsonl), or, at a compaction, in state.json's copy (written
 * first) and then state.json. So any one file lost, the other holds the change.
 */
export async function openStateJournal(
  folder: string,
  state: JsonDocument<State>,
  backups: Backups,
  report: ReportStoreEvent,
  limits: JournalLimits = JOURNAL_LIMITS,
): Promise<StateJournal & { replay: Replay }> {
  const path = join(folder, JOURNAL_FILE);
  const copies = join(backups.folder, 'state');
  const copyPath = (generation: number) => join(copies, copyName(generation));
  const statePath = join(folder, 'state.json');
  /** The generation of state.json on disk, once known; null after a compaction that failed midway. */
  let diskGeneration: number | null = state.db.data.journalGeneration;
  /** The highest generation ever given: a new compaction takes the next, never one already used. */
  let lastGeneration = diskGeneration;
  /** The journal and its copy on disk continue state.json and end with whole lines: appends may go on. */
  let appendable = false;
  let lines = 0;
  let bytes = 0;
  let compactionDue = false;
  let refusal: Error | null = state.refusal;
  let pending: StatePatch[] = [];
  const replay: Replay = { patches: 0, gap: false, newestGeneration: state.db.data.journalGeneration };
  // One backup a day of use (backups are taken at compactions): the first write of a new day
  // compacts. A library without any copy yet is new; its first compaction takes one.
  const today = () => new Date().toISOString().slice(0, 10);
  let backedUpOn = (await backups.copiesOf('state.json'))[0]?.takenAt.slice(0, 10) ?? today();

  // A newer app's state.json: its journal is that app's too, left as it is.
  const main: Read = errorCode(refusal) === 'READ_ONLY' ? { status: 'missing' } : await readJournal(path);
  if (main.status === 'newer') {
    refusal = new ReadOnlyFileError(JOURNAL_FILE);
    report({ type: 'newer-version', file: JOURNAL_FILE, version: main.version });
  } else if (errorCode(refusal) !== 'READ_ONLY') {
    const base = state.db.data.journalGeneration;
    const mainRead = main.status === 'read' ? main : null;
    const byGeneration = new Map<number, JournalOnDisk>();
    for (const generation of await copyGenerations(copies)) {
      if (generation < base) continue;
      const copy = await readJournal(copyPath(generation));
      if (copy.status === 'read' && copy.generation === generation) byGeneration.set(generation, copy);
    }
    const mainGeneration = mainRead?.generation ?? null;
    const copyOfMain = mainGeneration === null ? undefined : byGeneration.get(mainGeneration);
    // The longer of the two (the other was damaged, or torn by a crash), the journal itself when equal.
    if (mainRead && mainGeneration !== null && mainGeneration >= base) {
      if (!copyOfMain || copyOfMain.patches.length <= mainRead.patches.length)
        byGeneration.set(mainGeneration, mainRead);
    }
    // Oldest generation first: a later change to the same key wins. An older generation than
    // state.json's is already in it (a crash came between state.json and the new journal).
    const generations = [...byGeneration.keys()].sort((a, b) => a - b);
    for (const [at, generation] of generations.entries()) {
      for (const patch of byGeneration.get(generation)?.patches ?? []) applyPatch(state.db.data, patch);
      replay.patches += byGeneration.get(generation)?.patches.length ?? 0;
      // Generations follow one another; one missing is a journal lost with its copy (or pruned).
      if (generation !== base + at) replay.gap = true;
    }
    replay.newestGeneration = Math.max(base, ...generations);
    lastGeneration = replay.newestGeneration;

    // The journal (and its copy) can be appended to only when both are whole, of state.json's
    // generation, and agree; anything else is mended by a compaction, which writes both afresh.
    const mainIsCurrent = mainRead !== null && mainGeneration === base && !mainRead.damaged;
    if (
      mainIsCurrent &&
      copyOfMain !== undefined &&
      generations.length === 1 &&
      !mainRead.torn &&
      !copyOfMain.torn &&
      !copyOfMain.damaged &&
      copyOfMain.lines === mainRead.lines
    ) {
      appendable = true;
      lines = mainRead.lines;
      bytes = mainRead.wholeBytes;
    } else if (replay.patches > 0) {
      // Replayed changes in no state.json: they are written whole before a journal is started
      // afresh. (Without any, the next append starts both afresh.)
      compactionDue = true;
    }

    // A journal damaged, or cut short by more than a crash could (one unacknowledged line), or gone
    // while its copy is there: the user is told what came back. (A lost state.json is told of by
    // the caller, with the journals it replayed.)
    // A journal whose header is unreadable is of the newest generation a copy is of.
    const best = byGeneration.get(mainGeneration ?? replay.newestGeneration);
    const damagedMain = mainRead?.damaged === true;
    const shortMain = mainRead !== null && copyOfMain !== undefined && copyOfMain.lines > mainRead.lines + 1;
    // (A crash during the very first append leaves the copy with one unacknowledged line and no journal.)
    const copiedLines = generations.reduce(
      (sum, generation) => sum + (byGeneration.get(generation)?.lines ?? 0),
      0,
    );
    const lostMain = mainRead === null && state.recovery === null && copiedLines > 1;
    if (damagedMain || shortMain || lostMain) {
      let movedTo: string | null = null;
      if (mainRead !== null) {
        movedTo = `${JOURNAL_FILE}.bad-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        try {
          await rename(path, join(folder, movedTo));
        } catch (error) {
          refusal ??= error instanceof Error ? error : new Error(String(error));
        }
      }
      const whole = lostMain || (best !== undefined && best !== mainRead && !best.damaged);
      const kept = lostMain ? replay.patches : (best?.patches.length ?? 0);
      if (whole) report({ type: 'journal-recovered', file: JOURNAL_FILE, movedTo, kept });
      else if (movedTo !== null) report({ type: 'journal-damaged', file: JOURNAL_FILE, movedTo, kept });
      // What was replayed must reach state.json before anything else is appended.
      compactionDue = true;
    }
  }

  /** The journal and its copy, each written whole (header and lines) and fsynced. */
  async function writeBoth(generation: number, text: string): Promise<void> {
    await mkdir(copies, { recursive: true });
    await writeAtomically(copyPath(generation), text);
    await writeAtomically(path, text);
  }

  async function append(batch: StatePatch[]): Promise<void> {
    const line = `${JSON.stringify({ patches: batch })}\n`;
    const generation = diskGeneration ?? 0;
    if (!appendable) {
      // No journal of this generation yet (a new library, or a stale journal after a crash).
      const header = headerLine(generation);
      await writeBoth(generation, header + line);
      appendable = true;
      lines = 1;
      bytes = Buffer.byteLength(header + line);
      return;
    }
    // Both at once: the change is acknowledged once it is on disk twice.
    await Promise.all([appendSynced(path, line), appendSynced(copyPath(generation), line)]);
    lines++;
    bytes += Buffer.byteLength(line);
  }

  /**
   * state.json's copy first, then state.json, then the journal and its copy afresh: at every step
   * each change is in two files (the old journals stay in backups/ until pruned, the 5 newest kept).
   */
  async function compact(): Promise<void> {
    const generation = lastGeneration + 1;
    // Taken now, in one go: every change recorded so far is in it; later ones go to the new journal.
    const text = JSON.stringify({ ...state.db.data, journalGeneration: generation });
    await backups.keep('state.json', text);
    lastGeneration = generation;
    diskGeneration = null;
    await writeAtomically(statePath, text);
    diskGeneration = generation;
    // A crash here leaves the old journal beside the new state.json: its generation says it is folded in.
    appendable = false;
    await writeBoth(generation, headerLine(generation));
    appendable = true;
    lines = 0;
    bytes = 0;
    state.db.data.journalGeneration = generation;
    backedUpOn = today();
    await pruneCopies(copies, generation - COPIES_KEPT + 1);
  }

  async function round(): Promise<void> {
    if (refusal) throw refusal;
    const due =
      compactionDue ||
      diskGeneration === null ||
      pending.length > limits.patchesPerLine ||
      lines >= limits.lines ||
      bytes >= limits.bytes ||
      backedUpOn !== today();
    const batch = pending;
    pending = [];
    if (!due && batch.length === 0) return;
    try {
      if (due) {
        compactionDue = true;
        await compact();
        compactionDue = false;
      } else {
        await append(batch);
      }
    } catch (error) {
      // The line may be half written: only a compaction (which replaces the journal) may follow it.
      compactionDue = true;
      throw error;
    }
  }

  // Rounds run one at a time; calls made while one is on disk share a single next round.
  let lastRound: Promise<void> = Promise.resolve();
  let queued: Promise<void> | null = null;

  return {
    replay,
    record(patches) {
      pending.push(...patches);
    },
    compactNext() {
      compactionDue = true;
    },
    write() {
      if (queued) return queued;
      const next = lastRound.then(() => {
        queued = null;
        return round();
      });
      queued = next;
      lastRound = next.catch(() => undefined);
      return next;
    },
    get dirty() {
      return lines > 0 || compactionDue || pending.length > 0;
    },
    get compactionDue() {
      return compactionDue;
    },
    get readOnly() {
      return errorCode(refusal) === 'READ_ONLY';
    },
  };
}

const headerLine = (generation: number) =>
  `${JSON.stringify({ journal: 'state', schemaVersion: SCHEMA_VERSION, generation })}\n`;

async function appendSynced(path: string, line: string): Promise<void> {
  const handle = await open(path, 'a');
  try {
    await handle.appendFile(line);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function copyGenerations(folder: string): Promise<number[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  }
  return names.flatMap((name) => {
    const match = COPY_NAME.exec(name);
    return match ? [Number(match[1])] : [];
  });
}

/** Drops the journals' copies older than `oldest` (state.json's copies that need them are pruned too). */
async function pruneCopies(folder: string, oldest: number): Promise<void> {
  try {
    for (const generation of await copyGenerations(folder))
      if (generation < oldest) await rm(join(folder, copyName(generation)), { force: true });
  } catch (error) {
    console.warn('[store] could not prune the journal copies:', errorCode(error));
  }
}

async function readJournal(path: string): Promise<Read> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { status: 'missing' };
    throw error;
  }
  if (buffer.length === 0) return { status: 'missing' };
  // A newline byte never occurs inside a UTF-8 sequence: cutting at the last one is cutting at a line.
  const wholeBytes = buffer.lastIndexOf(0x0a) + 1;
  const torn = wholeBytes < buffer.length;
  const [first, ...rest] = buffer.subarray(0, wholeBytes).toString('utf8').split('\n').slice(0, -1);
  const result: JournalOnDisk = { generation: null, patches: [], lines: 0, wholeBytes, torn, damaged: false };
  // The header is written with the file, atomically: a journal without one was damaged, not torn.
  const header = headerSchema.safeParse(parseOrNull(first ?? ''));
  if (!header.success) return { status: 'read', ...result, damaged: true };
  if (header.data.schemaVersion > SCHEMA_VERSION)
    return { status: 'newer', version: header.data.schemaVersion };
  result.generation = header.data.generation;
  for (const text of rest) {
    const line = lineSchema.safeParse(parseOrNull(text));
    if (!line.success) {
      result.damaged = true;
      break;
    }
    result.patches.push(...line.data.patches);
    result.lines++;
  }
  return { status: 'read', ...result };
}

function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
