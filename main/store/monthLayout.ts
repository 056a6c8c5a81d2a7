import type { BigIntStats } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Bulletin } from '../../preload/contract';
import { SCHEMA_VERSION } from './schema';
import type { Sliced } from '../mainThread/slices';

/**
 * A month file's bytes, bulletin by bulletin. The file is exactly `JSON.stringify` of the month
 * (no format change: backups, recovery and older apps read it as before); what this adds is where
 * each body lies in it, so that a body is read by its byte range without parsing the month, and
 * main's heap never holds the archive's bodies (175 MB of its 567 MB at 100,000 bulletins).
 */

/** Where each body of a month file lies, by the bulletin's place in the file. */
export interface BodyRanges {
  /** Byte offset of bulletin i's body as a JSON string (its quotes included); -1: no body. */
  starts: Float64Array;
  /** Its length in bytes. */
  lengths: Float64Array;
}

/** A month file as main parses it: without its bodies when their ranges could be found. */
export interface MonthText {
  /** The month's JSON; when `layout` is set, the same bulletins in the same order, without `bodyHtml`. */
  text: string;
  /** Null: the file is not what this app writes (hand-edited, damaged): its bodies are in `text`. */
  layout: MonthLayout | null;
}

export interface MonthLayout extends BodyRanges {
  /** Which file the ranges are of (see stampOf): a file replaced since does not match. */
  stamp: string;
}

const HEAD = `{"schemaVersion":${SCHEMA_VERSION},"bulletins":[`;
const TAIL = ']}';
const BODY_KEY = '"bodyHtml":';

/**
 * The file's identity: a month is always replaced by a rename, never written in place, so a file
 * with the same device, inode, size and modification time holds the same bytes. A read compares
 * it with the open handle's, so a month replaced meanwhile is never read by the old ranges.
 */
export const stampOf = (stats: BigIntStats): string =>
  `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}`;

/** Reads a month file: rejects as readFile does (`code` ENOENT for a missing file). */
export async function readMonthFile(path: string): Promise<MonthText> {
  const handle = await open(path, 'r');
  let bytes: Buffer;
  let stamp: string;
  try {
    stamp = stampOf(await handle.stat({ bigint: true }));
    bytes = await handle.readFile();
  } finally {
    await handle.close();
  }
  const text = bytes.toString('utf8');
  const split = bodiesOutOf(text);
  if (!split) return { text, layout: null };
  return { text: split.text, layout: { stamp, starts: split.starts, lengths: split.lengths } };
}

/**
 * The month `text` (a file's content) without its bodies, and where they lie in its bytes; null
 * when the text is not exactly what `serialiseMonth` writes (JSON, but spaced or ordered otherwise,
 * or not a month at all): then it is parsed whole as before, and written canonically next time.
 * Linear in the text: a parse, and a stringify of each bulletin compared in place.
 */
export function bodiesOutOf(text: string): (BodyRanges & { text: string }) | null {
  if (!text.startsWith(HEAD)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const bulletins = plainBulletins(parsed);
  if (!bulletins) return null;
  const starts = new Float64Array(bulletins.length).fill(-1);
  const lengths = new Float64Array(bulletins.length);
  const pieces: string[] = [];
  let at = HEAD.length;
  let byte = HEAD.length;
  for (const [i, item] of bulletins.entries()) {
    if (i > 0) {
      if (text.charCodeAt(at) !== 0x2c) return null;
      at++;
      byte++;
    }
    const whole = JSON.stringify(item);
    // A slice compared whole: 4–10 times faster than startsWith at an offset (measured on months
    // of the generated archive).
    if (text.slice(at, at + whole.length) !== whole) return null;
    const body = item.bodyHtml;
    if (typeof body === 'string') {
      const from = bodyStart(whole);
      const end = from + JSON.stringify(body).length;
      starts[i] = byte + Buffer.byteLength(whole.slice(0, from));
      lengths[i] = Buffer.byteLength(whole.slice(from, end));
      pieces.push(withoutMember(whole, from - BODY_KEY.length, end));
    } else pieces.push(whole);
    at += whole.length;
    byte += Buffer.byteLength(whole);
  }
  if (text.length !== at + TAIL.length || !text.endsWith(TAIL)) return null;
  return { text: HEAD + pieces.join(',') + TAIL, starts, lengths };
}

/**
 * A month's bytes (exactly `JSON.stringify({ schemaVersion, bulletins })` with each body in its
 * bulletin) and where each body lies in them. Sliced (a place to pause after each bulletin): a
 * month of ~600 bulletins in one go held main's thread 30–47 ms of its own CPU time during an
 * import at 100k (profiled turn by turn), once for every month the import touched.
 */
export function* serialiseMonth(
  bulletins: readonly Omit<Bulletin, 'bodyHtml'>[],
  bodyOf: (id: string) => string | undefined,
): Sliced<BodyRanges & { bytes: Buffer }> {
  const starts = new Float64Array(bulletins.length).fill(-1);
  const lengths = new Float64Array(bulletins.length);
  const pieces: string[] = [];
  let byte = HEAD.length;
  for (const [i, bulletin] of bulletins.entries()) {
    if (i > 0) byte++;
    const body = bodyOf(bulletin.id);
    const whole = JSON.stringify(body === undefined ? bulletin : { ...bulletin, bodyHtml: body });
    if (body !== undefined) {
      const from = bodyStart(whole);
      starts[i] = byte + Buffer.byteLength(whole.slice(0, from));
      lengths[i] = Buffer.byteLength(JSON.stringify(body));
    }
    pieces.push(whole);
    byte += Buffer.byteLength(whole);
    yield;
  }
  return { bytes: Buffer.from(HEAD + pieces.join(',') + TAIL), starts, lengths };
}

/**
 * Where the body's JSON string starts in a bulletin's JSON. `"bodyHtml":` can only be its key: in
 * a JSON string every quote is escaped, and the bulletin's values are strings or arrays of them
 * (plainBulletins), so no other key or value can hold that sequence.
 */
function bodyStart(whole: string): number {
  return whole.indexOf(BODY_KEY) + BODY_KEY.length;
}

/** A bulletin's JSON without its member at [key, end) and the comma that joined it to the others. */
function withoutMember(whole: string, key: number, end: number): string {
  if (whole.charCodeAt(key - 1) === 0x2c) return whole.slice(0, key - 1) + whole.slice(end);
  return whole.slice(0, key) + whole.slice(whole.charCodeAt(end) === 0x2c ? end + 1 : end);
}

type PlainBulletin = Record<string, unknown> & { bodyHtml?: unknown };

/** The bulletins of a parsed month whose every value is a string or an array of strings. */
function plainBulletins(parsed: unknown): PlainBulletin[] | null {
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { bulletins } = parsed as { bulletins?: unknown };
  if (!Array.isArray(bulletins)) return null;
  for (const item of bulletins as unknown[]) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return null;
    for (const value of Object.values(item)) {
      if (typeof value === 'string') continue;
      if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) return null;
    }
  }
  return bulletins as PlainBulletin[];
}
