import type { ImportProgress, ImportReport } from '../../preload/contract';
import type { SearchIndex } from '../search/searchIndex';
import type { Library } from '../store/library';
import { importSources, type ImportSource } from './importFiles';
import type { ParseFile } from './parseInWorker';

export interface ImportEvents {
  progress(progress: ImportProgress): void;
  /** The archive changed: lists and counts must reload. */
  changed(report: ImportReport): void;
  /** How files are read: the app's worker with a time budget (parseInWorker); here by default. */
  parse?: ParseFile;
  /** Whether to take a share file's bookmarks (the user is asked); without it, never. */
  askBookmarks?(sender: string, count: number): Promise<boolean>;
}

export interface ImportRunner {
  /**
   * Imports one batch; a batch that arrives while another runs waits its turn. `parse` replaces
   * the runner's for this batch (the app's own sample is read in-thread: see main/index.ts).
   */
  run(sources: readonly ImportSource[], parse?: ParseFile): Promise<ImportReport>;
  /** Stops the running batch after the file in hand (files already imported stay). */
  cancel(): void;
}

/**
 * The one way imports run, whatever started them (menu, drop, command line, the OS):
 * batches one after another, so two never interleave in the store, with progress and
 * a cancel the window's Cancel button reaches.
 */
export function createImportRunner(library: Library, index: SearchIndex, events: ImportEvents): ImportRunner {
  let queue: Promise<unknown> = Promise.resolve();
  let cancelRequested = false;
  return {
    run(sources, parse = events.parse) {
      const batch = queue.then(async () => {
        cancelRequested = false;
        const report = await importSources(sources, library, index, {
          onProgress: events.progress,
          cancelled: () => cancelRequested,
          // Read per batch, so a changed setting applies to the next import.
          maxMegabytes: library.settings().importCapMegabytes,
          ...(parse ? { parse } : {}),
          ...(events.askBookmarks ? { askBookmarks: events.askBookmarks } : {}),
        });
        // A share file may change only marks (notes, a collection) on bulletins already there.
        if (report.added + report.updated > 0 || report.files.some((file) => file.share))
          events.changed(report);
        return report;
      });
      queue = batch.catch(() => undefined);
      return batch;
    },
    cancel() {
      cancelRequested = true;
    },
  };
}
