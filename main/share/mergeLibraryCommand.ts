import { randomUUID } from 'node:crypto';
import { BrowserWindow, dialog } from 'electron';
import type { RejectedItem } from '../../preload/contract';
import type { Archive } from '../archive/archive';
import { t } from '../i18n';
import type { UntrustedReader } from '../importers/parseInWorker';
import type { NoticeBoard } from '../notices/noticeBoard';
import { cleanName } from '../store/collections';
import type { Library } from '../store/library';
import { postRefusal, readChosenBackup } from '../windows/chosenBackup';
import { checkedInSlices } from './checkedInSlices';
import type { ColleagueLibrary } from './colleagueBackup';
import {
  mergeRecordOf,
  readMergeRecord,
  removeMergeRecord,
  writeMergeRecord,
  type MergeMarks,
} from './mergeRecord';
import { planLibraryMergeInSlices, type LibraryMergePlan } from './planLibraryMerge';

export interface MergeContext {
  library: Library;
  archive: Pick<Archive, 'mergeLibrary' | 'undoMerge'>;
  notices: NoticeBoard;
  formatDate: (iso: string) => string;
  /** Reads and checks the chosen file in the parse worker, never on main's thread. */
  readColleagueBackup: UntrustedReader['readColleagueBackup'];
  /** `<userData>/merge-undo.json` (main/share/mergeRecord.ts). */
  recordFile: string;
  /** Whether to take the colleague's bookmarks ("Not now" by default: main/share/askBookmarks.ts). */
  askBookmarks: (sender: string, count: number) => Promise<boolean>;
}

/** Left-out items a report names one by one; the count covers them all (as an import's report). */
const LISTED_LEFT_OUT = 50;
/** Collections the preview and the report name one by one; the rest are counted. */
const LISTED_COLLECTIONS = 10;

const owner = () => BrowserWindow.getFocusedWindow();
const ask = async (options: Electron.MessageBoxOptions) => {
  const window = owner();
  const { response } = window
    ? await dialog.showMessageBox(window, options)
    : await dialog.showMessageBox(options);
  return response;
};

/**
 * File › Merge a Colleague's Library…: a Back Up Library file from a colleague's laptop joins the
 * user's library. The file is read and checked in the parse worker (with an import's size limit
 * and the worker's time and memory caps); the user sees what will change and confirms; the new
 * bulletins are written through the archive's stage/commit path and the marks in one write of
 * state.json; the report accounts for every item of the file; File › Undo Colleague's Library Merge… takes
 * it back (main/share/mergeRecord.ts).
 */
export async function mergeColleagueLibrary(context: MergeContext): Promise<void> {
  const { library } = context;
  const options: Electron.OpenDialogOptions = {
    title: t('mergeDialog.openTitle'),
    properties: ['openFile'],
    filters: [{ name: t('backupDialog.fileType'), extensions: ['json', 'tar'] }],
  };
  const window = owner();
  const { canceled, filePaths } = window
    ? await dialog.showOpenDialog(window, options)
    : await dialog.showOpenDialog(options);
  const [path] = filePaths;
  if (canceled || !path) return;

  const capMegabytes = library.settings().importCapMegabytes;
  // A library past the import limit is never taken into main's memory.
  const read = await readChosenBackup(path, context.readColleagueBackup, {
    bytes: capMegabytes * 1024 * 1024,
    tooLarge: t('errors.fileTooLarge', { limit: capMegabytes }),
  });
  if ('refusal' in read) {
    postRefusal(context.notices, read.refusal);
    return;
  }
  const colleague = read.passed.library;
  const now = new Date().toISOString();
  // Their name as set in their Settings; a backup does not carry the computer's user name.
  const sender = cleanName(colleague.state.settings.senderName ?? '') || t('mergeDialog.yourColleague');
  const checked = await checkedInSlices(colleague, now);
  const plan = await planLibraryMergeInSlices(
    {
      presence: library.presence,
      note: library.note,
      isBookmarked: library.isBookmarked,
      collections: library.collectionMembers(),
      savedSearches: library.savedSearches(),
    },
    { sender, bulletins: checked.bulletins, state: colleague.state },
    { noteHeader, newId: randomUUID, now },
  );
  const leftOut = leftOutItems(colleague, checked.rejected, checked.repeated, plan, sender);
  const counts = {
    sender,
    added: plan.bulletins.add.length,
    already: plan.bulletins.already + plan.bulletins.alreadyDeleted,
    leftOut: leftOut.count,
  };

  if (!changesAnything(plan)) {
    context.notices.post({
      kind: 'info',
      message: t('mergeDialog.nothingToMerge', counts),
      details: leftOut.lines,
    });
    return;
  }
  const offered = plan.bookmarks.offered.length;
  const confirmed = await ask({
    type: 'question',
    message: t('mergeDialog.confirm', { sender, date: context.formatDate(colleague.createdAt) }),
    detail: [
      ...previewLines(plan, counts),
      ...(offered > 0 ? [t('mergeDialog.bookmarksOffered', { count: offered })] : []),
      '',
      t('mergeDialog.confirmDetail'),
    ].join('\n'),
    buttons: [t('mergeDialog.merge'), t('backupDialog.cancel')],
    defaultId: 1,
    cancelId: 1,
  });
  if (confirmed !== 0) return;
  const takeBookmarks = offered > 0 && (await context.askBookmarks(sender, offered));

  const marks: MergeMarks = {
    at: now,
    notes: plan.notes,
    bookmarks: takeBookmarks ? plan.bookmarks.offered : [],
    collections: plan.collections,
    savedSearches: plan.savedSearches.add,
  };
  const added = plan.bulletins.add.map((bulletin) => bulletin.id);
  try {
    // First: a crash from here on leaves an undo that takes back whatever landed.
    await writeMergeRecord(context.recordFile, mergeRecordOf(sender, added, marks, library.noteEntry));
    await context.archive.mergeLibrary(plan.bulletins.add, checked.bodyTexts, marks);
  } catch (error) {
    context.notices.post({
      kind: 'error',
      message: t('mergeDialog.failed', { reason: reasonOf(error) }),
      details: [t('mergeDialog.failedDetail')],
    });
    return;
  }
  context.notices.post({
    kind: 'info',
    message: t('mergeDialog.merged', counts),
    details: [
      ...previewLines(plan, counts).slice(1),
      ...(takeBookmarks
        ? [t('mergeDialog.bookmarksTaken', { added: offered, already: plan.bookmarks.already })]
        : offered > 0
          ? [t('mergeDialog.bookmarksNotTaken', { count: offered })]
          : []),
      ...leftOut.lines,
      t('mergeDialog.undoHint'),
    ],
  });
}

/** File › Undo Colleague's Library Merge…: the last merge's bulletins and marks taken back, once confirmed. */
export async function undoColleagueMerge(context: MergeContext): Promise<void> {
  const record = await readMergeRecord(context.recordFile);
  if (!record) {
    context.notices.post({ kind: 'info', message: t('mergeDialog.nothingToUndo'), details: [] });
    return;
  }
  const confirmed = await ask({
    type: 'question',
    message: t('mergeDialog.undoConfirm', { sender: record.sender, date: context.formatDate(record.at) }),
    detail: t('mergeDialog.undoDetail', {
      bulletins: record.bulletins.length,
      notes: record.notes.length,
      bookmarks: record.bookmarks.length,
      collections: record.createdCollections.length,
      savedSearches: record.savedSearches.length,
    }),
    buttons: [t('mergeDialog.undo'), t('backupDialog.cancel')],
    defaultId: 1,
    cancelId: 1,
  });
  if (confirmed !== 0) return;
  try {
    const { removed, kept } = await context.archive.undoMerge(record);
    await removeMergeRecord(context.recordFile);
    context.notices.post({
      kind: 'info',
      message: t('mergeDialog.undone', { sender: record.sender, removed }),
      details: kept > 0 ? [t('mergeDialog.keptSince', { count: kept })] : [],
    });
  } catch (error) {
    context.notices.post({
      kind: 'error',
      message: t('mergeDialog.undoFailed', { reason: reasonOf(error) }),
      details: [],
    });
  }
}

const noteHeader = (sender: string, date: string) => t('share.noteHeader', { sender, date });

function changesAnything(plan: LibraryMergePlan): boolean {
  return (
    plan.bulletins.add.length > 0 ||
    plan.notes.length > 0 ||
    plan.bookmarks.offered.length > 0 ||
    plan.savedSearches.add.length > 0 ||
    plan.collections.some((collection) => collection.created || collection.add.length > 0)
  );
}

/** What the merge brings, a line each: the same lines preview it and report it. */
function previewLines(
  plan: LibraryMergePlan,
  counts: { added: number; already: number; leftOut: number },
): string[] {
  const { notesSummary, savedSearches } = plan;
  const listed = plan.collections.slice(0, LISTED_COLLECTIONS).map((collection) =>
    collection.created
      ? t('mergeDialog.collectionCreated', { name: collection.name, count: collection.add.length })
      : t('mergeDialog.collectionJoined', {
          name: collection.name,
          added: collection.add.length,
          already: collection.already,
        }),
  );
  const more = plan.collections.length - listed.length;
  return [
    t('mergeDialog.bulletins', counts),
    ...(plan.bulletins.alreadyDeleted > 0
      ? [t('mergeDialog.deletedByYou', { count: plan.bulletins.alreadyDeleted })]
      : []),
    t('mergeDialog.notes', notesSummary),
    ...listed,
    ...(more > 0 ? [t('mergeDialog.moreCollections', { count: more })] : []),
    t('mergeDialog.savedSearches', {
      added: savedSearches.add.length,
      renamed: savedSearches.renamed,
      same: savedSearches.same,
    }),
  ];
}

/** Every item of the file that the merge does not bring, with its reason; the first ones named. */
function leftOutItems(
  colleague: ColleagueLibrary,
  rejected: readonly RejectedItem[],
  repeated: number,
  plan: LibraryMergePlan,
  sender: string,
): { count: number; lines: string[] } {
  const named = [
    ...colleague.invalid.map((position) => ({
      item: t('rejected.item', { position }),
      reason: t('rejected.invalidBulletin'),
    })),
    ...rejected,
  ];
  const count = named.length + repeated + plan.bulletins.deletedByColleague;
  const lines = named
    .slice(0, LISTED_LEFT_OUT)
    .map((entry) => t('mergeDialog.leftOutItem', { item: entry.item, reason: entry.reason }));
  if (named.length > LISTED_LEFT_OUT)
    lines.push(t('mergeDialog.leftOutMore', { count: named.length - LISTED_LEFT_OUT }));
  if (repeated > 0) lines.push(t('mergeDialog.repeated', { count: repeated }));
  if (plan.bulletins.deletedByColleague > 0)
    lines.push(t('mergeDialog.deletedByColleague', { sender, count: plan.bulletins.deletedByColleague }));
  if (plan.notesSummary.leftOut > 0)
    lines.push(t('mergeDialog.notesLeftOut', { count: plan.notesSummary.leftOut }));
  if (plan.collectionsLeftOut > 0)
    lines.push(t('mergeDialog.collectionsLeftOut', { count: plan.collectionsLeftOut }));
  if (plan.savedSearches.leftOut > 0)
    lines.push(t('mergeDialog.savedSearchesLeftOut', { count: plan.savedSearches.leftOut }));
  return { count, lines };
}

function reasonOf(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? t('backupDialog.unknownReason');
}
