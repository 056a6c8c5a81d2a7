import { join } from 'node:path';
import { BrowserWindow, dialog } from 'electron';
import { t } from '../i18n';
import type { NoticeBoard } from '../notices/noticeBoard';
import type { Archive } from '../archive/archive';
import type { Library } from '../store/library';
import { InvalidBackupError, readLibraryBackup, writeLibraryBackup } from '../store/libraryBackup';

export interface BackupContext {
  library: Library;
  /** Restores the library and its index together, and tells the windows. */
  archive: Pick<Archive, 'restore'>;
  notices: NoticeBoard;
  /** `<userData>/backups`: where the library is saved before a restore replaces it. */
  backupFolder: string;
  formatDate: (iso: string) => string;
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

  let backup;
  try {
    backup = await readLibraryBackup(path);
  } catch (error) {
    const message =
      error instanceof InvalidBackupError
        ? t('backupDialog.invalid')
        : t('backupDialog.unreadable', { reason: reasonOf(error) });
    context.notices.post({ kind: 'error', message, details: [t('backupDialog.nothingChanged')] });
    return;
  }

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

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ?? t('backupDialog.unknownReason');
}
