import type { LibraryPreview } from '../store/library';
import { bulletinRow, excerptOf } from './bulletinRow';
import type { EarlyHandlers } from './guardedIpc';

/**
 * While the older months are still being read, the first page of a view listed by date comes from
 * the newest months (which hold it whole: see openLibrary). Anything else (a later page, another
 * order, a view with fewer rows in those months than a page) waits for the whole archive.
 */
export function firstPageWhileOpening(preview: Promise<LibraryPreview | undefined>): EarlyHandlers {
  return {
    async list(_caller, { view, sort = 'published', offset = 0, limit }) {
      const library = await preview;
      if (!library || offset !== 0 || limit === undefined || sort !== 'published') return undefined;
      const newest = library.bulletins(view, sort);
      if (newest.length < limit) return undefined;
      const rows = newest
        .slice(0, limit)
        .map((bulletin) => bulletinRow(bulletin, library, excerptOf(bulletin.summary)));
      return { rows, terms: [], counting: true };
    },
  };
}
