import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import type { Bulletin } from '../../preload/contract';
import { SHARD_NAME } from '../store/monthShards';
import { migrate } from '../store/migrations';
import { shardSchema } from '../store/schema';
import { indexOptions, toIndexedDoc, type IndexedDoc } from './indexOptions';

const CHUNK = 2000;

/** A fresh index of `bulletins`, as minisearch JSON; reports progress (0..1) between chunks. */
export function buildIndexJson(
  bulletins: readonly Bulletin[],
  onProgress: (progress: number) => void,
): string {
  const index = new MiniSearch<IndexedDoc>(indexOptions);
  for (let at = 0; at < bulletins.length; at += CHUNK) {
    index.addAll(bulletins.slice(at, at + CHUNK).map(toIndexedDoc));
    onProgress(Math.min(1, (at + CHUNK) / bulletins.length));
  }
  return JSON.stringify(index);
}

/**
 * A fresh index of the archive's shard files (`<userData>/bulletins`), read one
 * at a time: the worker that builds it reads them itself rather than being sent
 * a copy of every bulletin, which at 100k doubled main's memory and blocked main
 * while it was serialised. A file the store would not load (damaged, from a
 * newer app) is left out; the caller adds whatever the index then lacks.
 */
export async function buildIndexFromShards(
  folder: string,
  onProgress: (progress: number) => void,
): Promise<string> {
  const index = new MiniSearch<IndexedDoc>(indexOptions);
  const names = (await readdir(folder).catch(() => [])).filter((name) => SHARD_NAME.test(name));
  for (const [done, name] of names.entries()) {
    const shard = await readShard(join(folder, name));
    if (shard) index.addAll(shard.filter((bulletin) => !index.has(bulletin.id)).map(toIndexedDoc));
    onProgress((done + 1) / names.length);
  }
  if (names.length === 0) onProgress(1);
  return JSON.stringify(index);
}

async function readShard(file: string): Promise<Bulletin[] | null> {
  try {
    const migrated = migrate('shard', JSON.parse(await readFile(file, 'utf8')));
    if (migrated.outcome !== 'current' && migrated.outcome !== 'migrated') return null;
    const checked = shardSchema.safeParse(migrated.data);
    return checked.success ? checked.data.bulletins : null;
  } catch {
    return null;
  }
}
