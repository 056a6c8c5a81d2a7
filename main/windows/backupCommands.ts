import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BrowserWindow, dialog } from 'electron';
import { t } from '../i18n';
import type { NoticeBoard } from '../notices/noticeBoard';
import type { Archive } from '../archive/archive';
import type { Library } from '../store/library';
import { ParseRanOutOfMemory, ParseTookTooLong, type UntrustedReader } from '../importers/parseInWorker';
import {
  libraryBackupText,
  writeLibraryBackup,
  type BackupWritten,
  type LibraryBackup,
} from '../store/libraryBackup';
import {
  isTarBackup,
  libraryOfTarBackup,
  type KeptRestored,
  writeBackupWithKept,
} from '../offline/keptBackup';

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

  const read = await readChosenBackup(path, context.readBackup);
  if ('refusal' in read) {
    postRefusal(context.notices, read.refusal);
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

/** A chosen file refused before anything was asked or written (restore's, a colleague merge's): why, and that nothing changed. */
export function postRefusal(notices: NoticeBoard, refusal: string): void {
  notices.post({ kind: 'error', message: refusal, details: [t('backupDialog.nothingChanged')] });
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
    const bytes = await libraryBytesOfBackup(path, MAX_LIBRARY_BYTES);
    if (bytes === 'tooLarge') return { refusal: t('backupDialog.tooLarge') };
    if (bytes === 'none') return { refusal: t('backupDialog.invalid') };
    const reading = await readBackup(bytes);
    if (reading.kind === 'tooLarge') return { refusal: t('backupDialog.tooLarge') };
    return reading.kind === 'backup' ? { backup: reading.backup } : { refusal: t('backupDialog.invalid') };
  } catch (error) {
    return { refusal: backupReadRefusal(error) };
  }
}

/** A library's JSON read for a restore: what one Buffer holds. */
const MAX_LIBRARY_BYTES = 2 ** 31 - 1;

/**
 * The library's JSON of a backup file, restore's and a colleague merge's alike: the file itself, or
 * the first entry of a backup with kept content (a tar); `none` when a tar has no library first.
 * Its size is known before it is read, so a library past `maxBytes` is never taken into memory.
 */
export async function libraryBytesOfBackup(
  path: string,
  maxBytes: number,
): Promise<Uint8Array | 'tooLarge' | 'none'> {
  if (await isTarBackup(path)) return libraryOfTarBackup(path, maxBytes);
  if ((await stat(path)).size > maxBytes) return 'tooLarge';
  return readFile(path);
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
