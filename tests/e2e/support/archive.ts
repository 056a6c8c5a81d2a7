import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Bulletin } from '../../../preload/contract';

/** A bulletin with plain defaults, for archives written before the app starts. */
export function makeBulletin(fields: Pick<Bulletin, 'id' | 'title'> & Partial<Bulletin>): Bulletin {
  return {
    source: 'Test',
    summary: '',
    published: '2021-01-01',
    language: 'en',
    countries: [],
    tags: [],
    importedAt: '2026-01-01T00:00:00.000Z',
    contentHash: fields.id,
    ...fields,
  };
}

/** Writes bulletins as the store's shard files, so the app opens on them without an import. */
export async function writeShards(userDataDir: string, bulletins: readonly Bulletin[]): Promise<void> {
  const months = new Map<string, Bulletin[]>();
  for (const bulletin of bulletins) {
    const month = bulletin.published.slice(0, 7);
    months.set(month, [...(months.get(month) ?? []), bulletin]);
  }
  await mkdir(join(userDataDir, 'bulletins'), { recursive: true });
  for (const [month, shard] of months) {
    await writeFile(
      join(userDataDir, 'bulletins', `${month}.json`),
      JSON.stringify({ schemaVersion: 1, bulletins: shard }),
    );
  }
}
