import { join } from 'node:path';
import { BrowserWindow, dialog } from 'electron';
import { t } from '../i18n';
import type { NoticeBoard } from '../notices/noticeBoard';
import type { Archive } from '../archive/archive';
import type { Library } from '../store/library';
import type { UntrustedReader } from '../importers/parseInWorker';
import { libraryBackupText, writeLibraryBackup, type BackupWritten } from '../store/libraryBackup';
import { isTarBackup, type KeptRestored, writeBackupWithKept } from '../offline/keptBackup';
import { postRefusal, readChosenBackup, reasonOf } from './chosenBackup';

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
  /** Kept articles and images (main/offline): a backup may hold them, and a restore puts them back. */
  kept?: {
    folder: string;
    /** What the library and the kept content take on disk, in bytes (the backup dialog shows them). */
    sizes: () => Promise<{ library: number; kept: number }>;
    /** Puts a backup's kept articles and images back (search indexes them). */
    restore: (backupPath: string) => Promise<KeptRestored>;
  };
}

/** A library's JSON read for a restore: what one Buffer holds. */
const MAX_LIBRARY_BYTES = 2 ** 31 - 1;

/** The backup dialog's sizes, in MB with one decimal. */
const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/**
 * Whether to put kept content in the backup, asked only when there is some: resolves to true or
 * false, or null when the user cancelled.
 */
async function askIncludeKept(
  owner: BrowserWindow | null,
  kept: NonNullable<BackupContext['kept']>,
): Promise<boolean | null> {
  const sizes = await kept.sizes();
  if (sizes.kept === 0) return false;
  const question: Electron.MessageBoxOptions = {
    type: 'question',
    message: t('backupDialog.keptQuestion'),
    detail: t('backupDialog.keptDetail', { library: megabytes(sizes.library), kept: megabytes(sizes.kept) }),
    buttons: [
      t('backupDialog.withKept', { size: megabytes(sizes.library + sizes.kept) }),
      t('backupDialog.withoutKept', { size: megabytes(sizes.library) }),
      t('backupDialog.cancel'),
    ],
    defaultId: 0,
    cancelId: 2,
  };
  const { response } = owner
    ? await dialog.showMessageBox(owner, question)
    : await dialog.showMessageBox(question);
  return response === 2 ? null : response === 0;
}

const filters = () => [{ name: t('backupDialog.fileType'), extensions: ['json', 'tar'] }];

/** File > Back up library…: all user data, marks and archive, in one file the user chooses. */
export async function backUpLibrary(context: BackupContext): Promise<void> {
  const owner = BrowserWindow.getFocusedWindow();
  const withKept = context.kept ? await askIncludeKept(owner, context.kept) : false;
  if (withKept === null) return;
  const extension = withKept ? 'tar' : 'json';
  const options: Electron.SaveDialogOptions = {
    title: t('backupDialog.saveTitle'),
    defaultPath: `bulletin-reader-backup-${new Date().toISOString().slice(0, 10)}.${extension}`,
    filters: [{ name: t('backupDialog.fileType'), extensions: [extension] }],
  };
  const { canceled, filePath } = owner
    ? await dialog.showSaveDialog(owner, options)
    : await dialog.showSaveDialog(options);
  if (canceled || !filePath) return;
  try {
    let backup: BackupWritten;
    if (withKept && context.kept) {
      // The tar's entry needs its size first: the text is made whole (bodies read a batch at a time).
      let text = '';
      for await (const piece of libraryBackupText(context.library)) text += piece;
      const { state, bulletins } = context.library.snapshot();
      backup = { bulletins: bulletins.length, bookmarks: Object.keys(state.bookmarks).length };
      await writeBackupWithKept(text, context.kept.folder, filePath);
    } else backup = await writeLibraryBackup(context.library, filePath);
    context.notices.post({
      kind: 'info',
      message: t('backupDialog.saved', { bulletins: backup.bulletins, bookmarks: backup.bookmarks }),
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

  const read = await readChosenBackup(path, context.readBackup, {
    bytes: MAX_LIBRARY_BYTES,
    tooLarge: t('backupDialog.tooLarge'),
  });
  if ('refusal' in read) {
    postRefusal(context.notices, read.refusal);
    return;
  }
  const { backup } = read.passed;

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
    details: [t('backupDialog.previousKept'), ...(await restoreKept(path, context))],
  });
}

/** A backup's kept content put back beside what is kept now; what the notice says of it. */
async function restoreKept(path: string, context: BackupContext): Promise<string[]> {
  if (!context.kept || !(await isTarBackup(path).catch(() => false))) return [];
  try {
    const restored = await context.kept.restore(path);
    return [
      t('backupDialog.keptRestored', { count: restored.bulletinIds.length }),
      ...(restored.skipped > 0 ? [t('backupDialog.keptSkipped', { count: restored.skipped })] : []),
    ];
  } catch (error) {
    return [t('backupDialog.keptFailed', { reason: reasonOf(error) })];
  }
}
