import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type {
  Bulletin,
  ImportProgress,
  ImportReport,
  ImportedFile,
  RejectedItem,
} from '../../preload/contract';
import { t } from '../i18n';
import type { SearchIndex } from '../search/searchIndex';
import type { SharedMarks } from '../share/shareFormat';
import type { Library } from '../store/library';
import type { AddResult } from '../store/monthShards';
import { DEFAULT_SETTINGS } from '../store/schema';
import type { FeedContext } from './feeds/readFeed';
import type { ListedFeed } from '../sync/opml';
import { stageInArchive } from '../archive/archive';
import { DIGEST_EXTENSIONS, FEED_EXTENSIONS, type ParsedFile } from './parseFile';
import { ParseRanOutOfMemory, ParseTookTooLong, parseHere, type ParseFile } from './parseInWorker';
import { validateImport, type ValidatedItems } from './validateImport';

/** A file refused as a whole, with the sentence the user reads. */
class RefusedFile extends Error {}

/** The file is a subscription list (OPML), not bulletins. */
class SubscriptionList extends Error {
  constructor(readonly feeds: ListedFeed[] | undefined) {
    super('opml');
  }
}

/** A file to import: on disk (menu, command line, the OS) or received as bytes (drag and drop). */
export interface ImportSource {
  /** The file's name, without folders: what the report shows. */
  name: string;
  size(): Promise<number>;
  bytes(): Promise<Uint8Array>;
  /** Set for a feed fetched by a subscription: it is read as a feed, with its HTTP facts. */
  feed?: FeedContext;
  /** Told once the file's bulletins are on disk, which of them are new (a subscription keeps those offline). */
  onWritten?: (added: readonly Bulletin[]) => void;
}

export const fileSource = (path: string): ImportSource => ({
  name: basename(path),
  size: async () => (await stat(path)).size,
  bytes: () => readFile(path),
});

/** `declaredSize`: a dropped file's size on disk, sent without its bytes when over the limit. */
export const bytesSource = (name: string, bytes: Uint8Array, declaredSize = 0): ImportSource => ({
  name: basename(name),
  size: () => Promise.resolve(Math.max(bytes.byteLength, declaredSize)),
  bytes: () => Promise.resolve(bytes),
});

export interface ImportOptions {
  /** Told before each file and once at the end. */
  onProgress?: (progress: ImportProgress) => void;
  /** Checked between files: the files already imported stay, the rest are not started. */
  cancelled?: () => boolean;
  /** Larger files are refused unread (the user's setting; 50 MB by default). */
  maxMegabytes?: number;
  /** When a batch is written before the next file: COMMIT_AFTER unless a test needs it sooner. */
  commitAfter?: CommitAfter;
  /**
   * Reads a file's bytes: the app passes parseInWorker's (a worker thread with a time budget:
   * no file may hold main's thread); on this thread by default, for tests and tools.
   */
  parse?: ParseFile;
  /**
   * Asked when a share file offers the sender's bookmarks: resolves to true when the user takes
   * them. Without it they are never taken (bookmarks come only if the receiver asks).
   */
  askBookmarks?: (sender: string, count: number) => Promise<boolean>;
}

export interface CommitAfter {
  /** Bulletins added or updated since the last write. */
  items: number;
  /** Milliseconds since the batch's first file began to be read. */
  ms: number;
}

/**
 * Files are written to disk together, each month once per batch (an RSS file of 10k items spans
 * a hundred months; written per file, an import of ten such files rewrote each month ten times,
 * most of its time; at 100k bulletins one write of the touched months is seconds). A batch ends
 * with the import, or after a minute: a crash costs at most that much work, on files never
 * reported imported (importing them again finishes it, and the files that did land go quickly,
 * unchanged). The item count is a backstop for machines fast enough to take more in a minute.
 */
export const COMMIT_AFTER: CommitAfter = { items: 200_000, ms: 60_000 };

/**
 * Imports files into the library and the search index. Each file is read,
 * parsed and taken in on its own: one bad file never stops the others, one bad
 * item never stops its file, and a file's bulletins land together or not at all.
 * A file counts as imported once its batch is written (see COMMIT_AFTER).
 */
export async function importFiles(
  paths: readonly string[],
  library: Library,
  index: SearchIndex,
  options: ImportOptions = {},
): Promise<ImportReport> {
  return importSources(paths.map(fileSource), library, index, options);
}

/** A file taken into memory, waiting for its batch to be written. */
interface Staged {
  position: number;
  name: string;
  result: AddResult;
  read: ValidatedItems;
  /** A share file's marks, merged once its bulletins are written. */
  share?: { marks: SharedMarks; takeBookmarks: boolean };
  onWritten?: ImportSource['onWritten'];
}

export async function importSources(
  sources: readonly ImportSource[],
  library: Library,
  index: SearchIndex,
  {
    onProgress,
    cancelled,
    maxMegabytes = DEFAULT_SETTINGS.importCapMegabytes,
    commitAfter = COMMIT_AFTER,
    parse = parseHere,
    askBookmarks,
  }: ImportOptions = {},
): Promise<ImportReport> {
  /** By position in `sources`: a batch's files are reported once written, in the order given. */
  const files: ImportedFile[] = [];
  const nothingFrom = (name: string): ImportedFile => ({
    name,
    added: 0,
    updated: 0,
    unchanged: 0,
    rejected: [],
  });
  const refused = (name: string, error: string): ImportedFile => ({ ...nothingFrom(name), error });
  let batch: Staged[] = [];
  let batchItems = 0;
  let batchStarted = 0;

  async function commit() {
    const written = batch;
    batch = [];
    batchItems = 0;
    if (written.length === 0) return;
    try {
      await library.commit();
    } catch (error) {
      const reason = t('errors.fileUnsaved', { reason: describe(error) });
      for (const { position, name } of written) files[position] = refused(name, reason);
      return;
    }
    for (const { position, name, result, read, share, onWritten } of written) {
      onWritten?.(result.added);
      files[position] = {
        name,
        added: result.added.length,
        updated: result.updated.length,
        unchanged: result.unchanged,
        ...listedRejected(read.rejected),
        ...(read.merged > 0 ? { merged: read.merged, duplicates: read.duplicates } : {}),
      };
      if (!share) continue;
      // After the bulletins are on disk: marks never point at bulletins a crash could lose.
      try {
        const counts = await library.mergeShare(
          share.marks,
          read.bulletins.map((bulletin) => bulletin.id),
          { takeBookmarks: share.takeBookmarks, noteHeader },
        );
        files[position] = {
          ...(files[position] as ImportedFile),
          share: { sender: share.marks.sender, sentAt: share.marks.sentAt, ...counts },
        };
      } catch (error) {
        files[position] = {
          ...(files[position] as ImportedFile),
          error: t('errors.shareUnsaved', { reason: describe(error) }),
        };
      }
    }
  }

  let started = 0;
  for (const [position, source] of sources.entries()) {
    if (cancelled?.()) break;
    started = position + 1;
    onProgress?.({ done: position, total: sources.length, file: source.name });
    const { name } = source;
    if (batch.length === 0) batchStarted = performance.now();
    try {
      const importedAt = new Date().toISOString();
      const { bulletins, bodyTexts, rejected, share } = await readBulletins(
        source,
        maxMegabytes,
        importedAt,
        parse,
      );
      const read = validateImport(bulletins, importedAt, bodyTexts);
      read.rejected.unshift(...rejected);
      const takeBookmarks =
        share !== undefined && share.bookmarks.length > 0 && askBookmarks
          ? await askBookmarks(share.sender, share.bookmarks.length)
          : false;
      // Into the store and the index together, now, not at the commit: the progress bar moves with the work.
      const result = await stageInArchive(library, index, read.bulletins, read.bodyTexts);
      batch.push({
        position,
        name,
        result,
        read,
        ...(share ? { share: { marks: share, takeBookmarks } } : {}),
        ...(source.onWritten ? { onWritten: source.onWritten } : {}),
      });
      batchItems += result.added.length + result.updated.length;
    } catch (error) {
      if (error instanceof SubscriptionList) {
        files[position] = { ...nothingFrom(name), ...listedFeeds(error.feeds) };
      } else {
        files[position] = refused(
          name,
          error instanceof RefusedFile
            ? error.message
            : t('errors.fileUnreadable', { reason: describe(error) }),
        );
      }
    }
    if (batchItems >= commitAfter.items || performance.now() - batchStarted >= commitAfter.ms) await commit();
  }
  // Cancelled or done: what was taken in is written and reported; the files not started are not.
  await commit();
  onProgress?.({ done: started, total: sources.length });
  const total = (key: 'added' | 'updated' | 'unchanged') => files.reduce((sum, file) => sum + file[key], 0);
  const report = { files, added: total('added'), updated: total('updated'), unchanged: total('unchanged') };
  return started < sources.length ? { ...report, cancelled: true } : report;
}

async function readBulletins(
  source: ImportSource,
  maxMegabytes: number,
  importedAt: string,
  parse: ParseFile,
): Promise<{
  bulletins: Bulletin[];
  bodyTexts: (string | null)[];
  rejected: RejectedItem[];
  share?: SharedMarks;
}> {
  if ((await source.size()) > maxMegabytes * 1024 * 1024) {
    throw new RefusedFile(t('errors.fileTooLarge', { limit: maxMegabytes }));
  }
  const extension = extname(source.name).toLowerCase().slice(1);
  if (!source.feed && ![...DIGEST_EXTENSIONS, ...FEED_EXTENSIONS, ''].includes(extension)) {
    throw new RefusedFile(t('errors.unsupportedFormat'));
  }
  const request = {
    name: source.name,
    bytes: await source.bytes(),
    importedAt,
    ...(source.feed ? { feed: source.feed } : {}),
  };
  let parsed: ParsedFile;
  try {
    parsed = await parse(request);
  } catch (error) {
    if (error instanceof ParseTookTooLong)
      throw new RefusedFile(t('errors.tooSlowToRead', { seconds: Math.round(error.budgetMs / 1000) }));
    if (error instanceof ParseRanOutOfMemory) throw new RefusedFile(t('errors.tooLargeToRead'));
    throw error;
  }
  if (parsed.kind === 'subscriptions') throw new SubscriptionList(parsed.feeds);
  if (parsed.kind === 'refused')
    throw new RefusedFile(
      parsed.refusal === 'shareDamaged'
        ? t('errors.shareDamaged', { reason: parsed.reason ?? t('errors.shareNotJson') })
        : t(`errors.${parsed.refusal}`),
    );
  return {
    bulletins: parsed.bulletins,
    bodyTexts: parsed.bodyTexts,
    ...(parsed.share ? { share: parsed.share } : {}),
    rejected: parsed.rejected.map((left) => ({
      item: 'quoted' in left ? left.quoted : t('rejected.item', { position: left.position }),
      reason: t(`rejected.${left.problem}`),
    })),
  };
}

/**
 * Left-out items a file's report lists; the count covers the rest. The window shows 50 lines in
 * all, and a feed of 100,000 bad items would otherwise cross the bridge as 100,000 sentences.
 */
export const MAX_LISTED_REJECTED = 50;

function listedRejected(rejected: RejectedItem[]): Pick<ImportedFile, 'rejected' | 'rejectedCount'> {
  if (rejected.length <= MAX_LISTED_REJECTED) return { rejected };
  return { rejected: rejected.slice(0, MAX_LISTED_REJECTED), rejectedCount: rejected.length };
}

/** A subscription list names at most this many feeds to choose from; the rest are reported. */
export const MAX_LISTED_FEEDS = 500;

/** The line above a colleague's note merged beside the user's (main/share/mergeShare.ts). */
const noteHeader = (sender: string, date: string) => t('share.noteHeader', { sender, date });

/**
 * The feeds an OPML list names, for the user to choose from (never followed here: a list from a
 * USB stick or an e-mail must not make the app fetch anything until the user says which).
 */
function listedFeeds(
  feeds: ListedFeed[] | undefined,
): Pick<ImportedFile, 'feeds' | 'rejected'> | { error: string } {
  if (!feeds || feeds.length === 0) return { error: t('errors.emptyOpml') };
  const rejected =
    feeds.length > MAX_LISTED_FEEDS
      ? [
          {
            item: t('rejected.feedsBeyond', { from: MAX_LISTED_FEEDS + 1, to: feeds.length }),
            reason: t('rejected.tooManyFeeds', { max: MAX_LISTED_FEEDS }),
          },
        ]
      : [];
  return { feeds: feeds.slice(0, MAX_LISTED_FEEDS), rejected };
}

const PROBLEMS: Record<string, string> = {
  ENOENT: 'fileProblems.missing',
  EACCES: 'fileProblems.denied',
  EPERM: 'fileProblems.denied',
  EISDIR: 'fileProblems.folder',
  EBUSY: 'fileProblems.busy',
  READ_ONLY: 'fileProblems.newerLibrary',
  OUTSIDE_ARCHIVE: 'fileProblems.outsideArchive',
};

/** A reason a person understands, without paths: the renderer never sees the file system. */
function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'unknown';
  return t(PROBLEMS[code] ?? 'fileProblems.other', { code });
}
