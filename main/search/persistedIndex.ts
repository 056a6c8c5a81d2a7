import { hash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Bulletin } from '../../preload/contract';
import { writeAtomically } from '../store/durableJsonFile';
import { Abandoned, inSlices, whole, type Sliced } from '../mainThread/slices';

/**
 * The index on disk: one header line (version, archive fingerprint), then
 * minisearch's JSON. The header is read and checked before the large part is
 * parsed; anything off means the caller rebuilds (the index is derived data).
 */
const header = z.strictObject({ version: z.number(), fingerprint: z.string() });

/** Order-independent digest of the archive's ids and contents: it changes with any add, edit or removal. */
export function fingerprintOf(bulletins: readonly Bulletin[]): string {
  return whole(fingerprinting(bulletins));
}

/**
 * The same digest, a slice at a time so main's thread is not held (at 100,000 bulletins the whole
 * takes 160–200 ms, and it runs at every launch); null when `stale` says the archive changed meanwhile.
 */
export async function fingerprintInSlices(
  bulletins: readonly Bulletin[],
  stale: () => boolean = () => false,
): Promise<string | null> {
  try {
    return await inSlices(fingerprinting(bulletins), { abandoned: stale });
  } catch (error) {
    if (error instanceof Abandoned) return null;
    throw error;
  }
}

/** Yields every 1,000 bulletins (a place to pause), returns the digest. */
function* fingerprinting(bulletins: readonly Bulletin[]): Sliced<string> {
  let sum = 0n;
  for (const [at, bulletin] of bulletins.entries()) {
    // The one-shot form: at 100,000 bulletins, a hash object each cost a third more at launch.
    const digest = hash('sha1', `${bulletin.id}\n${bulletin.contentHash}`, 'buffer');
    sum = (sum + digest.readBigUInt64BE(0)) & 0xffffffffffffffffn;
    if (at % 1000 === 999) yield;
  }
  return `${bulletins.length}:${sum.toString(16)}`;
}

/** The index JSON when the file exists, is whole and matches; null otherwise. */
export async function readPersistedIndex(
  file: string,
  version: number,
  fingerprint: string,
): Promise<string | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  const newline = text.indexOf('\n');
  if (newline === -1) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(0, newline));
  } catch {
    return null;
  }
  const found = header.safeParse(parsed);
  if (!found.success || found.data.version !== version || found.data.fingerprint !== fingerprint) return null;
  return text.slice(newline + 1);
}

/** Writes the header line and the index (whole, or in chunks) atomically: a crash leaves the old index or the new one. */
export async function writePersistedIndex(
  file: string,
  version: number,
  fingerprint: string,
  json: string | readonly string[],
): Promise<void> {
  await writeAtomically(file, [
    `${JSON.stringify({ version, fingerprint })}\n`,
    ...(typeof json === 'string' ? [json] : json),
  ]);
}
