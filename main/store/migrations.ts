import { SCHEMA_VERSION } from './schema';

export type FileKind = 'state' | 'shard';
type Json = Record<string, unknown>;

/**
 * Ordered migrations per kind of file: `MIGRATIONS[kind][n]` turns version n
 * into version n + 1. A change to a file's shape bumps SCHEMA_VERSION and
 * appends one function here, with its test in tests/unit/main/migrations.test.ts.
 */
export const MIGRATIONS: Record<FileKind, ((data: Json) => Json)[]> = {
  state: [
    // 0 → 1: files written before schemaVersion existed; a map missing from them means "none yet".
    (data) => ({ ...data, bookmarks: data.bookmarks ?? {}, read: data.read ?? {}, schemaVersion: 1 }),
  ],
  shard: [
    // 0 → 1: as above; an early shard was a bare array of bulletins.
    (data) => ({ bulletins: data.bulletins ?? [], ...data, schemaVersion: 1 }),
  ],
};

export type Migrated =
  | { outcome: 'current'; data: unknown }
  | { outcome: 'migrated'; data: unknown; from: number }
  /** Made by a newer app: must be left exactly as it is. */
  | { outcome: 'newer'; version: number }
  | { outcome: 'unrecognised' };

/** Brings parsed JSON up to SCHEMA_VERSION (the shape is checked afterwards by the caller). */
export function migrate(kind: FileKind, parsed: unknown): Migrated {
  const data: unknown = kind === 'shard' && Array.isArray(parsed) ? { bulletins: parsed } : parsed;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { outcome: 'unrecognised' };
  const raw = data as Json;
  const version = raw.schemaVersion ?? 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
    return { outcome: 'unrecognised' };
  if (version > SCHEMA_VERSION) return { outcome: 'newer', version };
  if (version === SCHEMA_VERSION) return { outcome: 'current', data: raw };
  let migrated = raw;
  for (const step of MIGRATIONS[kind].slice(version, SCHEMA_VERSION)) migrated = step(migrated);
  return { outcome: 'migrated', data: migrated, from: version };
}
