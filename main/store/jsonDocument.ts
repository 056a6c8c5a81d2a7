import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { z } from 'zod';
import type { Backups } from './backups';
import { durableJsonFile, errorCode, writeAtomically } from './durableJsonFile';
import { ReadOnlyFileError, type ReportStoreEvent } from './events';
import { migrate, type FileKind } from './migrations';
import { SCHEMA_VERSION } from './schema';
import { readTextHere, type ReadText } from './textReader';

export interface DocumentSpec<T> {
  folder: string;
  /** Relative to `folder`, e.g. "bulletins/2020-11.json". */
  file: string;
  kind: FileKind;
  schema: z.ZodType<T>;
  fallback: () => T;
  /** What a recovered copy holds, for the message (bookmarks, bulletins). */
  count: (data: T) => number;
  /** How the file is read (at opening, in a worker: see textReader.ts); backups are read here. */
  read?: ReadText;
}

export interface JsonDocument<T> {
  db: Low<T>;
  /** Made by a newer app: kept as it is on disk; changes stay in memory. */
  readonly readOnly: boolean;
  /** Why the file must not be written (a newer app's file, or a damaged one that could not be moved aside). */
  readonly refusal: Error | null;
}

type Loaded<T> =
  | { status: 'missing' }
  | { status: 'bad' }
  | { status: 'newer'; version: number }
  | { status: 'good'; data: T; migratedFrom?: number };

/**
 * Opens one JSON file of the store as a lowdb database, validated on load.
 * An older file is migrated (its old form backed up first). A damaged file
 * (empty, truncated, NUL-filled, not JSON, wrong shape) is moved aside, kept,
 * and the newest good backup takes its place. A file from a newer app is
 * left exactly as it is and never written.
 */
export async function openJsonDocument<T>(
  spec: DocumentSpec<T>,
  backups: Backups,
  report: ReportStoreEvent,
): Promise<JsonDocument<T>> {
  const path = join(spec.folder, spec.file);
  const loaded = await load(path, spec, spec.read);
  let data = spec.fallback();
  /** Why this file must not be written, if it must not. */
  let refusal: Error | null = null;

  if (loaded.status === 'good') {
    data = loaded.data;
    if (loaded.migratedFrom !== undefined) {
      await backups.beforeReplace(spec.file, true);
      await putInPlace(path, data);
      report({ type: 'migrated', file: spec.file, from: loaded.migratedFrom, to: SCHEMA_VERSION });
    }
  } else if (loaded.status === 'newer') {
    refusal = new ReadOnlyFileError(spec.file);
    report({ type: 'newer-version', file: spec.file, version: loaded.version });
  } else if (loaded.status === 'bad') {
    let movedTo = `${spec.file}.bad-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    try {
      await rename(path, join(spec.folder, movedTo));
    } catch (error) {
      // Cannot be moved (a read-only disk): then it must not be written over either, and a
      // change is refused with the disk's own error, which the user is told about.
      movedTo = spec.file;
      refusal = error instanceof Error ? error : new Error(String(error));
    }
    let backup: string | null = null;
    for (const copy of await backups.copiesOf(spec.file)) {
      const candidate = await load(copy.path, spec);
      if (candidate.status !== 'good') continue;
      data = candidate.data;
      backup = copy.takenAt;
      if (!refusal) await putInPlace(path, data);
      break;
    }
    report({
      type: 'recovered',
      kind: spec.kind,
      file: spec.file,
      movedTo,
      backup,
      items: backup === null ? 0 : spec.count(data),
    });
  }

  const adapter = durableJsonFile<T>(path, {
    beforeReplace: () => backups.beforeReplace(spec.file),
    refusal: () => refusal,
  });
  const db = new Low<T>(adapter, spec.fallback());
  db.data = data;
  return { db, readOnly: refusal !== null, refusal };
}

async function load<T>(path: string, spec: DocumentSpec<T>, read = readTextHere): Promise<Loaded<T>> {
  let text: string;
  try {
    text = await read(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { status: 'missing' };
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { status: 'bad' };
  }
  const migrated = migrate(spec.kind, parsed);
  if (migrated.outcome === 'newer') return { status: 'newer', version: migrated.version };
  if (migrated.outcome === 'unrecognised') return { status: 'bad' };
  const checked = spec.schema.safeParse(migrated.data);
  if (!checked.success) return { status: 'bad' };
  return migrated.outcome === 'migrated'
    ? { status: 'good', data: checked.data, migratedFrom: migrated.from }
    : { status: 'good', data: checked.data };
}

/** Writes a migrated or recovered copy at once, so a crash now does not start the next run without it. */
async function putInPlace(path: string, data: unknown): Promise<void> {
  try {
    await writeAtomically(path, JSON.stringify(data));
  } catch (error) {
    // A full or read-only disk: the copy stays in memory and in backups/, and the next write retries.
    console.warn('[store] could not put a migrated or recovered copy in place:', errorCode(error));
  }
}
