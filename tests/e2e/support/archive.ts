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

/**
 * Writes state.json with settings that allow these local hosts, as a user would in File ›
 * Settings…: the specs' own servers run on 127.0.0.1, which main refuses otherwise.
 */
export async function allowLocalHosts(userDataDir: string, hosts: readonly string[]): Promise<void> {
  await mkdir(userDataDir, { recursive: true });
  await writeFile(
    join(userDataDir, 'state.json'),
    JSON.stringify({
      schemaVersion: 1,
      bookmarks: {},
      read: {},
      settings: { importCapMegabytes: 50, refreshMinutes: 30, allowedLocalHosts: hosts },
    }),
  );
}
