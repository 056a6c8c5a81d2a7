import type { BulletinsApi } from '../../preload/api';
import type { ImportProgress, ImportReport } from '../../preload/contract';
import { readDropped } from './readDropped';

export interface DropImport {
  api: Pick<BulletinsApi, 'importDropped' | 'settings'>;
  /** How far it has got: file `done + 1` of `total` is being read. */
  onProgress: (progress: ImportProgress) => void;
  /** Checked before each file: the files already sent stay imported, the rest are not read. */
  cancelled: () => boolean;
}

/**
 * Files dropped on the window, imported one at a time: each is read into memory only when its
 * turn comes and sent alone, so a drop of many large files never holds them all at once (dropping
 * ten 50 MB files used to read and encode 670 MB of base64 before the first was queued). A file
 * over the user's import limit is not read at all: main is told its size and refuses it with
 * the sentence that names the limit. The reports of the files make one report.
 */
export async function importDroppedFiles(files: readonly File[], { api, onProgress, cancelled }: DropImport) {
  const limit = (await api.settings()).importCapMegabytes * 1024 * 1024;
  const report: ImportReport = { files: [], added: 0, updated: 0, unchanged: 0 };
  for (const [done, file] of files.entries()) {
    if (cancelled()) return { ...report, cancelled: true };
    onProgress({ done, total: files.length, file: file.name });
    const dropped =
      file.size > limit ? { name: file.name, size: file.size, base64: '' } : await readDropped(file);
    const one = await api.importDropped([dropped]);
    report.files.push(...one.files);
    report.added += one.added;
    report.updated += one.updated;
    report.unchanged += one.unchanged;
  }
  return report;
}
