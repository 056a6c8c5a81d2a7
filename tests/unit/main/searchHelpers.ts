import type { Bulletin, SearchRequest, View } from '../../../preload/contract';
import { bulletinRow } from '../../../main/ipc/bulletinRow';
import { parseQuery } from '../../../main/search/queryParser';
import { searchBulletins } from '../../../main/search/searchBulletins';
import type { SearchIndex } from '../../../main/search/searchIndex';
import { whole } from '../../../main/mainThread/slices';
import type { Bodies } from '../../../main/store/bodies';

/** A library stand-in over a list of bulletins, with bookmarks, read marks, notes and collections (name → ids). */
export function fakeLibrary(
  bulletins: readonly Bulletin[],
  bookmarked: string[] = [],
  read: string[] = [],
  mine: { notes?: Record<string, string>; collections?: Record<string, string[]> } = {},
) {
  const byId = new Map(bulletins.map((bulletin) => [bulletin.id, bulletin]));
  const newestFirst = [...bulletins].sort((a, b) => b.published.localeCompare(a.published));
  const notes = mine.notes ?? {};
  const collections = Object.entries(mine.collections ?? {}).map(([name, ids], index) => ({
    id: `c${index}`,
    name,
    ids,
  }));
  return {
    bulletins: (view: View = 'all'): readonly Bulletin[] =>
      newestFirst.filter((bulletin) =>
        view === 'bookmarks'
          ? bookmarked.includes(bulletin.id)
          : view === 'unread'
            ? !read.includes(bulletin.id)
            : view.startsWith('collection:')
              ? (collections.find((c) => `collection:${c.id}` === view)?.ids.includes(bulletin.id) ?? false)
              : true,
      ),
    note: (id: string): string | undefined => notes[id],
    notes: (): Array<[string, string]> => Object.entries(notes),
    collections: () =>
      collections.map(({ id, name, ids }) => ({ id, name, count: ids.length, unread: 0, createdAt: '' })),
    get: (id: string) => byId.get(id),
    isBookmarked: (id: string) => bookmarked.includes(id),
    isRead: (id: string) => read.includes(id),
  };
}

/** The bodies of a list of bulletins, as the store reads them (main/store/bodies.ts). */
export function bodiesIn(bulletins: readonly Bulletin[]): Bodies {
  const bodies = new Map(
    bulletins.flatMap((bulletin) => (bulletin.bodyHtml ? [[bulletin.id, bulletin.bodyHtml]] : [])),
  );
  return {
    read: async (ids) =>
      new Map(ids.flatMap((id) => (bodies.has(id) ? [[id, bodies.get(id) as string]] : []))),
  };
}

export function searcher(index: SearchIndex, library: ReturnType<typeof fakeLibrary>) {
  const toRow = (bulletin: Bulletin, excerpt: string) => bulletinRow(bulletin, library, excerpt);
  return (text: string, extra: Partial<SearchRequest> = {}) =>
    searchBulletins({ view: 'all', text, ...extra }, library, index, toRow);
}

/** The ids a search of the words as typed (no spelling correction) finds, through the app's pipeline. */
export async function foundIds(
  index: SearchIndex,
  library: Parameters<typeof searchBulletins>[1] & Parameters<typeof bulletinRow>[1],
  text: string,
): Promise<string[]> {
  const toRow = (bulletin: Bulletin, excerpt: string) => bulletinRow(bulletin, library, excerpt);
  return (await searchBulletins({ view: 'all', text, literal: true }, library, index, toRow)).rows.map(
    (row) => row.id,
  );
}

/** The ids the index's matcher finds for a word (exactly, no typo retry), in no particular order. */
export function matchedIds(index: SearchIndex, word: string): string[] {
  const matcher = index.matcher();
  return [...whole(matcher.match(parseQuery(word), false)).docs].flatMap((doc) => matcher.idOf(doc) ?? []);
}

/** For a value a test needs: fails the test, with a reason, where it is missing. */
export function fail(): never {
  throw new Error('expected a value');
}
