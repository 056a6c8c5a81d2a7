import type { Bulletin, SearchRequest, View } from '../../../preload/contract';
import { bulletinRow } from '../../../main/ipc/bulletinRow';
import { searchBulletins } from '../../../main/search/searchBulletins';
import type { SearchIndex } from '../../../main/search/searchIndex';

/** A library stand-in over a list of bulletins, with bookmarks and read marks. */
export function fakeLibrary(bulletins: readonly Bulletin[], bookmarked: string[] = [], read: string[] = []) {
  const byId = new Map(bulletins.map((bulletin) => [bulletin.id, bulletin]));
  const newestFirst = [...bulletins].sort((a, b) => b.published.localeCompare(a.published));
  return {
    bulletins: (view: View = 'all') =>
      newestFirst.filter((bulletin) =>
        view === 'bookmarks'
          ? bookmarked.includes(bulletin.id)
          : view === 'unread'
            ? !read.includes(bulletin.id)
            : true,
      ),
    get: (id: string) => byId.get(id),
    isBookmarked: (id: string) => bookmarked.includes(id),
    isRead: (id: string) => read.includes(id),
  };
}

export function searcher(index: SearchIndex, library: ReturnType<typeof fakeLibrary>) {
  const toRow = (bulletin: Bulletin, excerpt: string) => bulletinRow(bulletin, library, excerpt);
  return (text: string, extra: Partial<SearchRequest> = {}) =>
    searchBulletins({ view: 'all', text, ...extra }, library, index, toRow);
}

/** For a value a test needs: fails the test, with a reason, where it is missing. */
export function fail(): never {
  throw new Error('expected a value');
}
