import type { ReportStoreEvent, StoreEvent } from './events';
import { openLibrary, type Library, type LibraryPreview } from './library';
import type { TextReader } from './textReader';

export interface EarlyOpening {
  library: Promise<Library>;
  /** The newest months, once read (see openLibrary); `undefined` if the library fails to open. */
  preview: Promise<LibraryPreview | undefined>;
  /** The window has asked for its first page: the older months may be read now. */
  firstPageAsked(): void;
  /** From now on, tells `report` what the opening finds, starting with what it found so far. */
  reportTo(report: ReportStoreEvent): void;
}

/** How long the older months wait for the window's first request, if it never comes. */
const HOLD_MS = 3000;

/**
 * Opens the library before the app is ready, so that it is read while Electron and Chromium start.
 * Once the newest months are in, the rest waits until the window has asked for its first page (or
 * `holdMs` at most): the window loads on main's thread, and at 100,000 bulletins the older months
 * would keep that thread busy for seconds, so the page would wait for all of them anyway.
 * What the opening finds meanwhile (a recovered file) waits here: notices are worded in the user's
 * language, known only once the app is ready.
 */
export function openLibraryEarly(
  folder: string,
  { holdMs = HOLD_MS, reader }: { holdMs?: number; reader?: TextReader } = {},
): EarlyOpening {
  const found: StoreEvent[] = [];
  let report: ReportStoreEvent = (event) => found.push(event);
  let showPreview: (preview: LibraryPreview | undefined) => void = () => undefined;
  const preview = new Promise<LibraryPreview | undefined>((resolve) => (showPreview = resolve));
  let release: () => void = () => undefined;
  const asked = new Promise<void>((resolve) => (release = resolve));
  const library = openLibrary(folder, {
    reader,
    report: (event) => report(event),
    onPreview: (newest) => {
      showPreview(newest);
      const timer = setTimeout(release, holdMs);
      return asked.finally(() => clearTimeout(timer));
    },
  });
  // Awaited later, once the app is ready: a failure is handled there, not as an unhandled rejection.
  library.catch(() => showPreview(undefined));
  // Only the opening reads through the worker; later reads (a new month) are single files.
  void library.finally(() => reader?.close()).catch(() => undefined);
  return {
    library,
    preview,
    firstPageAsked: () => release(),
    reportTo(next) {
      report = next;
      for (const event of found.splice(0)) next(event);
    },
  };
}
