import type { TFunction } from 'i18next';
import type { ImportedFile, ImportReport, SharedImport } from '../../preload/contract';

/** An import outcome in words: one sentence, plus one line per refused file or left-out item. */
export interface ImportSummary {
  message: string;
  /** "report.txt: Not a bulletin digest." — one per refused file. */
  problems: string[];
  /** True when at least one file was refused: shown as a warning, and kept until dismissed. */
  hasProblems: boolean;
}

/**
 * Describes an import: "Added 3 bulletins; 7 were already in the library."
 * Two counts in one sentence need two plural forms, so each half is its own
 * pluralised key and a third key orders them (translators may reorder).
 */
export function summariseImport(report: ImportReport, t: TFunction): ImportSummary {
  const { added, unchanged } = report;
  // Reports from before "updated" existed count it as zero.
  const updated = report.updated ?? 0;
  const listed = report.files.reduce((sum, file) => sum + (file.feeds?.length ?? 0), 0);
  let message: string;
  if (added > 0 && unchanged > 0) {
    message = t('import.addedAndUnchanged', {
      added: t('import.added', { count: added }),
      unchanged: t('import.alreadyInLibrary', { count: unchanged }),
    });
  } else if (added > 0) {
    message = t('import.addedOnly', { count: added });
  } else if (unchanged > 0) {
    message = t('import.unchangedOnly', { count: unchanged });
  } else if (updated === 0 && listed === 0) {
    message = t('import.nothingFound');
  } else {
    message = '';
  }
  if (updated > 0) message = t('import.updated', { message, count: updated }).trim();
  if (listed > 0) message = t('import.feedsListed', { message, count: listed }).trim();
  if (report.cancelled) message = t('import.cancelled', { message }).trim();

  // Every item of every file is accounted for: the counts above, then the merged and the left out.
  const merged = report.files.reduce((sum, file) => sum + (file.merged ?? 0), 0);
  // Main lists the first items left out of each file and counts them all (rejectedCount).
  const leftOutOf = (file: ImportedFile) => file.rejectedCount ?? (file.rejected ?? []).length;
  const leftOut = report.files.reduce((sum, file) => sum + leftOutOf(file), 0);
  const unlisted = report.files.reduce(
    (sum, file) => sum + leftOutOf(file) - (file.rejected ?? []).length,
    0,
  );
  if (merged > 0) message = t('import.merged', { message, count: merged }).trim();
  if (leftOut > 0) message = t('import.leftOut', { message, count: leftOut }).trim();

  // A colleague's share file: what its notes, collection and bookmarks did, one sentence a file.
  for (const file of report.files) {
    if (file.share) message = `${message} ${describeShare(file.share, t)}`.trim();
  }

  const refused = report.files.filter((file) => file.error);
  const lines = refused.map((file) => t('import.fileProblem', { name: file.name, error: file.error }));
  if (refused.length > 0) {
    message = t('import.withProblems', { summary: message, count: refused.length });
  }
  for (const file of report.files) {
    for (const { kept, merged: count } of file.duplicates ?? []) {
      lines.push(t('import.duplicates', { name: file.name, kept, count }));
    }
    for (const { item, reason } of file.rejected ?? []) {
      lines.push(t('import.itemProblem', { name: file.name, item, reason }));
    }
  }
  // A file of 10,000 bad items would make a notice no one can read: the counts above cover them all.
  const problems =
    lines.length + unlisted > MAX_LINES
      ? [...lines.slice(0, MAX_LINES), t('import.moreLines', { count: lines.length + unlisted - MAX_LINES })]
      : lines;
  return { message, problems, hasProblems: problems.length > 0 };
}

/** Lines of detail a report shows. */
const MAX_LINES = 50;

/** "From Ana: 1 new note, 1 kept beside yours; collection “Darién route” created with 3 bulletins." */
function describeShare(share: SharedImport, t: TFunction): string {
  const parts: string[] = [];
  if (share.notesNew > 0) parts.push(t('import.share.notesNew', { count: share.notesNew }));
  if (share.notesBeside > 0) parts.push(t('import.share.notesBeside', { count: share.notesBeside }));
  if (share.notesSame > 0) parts.push(t('import.share.notesSame', { count: share.notesSame }));
  const { collection, bookmarks } = share;
  if (collection) {
    parts.push(
      collection.created
        ? t('import.share.collectionCreated', { name: collection.name, count: collection.added })
        : t('import.share.collectionJoined', {
            name: collection.name,
            count: collection.added,
            already: collection.already,
          }),
    );
  }
  if (bookmarks.added > 0) parts.push(t('import.share.bookmarksAdded', { count: bookmarks.added }));
  else if (bookmarks.offered > bookmarks.already)
    parts.push(t('import.share.bookmarksLeft', { count: bookmarks.offered - bookmarks.already }));
  return t('import.share.summary', {
    sender: share.sender,
    details: parts.length > 0 ? parts.join('; ') : t('import.share.nothingNew'),
  });
}
