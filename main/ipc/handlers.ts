import { BrowserWindow } from 'electron';
import type { Bulletin, BulletinRow } from '../../preload/contract';
import { chooseAndImport } from '../importers/chooseAndImport';
import type { RecentSearches } from '../search/recentSearches';
import { searchBulletins } from '../search/searchBulletins';
import type { SearchIndex } from '../search/searchIndex';
import type { Library } from '../store/library';
import { openExternalLink } from '../windows/externalLinks';
import { broadcast } from '../windows/mainWindow';
import type { Handlers } from './guardedIpc';

const EXCERPT_LENGTH = 220;

/** What each channel does. Arguments arrive already validated by guardedIpc. */
export function createHandlers(library: Library, index: SearchIndex, recent: RecentSearches): Handlers {
  const toRow = (bulletin: Bulletin, excerpt = truncate(bulletin.summary)): BulletinRow => ({
    id: bulletin.id,
    title: bulletin.title,
    published: bulletin.published,
    source: bulletin.source,
    language: bulletin.language,
    excerpt,
    bookmarked: library.isBookmarked(bulletin.id),
    read: library.isRead(bulletin.id),
  });
  const changed = () => broadcast('library:changed', library.counts());

  return {
    list: (_caller, { view }) => ({
      rows: library.bulletins(view).map((bulletin) => toRow(bulletin)),
      terms: [],
    }),
    search: (_caller, request) => searchBulletins(request, library, index, toRow),
    suggest: (_caller, text) => index.suggest(text),
    recentSearches: () => recent.list(),
    rememberSearch: (_caller, text) => recent.remember(text),
    searchStatus: () => index.status(),
    get(_caller, id) {
      const bulletin = library.get(id);
      if (!bulletin) return null;
      return { bulletin, bookmarked: library.isBookmarked(id), read: library.isRead(id) };
    },
    counts: () => library.counts(),
    async toggleBookmark(_caller, id) {
      const bookmarked = await library.toggleBookmark(id);
      changed();
      return bookmarked;
    },
    async markRead(_caller, id, read) {
      const before = library.isRead(id);
      await library.setRead(id, read);
      if (before !== read) changed();
    },
    async importFiles({ sender }) {
      const report = await chooseAndImport(BrowserWindow.fromWebContents(sender), library, index);
      if (report && report.added > 0) changed();
      return report;
    },
    openExternal: ({ sender }, url) => openExternalLink(url, BrowserWindow.fromWebContents(sender)),
  };
}

// Rows show one line; the rest of a long summary would only cost IPC bytes.
function truncate(text: string): string {
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…` : text;
}
