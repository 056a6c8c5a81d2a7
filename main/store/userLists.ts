import type { CollectionInfo, SavedSearchQuery } from '../../preload/contract';
import { findCollection, newCollection, renamed, sameName, UnknownCollectionError } from './collections';
import type { MarkTally } from './markTally';
import { newSavedSearch, queryOf, renamedSavedSearch, UnknownSavedSearchError } from './savedSearches';
import type { Collection, SavedSearch, State } from './schema';
import type { StatePatch } from './stateJournal';

/**
 * The user's collections and saved searches, kept in state.json (part of userState.ts). Names are
 * unique across both (a query's in:"name" needs it). Making, renaming, deleting or putting one back
 * rewrites state.json whole; adding to or taking from a collection, and opening a saved search,
 * are lines of the journal, one write however many bulletins.
 */
export interface UserLists {
  collections(): CollectionInfo[];
  /** The collections with their members, as stored (read only): what a merge plans against. */
  collectionMembers(): ReadonlyArray<Readonly<Collection>>;
  /** Ids of the collections a bulletin is in. */
  collectionsOf(id: string): string[];
  /** Throws CollectionNameError for an empty or taken name. */
  createCollection(name: string): Promise<CollectionInfo>;
  renameCollection(id: string, name: string): Promise<void>;
  /** Resolves to the collection removed, whole, so that undo can put it back. */
  deleteCollection(id: string): Promise<Collection>;
  /** Puts back a collection `deleteCollection` removed, at its old place in the list. */
  restoreCollection(collection: Collection, position: number): Promise<void>;
  /** Adds bulletins (one write, whatever their number); resolves to how many were not in it yet. */
  addToCollection(collectionId: string, ids: string[]): Promise<number>;
  removeFromCollection(collectionId: string, ids: string[]): Promise<number>;
  /** The saved searches, in the order made. */
  savedSearches(): readonly SavedSearch[];
  /** Throws SavedSearchNameError for an empty name, or one a saved search or collection has. */
  saveSearch(name: string, query: SavedSearchQuery): Promise<SavedSearch>;
  renameSavedSearch(id: string, name: string): Promise<void>;
  /** Resolves to the saved search removed and its place, so that undo can put it back. */
  deleteSavedSearch(id: string): Promise<{ saved: SavedSearch; position: number }>;
  restoreSavedSearch(saved: SavedSearch, position: number): Promise<void>;
  /** Notes it opened now (a line of the journal): its new matches count from here. */
  openSavedSearch(id: string): Promise<SavedSearchQuery>;
}

export interface UserListsDeps {
  marks: () => State;
  tally: Pick<MarkTally, 'collection' | 'membersChanged'>;
  isVisible: (id: string) => boolean;
  /** Patches go to the journal; without any, state.json is written whole. */
  saveState: (patches?: readonly StatePatch[]) => Promise<void>;
}

export function createUserLists({ marks, tally, isVisible, saveState }: UserListsDeps): UserLists {
  const infoOf = tally.collection;
  const collectionById = (id: string) => {
    const collection = findCollection(marks(), id);
    if (!collection) throw new UnknownCollectionError(id);
    return collection;
  };
  const savedById = (id: string) => {
    const saved = marks().savedSearches.find((candidate) => candidate.id === id);
    if (!saved) throw new UnknownSavedSearchError(id);
    return saved;
  };
  /** A collection's or saved search's old name may have been taken meanwhile: names stay unique (in:"name" needs it). */
  const freeName = (name: string, taken: (candidate: string) => boolean) => {
    let free = name;
    for (let n = 2; taken(free); n++) free = `${name} ${n}`;
    return free;
  };

  return {
    collections: () => marks().collections.map(infoOf),
    collectionMembers: () => marks().collections,
    collectionsOf: (id) =>
      marks()
        .collections.filter((collection) => id in collection.items)
        .map((collection) => collection.id),
    async createCollection(name) {
      const collection = newCollection(marks(), name, new Date().toISOString());
      marks().collections.push(collection);
      await saveState();
      return infoOf(collection);
    },
    async renameCollection(id, name) {
      const collection = collectionById(id);
      collection.name = renamed(marks(), collection, name);
      await saveState();
    },
    async deleteCollection(id) {
      const collection = collectionById(id);
      marks().collections = marks().collections.filter((other) => other !== collection);
      tally.membersChanged(id);
      await saveState();
      return collection;
    },
    async restoreCollection(collection, position) {
      if (findCollection(marks(), collection.id)) return;
      const name = freeName(collection.name, (name) =>
        marks().collections.some((other) => sameName(other.name, name)),
      );
      marks().collections.splice(position, 0, { ...collection, name });
      tally.membersChanged(collection.id);
      await saveState();
    },
    async addToCollection(collectionId, ids) {
      const items = collectionById(collectionId).items;
      const now = new Date().toISOString();
      const added: StatePatch[] = [];
      // One pass and one write however many ids (the selection bar sends up to tens of thousands).
      for (const id of ids) {
        if (id in items || !isVisible(id)) continue;
        items[id] = now;
        added.push({ map: 'items', collection: collectionId, id, value: now });
      }
      if (added.length > 0) tally.membersChanged(collectionId);
      if (added.length > 0) await saveState(added);
      return added.length;
    },
    async removeFromCollection(collectionId, ids) {
      const items = collectionById(collectionId).items;
      const removed: StatePatch[] = [];
      for (const id of ids) {
        if (!(id in items)) continue;
        delete items[id];
        removed.push({ map: 'items', collection: collectionId, id, value: null });
      }
      if (removed.length > 0) tally.membersChanged(collectionId);
      if (removed.length > 0) await saveState(removed);
      return removed.length;
    },
    savedSearches: () => marks().savedSearches,
    async saveSearch(name, query) {
      const saved = newSavedSearch(marks(), name, query, new Date().toISOString());
      marks().savedSearches.push(saved);
      await saveState();
      return structuredClone(saved);
    },
    async renameSavedSearch(id, name) {
      const saved = savedById(id);
      saved.name = renamedSavedSearch(marks(), saved, name);
      await saveState();
    },
    async deleteSavedSearch(id) {
      const saved = savedById(id);
      const position = marks().savedSearches.indexOf(saved);
      marks().savedSearches = marks().savedSearches.filter((other) => other !== saved);
      await saveState();
      return { saved, position };
    },
    async restoreSavedSearch(saved, position) {
      if (marks().savedSearches.some((other) => other.id === saved.id)) return;
      const name = freeName(
        saved.name,
        (name) =>
          marks().savedSearches.some((other) => sameName(other.name, name)) ||
          marks().collections.some((other) => sameName(other.name, name)),
      );
      marks().savedSearches.splice(position, 0, { ...saved, name });
      await saveState();
    },
    async openSavedSearch(id) {
      const saved = savedById(id);
      const now = new Date().toISOString();
      saved.openedAt = now;
      // A line of the journal, not state.json whole: opening is frequent and state.json grows with the marks.
      await saveState([{ map: 'searchOpened', id, value: now }]);
      return queryOf(saved);
    },
  };
}
