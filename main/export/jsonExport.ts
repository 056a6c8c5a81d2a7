import type { Bulletin } from '../../preload/contract';

/** Names the file's kind, so an importer can recognise it before reading the rest. */
export const JSON_EXPORT_FORMAT = 'bulletin-reader/bulletins';

/**
 * Bulletins as JSON in the archive's own Bulletin shape (every field, body HTML
 * as stored), so importing the file gives the same bulletins back.
 */
export function jsonExport(bulletins: readonly Bulletin[], title: string, exportedAt: Date): string {
  return `${JSON.stringify(
    { format: JSON_EXPORT_FORMAT, schemaVersion: 1, title, exportedAt: exportedAt.toISOString(), bulletins },
    null,
    2,
  )}\n`;
}
