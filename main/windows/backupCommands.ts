import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BrowserWindow, dialog } from 'electron';
import { t } from '../i18n';
import type { NoticeBoard } from '../notices/noticeBoard';
import type { Archive } from '../archive/archive';
import type { Library } from '../store/library';
import { ParseRanOutOfMemory, ParseTookTooLong, type UntrustedReader } from '../importers/parseInWorker';
import { writeLibraryBackup, type LibraryBackup } from '../store/libraryBackup';

export interface BackupContext {
  library: Library;
  /** Restores the library and its index together, and tells the windows. */
  archive: Pick<Archive, 'restore'>;
  notices: NoticeBoard;
  /** `<userData>/backups`: where the library is saved before a restore replaces it. */
  backupFolder: string;
  formatDate: (iso: string) => string;
  /** Reads the chosen file's bytes into a checked backup: the parse worker, never main's thread. */
  readBackup: UntrustedReader['readBackup'];
  /** The library was replaced (the windows were told): put its settings to work. */
  onRestored: () => void;
}

const filters = () => [{ name: t('backupDialog.fileType'), extensions: ['json'] }];

/** File > Back up library…: all user data, marks and archive, in one file the user chooses. */
export async function backUpLibrary(context: BackupContext): Promise<void> {
  const owner = BrowserWindow.getFocusedWindow();
  const options: Electron.SaveDialogOptions = {
    title: t('backupDialog.saveTitle'),
    defaultPath: `bulletin-reader-backup-${new Date().toISOString().slice(0, 10)}.json`,
    filters: filters(),
  };
  const { canceled, filePath } = owner
    ? await dialog.showSaveDialog(owner, options)
    : await dialog.showSaveDialog(options);
  if (canceled || !filePath) return;
  try {
    const backup = await writeLibraryBackup(context.library, filePath);
    context.notices.post({
      kind: 'info',
      message: t('backupDialog.saved', {
        bulletins: backup.bulletins.length,
        bookmarks: Object.keys(backup.state.bookmarks).length,
      }),
      details: [],
    });
  } catch (error) {
    context.notices.post({
      kind: 'error',
      message: t('backupDialog.saveFailed', { reason: reasonOf(error) }),
      details: [],
    });
  }
}

/**
 * File > Restore library…: the chosen file is read and checked whole, the user
 * confirms, the current library is saved to backups/ and only then replaced.
 */
export async function restoreLibrary(context: BackupContext): Promise<void> {
  const owner = BrowserWindow.getFocusedWindow();
  const options: Electron.OpenDialogOptions = {
    title: t('backupDialog.openTitle'),
    properties: ['openFile'],
    filters: filters(),
  };
  const { canceled, filePaths } = owner
    ? await dialog.showOpenDialog(owner, options)
    : await dialog.showOpenDialog(options);
  const [path] = filePaths;
  if (canceled || !path) return;

  const read = await readChosenBackup(path, context.readBackup);
  if ('refusal' in read) {
    context.notices.post({
      kind: 'error',
      message: read.refusal,
      details: [t('backupDialog.nothingChanged')],
    });
    return;
  }
  const { backup } = read;

  const confirm: Electron.MessageBoxOptions = {
    type: 'question',
    message: t('backupDialog.confirm', {
      date: context.formatDate(backup.createdAt),
      bulletins: backup.bulletins.length,
      bookmarks: Object.keys(backup.state.bookmarks).length,
    }),
    detail: t('backupDialog.confirmDetail'),
    buttons: [t('backupDialog.replace'), t('backupDialog.cancel')],
    defaultId: 1,
    cancelId: 1,
  };
  const { response } = owner
    ? await dialog.showMessageBox(owner, confirm)
    : await dialog.showMessageBox(confirm);
  if (response !== 0) return;

  const keptAs = join(
    context.backupFolder,
    `before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  );
  try {
    await writeLibraryBackup(context.library, keptAs);
    await context.archive.restore({ state: backup.state, bulletins: backup.bulletins });
  } catch (error) {
    context.notices.post({
      kind: 'error',
      message: t('backupDialog.restoreFailed', { reason: reasonOf(error) }),
      details: [],
    });
    return;
  }
  context.onRestored();
  context.notices.post({
    kind: 'info',
    message: t('backupDialog.restored', {
      bulletins: backup.bulletins.length,
      bookmarks: Object.keys(backup.state.bookmarks).length,
    }),
    details: [t('backupDialog.previousKept')],
  });
}

/**
 * The chosen file, read and checked whole in the parse worker (a backup is a file anyone could
 * have made: its JSON and schema check grow with it), or the sentence saying why it is refused.
 */
export async function readChosenBackup(
  path: string,
  readBackup: UntrustedReader['readBackup'],
): Promise<{ backup: LibraryBackup } | { refusal: string }> {
  try {
    const reading = await readBackup(await readFile(path));
    if (reading.kind === 'tooLarge') return { refusal: t('backupDialog.tooLarge') };
    return reading.kind === 'backup' ? { backup: reading.backup } : { refusal: t('backupDialog.invalid') };
  } catch (error) {
    return { refusal: backupReadRefusal(error) };
  }
}

/** Why reading a chosen backup in the parse worker failed, as the user reads it (restore and merge). */
export function backupReadRefusal(error: unknown): string {
  if (error instanceof ParseTookTooLong)
    return t('backupDialog.tooSlow', { seconds: Math.round(error.budgetMs / 1000) });
  if (error instanceof ParseRanOutOfMemory) return t('backupDialog.tooLarge');
  return t('backupDialog.unreadable', { reason: reasonOf(error) });
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ?? t('backupDialog.unknownReason');
}
