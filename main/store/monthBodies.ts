import { open, stat, type FileHandle } from 'node:fs/promises';
import type { StoredBulletin } from './bodies';
import { inSlices, noForeground } from '../mainThread/slices';
import { errorCode, inATurnOfItsOwn, writeAtomically } from './durableJsonFile';
import { serialiseMonth, stampOf, type MonthLayout } from './monthLayout';

/**
 * One month file's bodies: where they are (byte ranges in the file, or, for a file this app did
 * not write, the file parsed whole), the bodies of bulletins staged and not yet written, and the
 * month's writes, which gather every body just before the month is serialised.
 */
export interface MonthBodies {
  /** The bodies of these bulletins of the month that have one, from those held, else the file. */
  read(ids: readonly string[]): Promise<Map<string, string>>;
  /** A staged bulletin's body (`undefined`: it has none), held until the month is written. */
  hold(id: string, body: string | undefined): void;
  /** A bulletin taken out of the month before it was written. */
  release(id: string): void;
  /**
   * Writes the month's bulletins (read when the write starts) with their bodies, as
   * `JSON.stringify` of the month would, through `beforeReplace` (a copy kept first); once it is
   * on disk, its bodies are read by their ranges and the bodies held for it are let go.
   */
  write(): Promise<void>;
}

export interface MonthBodiesOptions {
  /** The month file's path. */
  path: string;
  /** The bulletins the month holds now. */
  bulletins: () => readonly StoredBulletin[];
  /** Where the file's bodies lie; null: the file is parsed whole to read them. */
  layout: MonthLayout | null;
  /** The ids of the file's bulletins in file order (what the layout's ranges are indexed by). */
  order: readonly string[];
  /** Bodies not in the file (a month restored from a copy that could not be put in place). */
  held?: Map<string, string | undefined>;
  /** Runs with the bytes a write is about to give the file (backups.keep). */
  beforeReplace: (bytes: Uint8Array) => Promise<void>;
  /** Refuses every write (a newer app's month, or a damaged one that could not be moved aside). */
  refusal: () => Error | null;
}

/** More bodies than this in one read: the file is read once whole rather than range by range. */
const FEW_RANGES = 16;

/** A month's bodies could not be gathered for a write: the month stays staged, the file untouched. */
export class BodiesUnreadableError extends Error {
  readonly code = 'BODIES_UNREADABLE';
  constructor(path: string) {
    super(`the bodies of ${path} could not be read to write it again`);
  }
}

export function createMonthBodies(options: MonthBodiesOptions): MonthBodies {
  const { path } = options;
  let layout = options.layout;
  let placeOf = placesOf(options.order);
  const held = options.held ?? new Map<string, string | undefined>();
  let lastWrite: Promise<void> = Promise.resolve();
  let queued: Promise<void> | null = null;

  /**
   * Bodies from the file. The ranges are trusted only for the file they were found in: the open
   * handle's stamp is compared with theirs, so a month replaced meanwhile (a commit, a restore) is
   * read whole instead and never yields another bulletin's bytes. `strict`: a file that cannot be
   * read rejects (a write must not drop bodies) instead of giving what it could.
   */
  async function fromFile(wanted: readonly string[], strict: boolean): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    if (wanted.length === 0) return found;
    const ranges = layout;
    const places = placeOf;
    let handle: FileHandle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if (!strict && errorCode(error) === 'ENOENT') return found;
      throw strict ? new BodiesUnreadableError(path) : error;
    }
    try {
      if (ranges && stampOf(await handle.stat({ bigint: true })) === ranges.stamp) {
        const whole = wanted.length > FEW_RANGES ? await handle.readFile() : null;
        let intact = true;
        for (const id of wanted) {
          const at = places.get(id);
          const start = at === undefined ? -1 : (ranges.starts[at] as number);
          if (at === undefined || start < 0) continue;
          const length = ranges.lengths[at] as number;
          const bytes = whole ? whole.subarray(start, start + length) : Buffer.alloc(length);
          if (!whole) await handle.read(bytes, 0, length, start);
          const body = bodyIn(bytes);
          if (body === undefined) intact = false;
          else found.set(id, body);
        }
        if (intact) return found;
      }
      // Not the file the ranges are of, or not written by this app: parsed whole.
      const bodies = bodiesInWhole((await handle.readFile()).toString('utf8'));
      if (!bodies) {
        if (strict) throw new BodiesUnreadableError(path);
        return found;
      }
      for (const id of wanted) {
        const body = bodies.get(id);
        if (body !== undefined) found.set(id, body);
      }
      return found;
    } finally {
      await handle.close();
    }
  }

  async function writeNow(): Promise<void> {
    const { bytes, written, kept } = await inATurnOfItsOwn(async () => {
      // A write asked for from now on carries what changes meanwhile.
      queued = null;
      const month = [...options.bulletins()];
      const keptNow = new Map(held);
      const onDisk = await fromFile(
        month.filter((bulletin) => !keptNow.has(bulletin.id)).map((bulletin) => bulletin.id),
        true,
      );
      // The read gave main away: a search that began meanwhile goes first (inATurnOfItsOwn), and
      // one typed while the month is serialised goes first at its next pause.
      await noForeground();
      const serialised = await inSlices(
        serialiseMonth(month, (id) => (keptNow.has(id) ? keptNow.get(id) : onDisk.get(id))),
      );
      return { bytes: serialised.bytes, written: { month, serialised }, kept: keptNow };
    });
    await options.beforeReplace(bytes);
    await writeAtomically(path, bytes);
    const { starts, lengths } = written.serialised;
    layout = { stamp: stampOf(await stat(path, { bigint: true })), starts, lengths };
    placeOf = placesOf(written.month.map((bulletin) => bulletin.id));
    for (const [id, body] of kept) if (held.has(id) && held.get(id) === body) held.delete(id);
  }

  return {
    async read(ids) {
      const found = new Map<string, string>();
      const rest: string[] = [];
      for (const id of ids) {
        if (!held.has(id)) rest.push(id);
        else {
          const body = held.get(id);
          if (body !== undefined) found.set(id, body);
        }
      }
      for (const [id, body] of await fromFile(rest, false)) found.set(id, body);
      return found;
    },
    hold: (id, body) => void held.set(id, body),
    release: (id) => void held.delete(id),
    write() {
      const refusal = options.refusal();
      if (refusal) return Promise.reject(refusal);
      if (queued) return queued;
      const done = lastWrite.then(writeNow);
      queued = done;
      lastWrite = done.catch(() => undefined);
      return done;
    },
  };
}

function placesOf(ids: readonly string[]): Map<string, number> {
  const places = new Map<string, number>();
  // A later copy of an id wins, as in the archive's own index (monthShards.reindex).
  ids.forEach((id, at) => places.set(id, at));
  return places;
}

/** A body's bytes: a JSON string, else undefined (the bytes are not what the ranges said). */
function bodyIn(bytes: Uint8Array): string | undefined {
  try {
    const body: unknown = JSON.parse(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'),
    );
    return typeof body === 'string' ? body : undefined;
  } catch {
    return undefined;
  }
}

/** Every body of a month's text by id; null when the text is not a month. */
function bodiesInWhole(text: string): Map<string, string> | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const bulletins = (parsed as { bulletins?: unknown } | null)?.bulletins;
  if (!Array.isArray(bulletins)) return null;
  const bodies = new Map<string, string>();
  for (const item of bulletins as unknown[]) {
    const { id, bodyHtml } = (item ?? {}) as { id?: unknown; bodyHtml?: unknown };
    if (typeof id === 'string' && typeof bodyHtml === 'string') bodies.set(id, bodyHtml);
  }
  return bodies;
}
