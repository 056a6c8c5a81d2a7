import { open, readFile, rename } from 'node:fs/promises';
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

/**
 * Reads the journal and replays it over `state` (already loaded, validated and migrated). Writes
 * are refused while state.json is (a newer app's file, or a damaged one that could not be moved).
 */
export async function openStateJournal(
  folder: string,
  state: JsonDocument<State>,
  backups: Backups,
  report: ReportStoreEvent,
  limits: JournalLimits = JOURNAL_LIMITS,
): Promise<StateJournal> {
  const path = join(folder, JOURNAL_FILE);
  const statePath = join(folder, 'state.json');
  /** The generation of state.json on disk, once known; null after a compaction that failed midway. */
  let diskGeneration: number | null = state.db.data.journalGeneration;
  /** The highest generation ever given: a new compaction takes the next, never one already used. */
  let lastGeneration = diskGeneration;
  /** The journal on disk continues state.json and ends with a whole line: appends may go on. */
  let appendable = false;
  let lines = 0;
  let bytes = 0;
  let compactionDue = false;
  let refusal: Error | null = state.refusal;
  let pending: StatePatch[] = [];
  // One backup a day of use (backups are taken at compactions): the first write of a new day
  // compacts. A library without any copy yet is new; its first compaction takes one.
  const today = () => new Date().toISOString().slice(0, 10);
  let backedUpOn = (await backups.copiesOf('state.json'))[0]?.takenAt.slice(0, 10) ?? today();

  // A newer app's state.json: its journal is that app's too, left as it is.
  const read: Read = errorCode(refusal) === 'READ_ONLY' ? { status: 'missing' } : await readJournal(path);
  if (read.status === 'newer') {
    refusal = new ReadOnlyFileError(JOURNAL_FILE);
    report({ type: 'newer-version', file: JOURNAL_FILE, version: read.version });
  } else if (read.status === 'read') {
    // An older generation is already in state.json (a crash came between its write and the new
    // journal). A newer one continues a state.json that was since replaced by an older copy (a
    // backup, after damage): its patches are absolute, so they still bring the latest marks back.
    const generation = read.generation ?? -1;
    if (generation >= state.db.data.journalGeneration) {
      for (const patch of read.patches) applyPatch(state.db.data, patch);
      lastGeneration = Math.max(lastGeneration, generation);
    }
    if (generation === state.db.data.journalGeneration && !read.damaged) {
      appendable = true;
      lines = read.lines;
      bytes = read.wholeBytes;
      if (read.torn) appendable = await cutTornLine(path, read.wholeBytes);
    } else if (generation > state.db.data.journalGeneration && read.patches.length > 0) {
      // Its marks are in no state.json: they must be written whole before the journal is replaced.
      compactionDue = true;
    }
    if (read.damaged) {
      const movedTo = `${JOURNAL_FILE}.bad-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      try {
        await rename(path, join(folder, movedTo));
      } catch (error) {
        refusal ??= error instanceof Error ? error : new Error(String(error));
      }
      report({ type: 'journal-damaged', file: JOURNAL_FILE, movedTo, kept: read.patches.length });
      // What was replayed must reach state.json before anything else is appended.
      compactionDue = true;
    }
  }

  async function append(batch: StatePatch[]): Promise<void> {
    const line = `${JSON.stringify({ patches: batch })}\n`;
    if (!appendable) {
      // No journal of this generation yet (a new library, or a stale journal after a crash).
      const header = headerLine(diskGeneration ?? 0);
      await writeAtomically(path, header + line);
      appendable = true;
      lines = 1;
      bytes = Buffer.byteLength(header + line);
      return;
    }
    const handle = await open(path, 'a');
    try {
      await handle.appendFile(line);
      await handle.sync();
    } finally {
      await handle.close();
    }
    lines++;
    bytes += Buffer.byteLength(line);
  }

  async function compact(): Promise<void> {
    const generation = ++lastGeneration;
    // Taken now, in one go: every change recorded so far is in it; later ones go to the new journal.
    const text = JSON.stringify({ ...state.db.data, journalGeneration: generation });
    diskGeneration = null;
    await writeAtomically(statePath, text);
    diskGeneration = generation;
    // A crash here leaves the old journal beside the new state.json: its generation says it is folded in.
    appendable = false;
    await writeAtomically(path, headerLine(generation));
    appendable = true;
    lines = 0;
    bytes = 0;
    state.db.data.journalGeneration = generation;
    await backups.keepDaily('state.json', text);
    backedUpOn = today();
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

/** Cuts a torn last line off (a crash in the middle of an append), so the next line starts clean. */
async function cutTornLine(path: string, wholeBytes: number): Promise<boolean> {
  try {
    const handle = await open(path, 'r+');
    try {
      await handle.truncate(wholeBytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return true;
  } catch {
    // A read-only disk: the next write is then a compaction, which replaces the journal whole.
    return false;
  }
}
