import { readFile, stat } from 'node:fs/promises';
import { t } from '../i18n';
import { ParseRanOutOfMemory, ParseTookTooLong } from '../importers/parseInWorker';
import type { NoticeBoard } from '../notices/noticeBoard';
import { isTarBackup, libraryOfTarBackup } from '../offline/keptBackup';

/** What the parse worker made of a backup's library (restore's check, a colleague merge's): passed, 'invalid' or 'tooLarge'. */
type Reading = { kind: string };
/** A reading the file passed. */
type Passed<R extends Reading> = Exclude<R, { kind: 'invalid' } | { kind: 'tooLarge' }>;

/**
 * A backup file the user chose, to restore or a colleague's to merge: its library's JSON, read
 * only when under `limit.bytes` (else refused with `limit.tooLarge`), then checked whole by
 * `check` in the parse worker (a backup is a file anyone could have made: its JSON and schema
 * check grow with it). Resolves to what the check passed, or the sentence saying why the file is
 * refused.
 */
export async function readChosenBackup<R extends Reading>(
  path: string,
  check: (bytes: Uint8Array) => Promise<R>,
  limit: { bytes: number; tooLarge: string },
): Promise<{ passed: Passed<R> } | { refusal: string }> {
  try {
    const bytes = await libraryBytesOfBackup(path, limit.bytes);
    if (bytes === 'tooLarge') return { refusal: limit.tooLarge };
    if (bytes === 'none') return { refusal: t('backupDialog.invalid') };
    const reading = await check(bytes);
    if (reading.kind === 'tooLarge') return { refusal: t('backupDialog.tooLarge') };
    if (reading.kind === 'invalid') return { refusal: t('backupDialog.invalid') };
    return { passed: reading as Passed<R> };
  } catch (error) {
    return { refusal: backupReadRefusal(error) };
  }
}

/** A chosen file refused before anything was asked or written (restore's, a colleague merge's): why, and that nothing changed. */
export function postRefusal(notices: NoticeBoard, refusal: string): void {
  notices.post({ kind: 'error', message: refusal, details: [t('backupDialog.nothingChanged')] });
}

/**
 * The library's JSON of a backup file: the file itself, or the first entry of a backup with kept
 * content (a tar); `none` when a tar has no library first. Its size is known before it is read,
 * so a library past `maxBytes` is never taken into memory.
 */
async function libraryBytesOfBackup(
  path: string,
  maxBytes: number,
): Promise<Uint8Array | 'tooLarge' | 'none'> {
  if (await isTarBackup(path)) return libraryOfTarBackup(path, maxBytes);
  if ((await stat(path)).size > maxBytes) return 'tooLarge';
  return readFile(path);
}

/** Why reading a chosen backup in the parse worker failed, as the user reads it. */
function backupReadRefusal(error: unknown): string {
  if (error instanceof ParseTookTooLong)
    return t('backupDialog.tooSlow', { seconds: Math.round(error.budgetMs / 1000) });
  if (error instanceof ParseRanOutOfMemory) return t('backupDialog.tooLarge');
  return t('backupDialog.unreadable', { reason: reasonOf(error) });
}

/** A file operation's failure as the user reads it: its system code, or "unknown". */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ?? t('backupDialog.unknownReason');
}
