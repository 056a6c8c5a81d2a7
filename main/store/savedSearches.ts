import { randomUUID } from 'node:crypto';
import type { SavedSearchQuery } from '../../preload/contract';
import { cleanName, sameName } from './collections';
import type { SavedSearch, State } from './schema';

/**
 * A saved search's name must be free among saved searches and collections alike: `in:"name"`
 * finds either, and one name must not mean two things.
 */
function checkedName(state: State, name: string, self?: SavedSearch): string {
  const clean = cleanName(name);
  if (clean === '') throw new SavedSearchNameError('empty', name);
  const taken =
    state.savedSearches.some((other) => other !== self && sameName(other.name, clean)) ||
    state.collections.some((collection) => sameName(collection.name, clean));
  if (taken) throw new SavedSearchNameError('taken', clean);
  return clean;
}

/** A new saved search, opened as of now (it has no new matches yet). */
export function newSavedSearch(
  state: State,
  name: string,
  query: SavedSearchQuery,
  now: string,
): SavedSearch {
  return {
    id: randomUUID(),
    name: checkedName(state, name),
    ...structuredClone(query),
    createdAt: now,
    openedAt: now,
  };
}

export const renamedSavedSearch = (state: State, saved: SavedSearch, name: string): string =>
  checkedName(state, name, saved);

export const queryOf = (saved: SavedSearch): SavedSearchQuery => ({
  view: saved.view,
  text: saved.text,
  sort: saved.sort,
  facets: structuredClone(saved.facets),
});

/** A name the store refused; main words it for the user. */
export class SavedSearchNameError extends Error {
  constructor(
    readonly reason: 'empty' | 'taken',
    readonly savedName: string,
  ) {
    super(`saved search name ${reason}: ${savedName}`);
  }
}

/** The store was asked about a saved search that does not exist (deleted in another window). */
export class UnknownSavedSearchError extends Error {
  constructor(readonly savedSearchId: string) {
    super(`no saved search ${savedSearchId}`);
  }
}
