import { randomBytes } from 'node:crypto';

/**
 * One-off documents for the print window, kept in memory and served at
 * app://bulletin/print-data/<token>.json by the app's protocol handler. The
 * token is unguessable (128 random bits) and the document is handed out once,
 * so no other page can read an export, and nothing is written to disk.
 */
const PREFIX = '/print-data/';
const documents = new Map<string, string>();

/** Keeps `json` until it is fetched or withdrawn; returns the path to fetch it at. */
export function offerPrintData(json: string): { token: string; path: string } {
  const token = randomBytes(16).toString('hex');
  documents.set(token, json);
  return { token, path: `${PREFIX}${token}.json` };
}

export function withdrawPrintData(token: string): void {
  documents.delete(token);
}

/** The document at `pathname` (once), or null when the path is not a print-data path or is spent. */
export function takePrintData(pathname: string): string | null | undefined {
  if (!pathname.startsWith(PREFIX)) return undefined;
  const token = /^([0-9a-f]{32})\.json$/.exec(pathname.slice(PREFIX.length))?.[1];
  if (!token) return null;
  const json = documents.get(token) ?? null;
  documents.delete(token);
  return json;
}
