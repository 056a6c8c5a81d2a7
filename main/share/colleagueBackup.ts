import { z } from 'zod';
import type { Bulletin } from '../../preload/contract';
import { indexedBodyText } from '../importers/validateImport';
import { backupJsonOf, libraryBackupSchema } from '../store/libraryBackup';
import { bulletinSchema, type State } from '../store/schema';

/**
 * A colleague's Back Up Library file, read for File › Merge a Colleague's Library…. Unlike a
 * restore (which replaces everything, so refuses a file with one bad bulletin), a merge takes what
 * it can: the envelope and the marks (state) must be whole, each bulletin is checked on its own
 * and a damaged one is left out and named by its position. Runs in the parse worker
 * (main/importers/untrustedWork.ts): everything here grows with the file.
 */

/** The backup's envelope and state as File › Back Up Library… writes them; bulletins one by one. */
const colleagueBackupSchema = libraryBackupSchema.extend({ bulletins: z.array(z.unknown()) });

export interface ColleagueLibrary {
  createdAt: string;
  /** The colleague's marks, collections, saved searches, tombstones and settings (their name). */
  state: State;
  bulletins: Bulletin[];
  /** Each bulletin's body as the search index reads it (null: no body), made here, off main's thread. */
  bodyTexts: (string | null)[];
  /** Each bulletin's 1-based position in the file, by index (what a report names an untitled one by). */
  positions: number[];
  /** 1-based positions of the file's items that are not bulletins. */
  invalid: number[];
}

export type ColleagueBackupReading =
  { kind: 'library'; library: ColleagueLibrary } | { kind: 'invalid'; reason: string } | { kind: 'tooLarge' };

export function readColleagueBackup(bytes: Uint8Array): ColleagueBackupReading {
  const checked = backupJsonOf(bytes, colleagueBackupSchema);
  if (checked.kind !== 'checked') return checked;
  const bulletins: Bulletin[] = [];
  const positions: number[] = [];
  const invalid: number[] = [];
  checked.data.bulletins.forEach((item, index) => {
    const bulletin = bulletinSchema.safeParse(item);
    if (bulletin.success) {
      bulletins.push(bulletin.data);
      positions.push(index + 1);
    } else invalid.push(index + 1);
  });
  return {
    kind: 'library',
    library: {
      createdAt: checked.data.createdAt,
      state: checked.data.state,
      bulletins,
      bodyTexts: bulletins.map(({ bodyHtml }) => (bodyHtml === undefined ? null : indexedBodyText(bodyHtml))),
      positions,
      invalid,
    },
  };
}
