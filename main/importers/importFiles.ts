import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Bulletin, ImportReport, ImportedFile } from '../../preload/contract';
import { t } from '../i18n';
import type { SearchIndex } from '../search/searchIndex';
import type { Library } from '../store/library';
import { bulletinFromDigest } from './bulletinFromDigest';
import { parseDigest } from './digest';

const MAX_FILE_MEGABYTES = 50;

/** A file refused as a whole, with the sentence the user reads. */
class RefusedFile extends Error {}

/**
 * Imports files into the library and the search index. Each file is read,
 * parsed and added on its own: one bad file never stops the others, and a
 * file's bulletins land together or not at all.
 */
export async function importFiles(
  paths: readonly string[],
  library: Library,
  index: SearchIndex,
): Promise<ImportReport> {
  const files: ImportedFile[] = [];
  for (const path of paths) {
    const name = basename(path);
    try {
      const result = await library.add(await readBulletins(path));
      index.add(result.added);
      files.push({ name, added: result.added.length, unchanged: result.unchanged });
    } catch (error) {
      const message =
        error instanceof RefusedFile
          ? error.message
          : t('errors.fileUnreadable', { reason: describe(error) });
      files.push({ name, added: 0, unchanged: 0, error: message });
    }
  }
  return {
    files,
    added: files.reduce((sum, file) => sum + file.added, 0),
    unchanged: files.reduce((sum, file) => sum + file.unchanged, 0),
  };
}

async function readBulletins(path: string): Promise<Bulletin[]> {
  const { size } = await stat(path);
  if (size > MAX_FILE_MEGABYTES * 1024 * 1024) {
    throw new RefusedFile(t('errors.fileTooLarge', { limit: MAX_FILE_MEGABYTES }));
  }
  if (!['.txt', ''].includes(extname(path).toLowerCase())) {
    throw new RefusedFile(t('errors.unsupportedFormat'));
  }
  const text = new TextDecoder('utf-8').decode(await readFile(path));
  const importedAt = new Date().toISOString();
  const bulletins = parseDigest(text).map((entry) => bulletinFromDigest(entry, importedAt));
  if (bulletins.length === 0) throw new RefusedFile(t('errors.noBulletins'));
  return bulletins;
}

const PROBLEMS: Record<string, string> = {
  ENOENT: 'fileProblems.missing',
  EACCES: 'fileProblems.denied',
  EPERM: 'fileProblems.denied',
  EISDIR: 'fileProblems.folder',
  EBUSY: 'fileProblems.busy',
  READ_ONLY: 'fileProblems.newerLibrary',
};

/** A reason a person understands, without paths: the renderer never sees the file system. */
function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'unknown';
  return t(PROBLEMS[code] ?? 'fileProblems.other', { code });
}
