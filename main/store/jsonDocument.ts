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
  /** How the file is read (at opening, in a worker: see textReader.ts); backups are read here. */
  read?: ReadText;
}

/** A damaged or missing file whose copy was put in its place (or that had no good copy). */
export interface Recovery {
  /** Where the damaged file was moved (relative to the folder); null when it was missing. */
  movedTo: string | null;
  /** When the copy restored was taken; null when no copy was good. */
  backup: string | null;
  /** The copy restored was the newest: it holds the file's last content. */
  newest: boolean;
}

export interface JsonDocument<T> {
  db: Low<T>;
  /** Set when the file was damaged or missing and restored from a copy: the caller tells the user. */
  readonly recovery: Recovery | null;
  /** Made by a newer app: kept as it is on disk; changes stay in memory. */
  readonly readOnly: boolean;
  /** Why the file must not be written (a newer app's file, or a damaged one that could not be moved aside). */
  readonly refusal: Error | null;
}

type Loaded<T> =
  | { status: 'missing' }
  /** Missing, but it has copies: it was deleted by something else than the app. */
  | { status: 'gone' }
  | { status: 'bad' }
  | { status: 'newer'; version: number }
  | { status: 'good'; data: T; migratedFrom?: number };

/**
 * Opens one JSON file of the store as a lowdb database, validated on load.
 * An older file is migrated (its old form backed up first). A damaged file
 * (empty, truncated, NUL-filled, not JSON, wrong shape) is moved aside, kept,
 * and the newest good backup takes its place; so does a missing file that has
 * copies (the app never deletes one). A file from a newer app is left exactly
 * as it is and never written. Every write keeps a copy first (backups.keep), so
 * the file is never the only copy of its content.
 */
export async function openJsonDocument<T>(
  spec: DocumentSpec<T>,
  backups: Backups,
  report: ReportStoreEvent,
): Promise<JsonDocument<T>> {
  const path = join(spec.folder, spec.file);
  let loaded = await load(path, spec, spec.read);
  const copies =
    loaded.status === 'good' || loaded.status === 'newer' ? [] : await backups.copiesOf(spec.file);
  if (loaded.status === 'missing' && copies.length > 0) loaded = { status: 'gone' };
  let recovery: Recovery | null = null;
  let data = spec.fallback();
  /** Why this file must not be written, if it must not. */
  let refusal: Error | null = null;

  if (loaded.status === 'good') {
    data = loaded.data;
    if (loaded.migratedFrom !== undefined) {
      await backups.preserve(spec.file);
      await putInPlace(path, data);
      report({ type: 'migrated', file: spec.file, from: loaded.migratedFrom, to: SCHEMA_VERSION });
    }
  } else if (loaded.status === 'newer') {
    refusal = new ReadOnlyFileError(spec.file);
    report({ type: 'newer-version', file: spec.file, version: loaded.version });
  } else if (loaded.status === 'bad' || loaded.status === 'gone') {
    let movedTo: string | null = null;
    if (loaded.status === 'bad') {
      movedTo = `${spec.file}.bad-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      try {
        await rename(path, join(spec.folder, movedTo));
      } catch (error) {
        // Cannot be moved (a read-only disk): then it must not be written over either, and a
        // change is refused with the disk's own error, which the user is told about.
        movedTo = spec.file;
        refusal = error instanceof Error ? error : new Error(String(error));
      }
    }
    recovery = { movedTo, backup: null, newest: false };
    // Newest first: a damaged copy is passed over for the one before it.
    for (const [at, copy] of copies.entries()) {
      const candidate = await load(copy.path, spec, backups.readCopy);
      if (candidate.status !== 'good') continue;
      data = candidate.data;
      recovery = { movedTo, backup: copy.takenAt, newest: at === 0 };
      if (!refusal) await putInPlace(path, data);
      break;
    }
  }

  const adapter = durableJsonFile<T>(path, {
    beforeReplace: (bytes) => backups.keep(spec.file, bytes),
    refusal: () => refusal,
  });
  const db = new Low<T>(adapter, spec.fallback());
  db.data = data;
  return { db, recovery, readOnly: refusal !== null, refusal };
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
