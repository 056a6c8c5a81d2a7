import type { EarlyOpening } from '../store/earlyOpening';
import { bulletinRow, excerptOf } from './bulletinRow';
import type { EarlyHandlers } from './guardedIpc';

/**
 * While the older months are still being read, the first page of a view listed by date comes from
 * the newest months (which hold it whole: see openLibrary). Anything else (a later page, another
 * order, a view with fewer rows in those months than a page) waits for the whole archive. Either
 * way, the window's first request lets the opening go on with the older months.
 */
export function firstPageWhileOpening(
  opening: Pick<EarlyOpening, 'preview' | 'firstPageAsked'>,
): EarlyHandlers {
  return {
    async list(_caller, { view, sort = 'published', offset = 0, limit }) {
      try {
        const library = await opening.preview;
        if (!library || offset !== 0 || limit === undefined || sort !== 'published') return undefined;
        const newest = library.bulletins(view, sort);
        if (newest.length < limit) return undefined;
        const rows = newest
          .slice(0, limit)
          .map((bulletin) => bulletinRow(bulletin, library, excerptOf(bulletin.summary)));
        return { rows, terms: [], counting: true };
      } finally {
        opening.firstPageAsked();
      }
    },
  };
}
