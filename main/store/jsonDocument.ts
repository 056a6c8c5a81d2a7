import { rename } from 'node:fs/promises';
import { basename } from 'node:path';
import { Low } from 'lowdb';
import type { z } from 'zod';
import { durableJsonFile } from './durableJsonFile';

/** A file that failed validation and was moved aside instead of being overwritten. */
export interface SetAside {
  file: string;
  movedTo: string;
}

/**
 * Opens one JSON file of the store as a lowdb database, validated against its
 * schema. A file that does not parse or has the wrong shape is moved aside
 * (kept, never deleted) and the document starts from `fallback`.
 */
export async function openJsonDocument<T>(
  file: string,
  schema: z.ZodType<T>,
  fallback: () => T,
  setAside: SetAside[],
): Promise<Low<T>> {
  const adapter = durableJsonFile<T>(file);
  let data: T | null = null;
  try {
    const raw = await adapter.read();
    if (raw !== null) {
      const parsed = schema.safeParse(raw);
      if (!parsed.success) throw parsed.error;
      data = parsed.data;
    }
  } catch {
    const movedTo = `${file}.bad-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(file, movedTo);
    setAside.push({ file: basename(file), movedTo: basename(movedTo) });
  }
  const db = new Low<T>(adapter, fallback());
  db.data = data ?? fallback();
  return db;
}
