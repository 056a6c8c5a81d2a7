import type { ReportStoreEvent, StoreEvent } from './events';
import { openLibrary, type Library, type LibraryPreview } from './library';

export interface EarlyOpening {
  library: Promise<Library>;
  /** The newest months, once read (see openLibrary); `undefined` if the library fails to open. */
  preview: Promise<LibraryPreview | undefined>;
  /** From now on, tells `report` what the opening finds, starting with what it found so far. */
  reportTo(report: ReportStoreEvent): void;
}

/**
 * Opens the library before the app is ready, so that it is read while Electron and Chromium start
 * (at 100,000 bulletins both take about a second). What it finds meanwhile (a recovered file)
 * waits here: notices are worded in the user's language, known only once the app is ready.
 */
export function openLibraryEarly(folder: string): EarlyOpening {
  const found: StoreEvent[] = [];
  let report: ReportStoreEvent = (event) => found.push(event);
  let showPreview: (preview: LibraryPreview | undefined) => void = () => undefined;
  const preview = new Promise<LibraryPreview | undefined>((resolve) => (showPreview = resolve));
  const library = openLibrary(folder, { report: (event) => report(event), onPreview: showPreview });
  // Awaited later, once the app is ready: a failure is handled there, not as an unhandled rejection.
  library.catch(() => showPreview(undefined));
  return {
    library,
    preview,
    reportTo(next) {
      report = next;
      for (const event of found.splice(0)) next(event);
    },
  };
}
