import { randomUUID } from 'node:crypto';
import type { CollectionView, View } from '../../preload/contract';
import type { Collection, State } from './schema';

/** A name as stored: trimmed, inner runs of space made one, at most 200 characters. */
export function cleanName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').slice(0, 200);
}

/**
 * One collator for every comparison: `localeCompare` with options builds one per call, ~10 times
 * the cost (a merge compares a colleague's names with every other: thousands of calls).
 */
const baseLetters = new Intl.Collator(undefined, { sensitivity: 'base' });

/** Names are unique regardless of case and accents ("Bogotá" and "bogota" are one collection). */
export function sameName(a: string, b: string): boolean {
  return baseLetters.compare(a, b) === 0;
}

export const collectionView = (id: string): CollectionView => `collection:${id}`;

/** The collection id a view names, or null for the fixed views. */
export function collectionIdOf(view: View): string | null {
  return view.startsWith('collection:') ? view.slice('collection:'.length) : null;
}

export function findCollection(state: State, id: string): Collection | undefined {
  return state.collections.find((collection) => collection.id === id);
}

/** A new, empty collection; refuses a name that is empty or already taken. */
export function newCollection(state: State, name: string, now: string): Collection {
  const clean = cleanName(name);
  if (clean === '') throw new CollectionNameError('empty', name);
  if (state.collections.some((other) => sameName(other.name, clean)))
    throw new CollectionNameError('taken', clean);
  return { id: randomUUID(), name: clean, createdAt: now, items: {} };
}

export function renamed(state: State, collection: Collection, name: string): string {
  const clean = cleanName(name);
  if (clean === '') throw new CollectionNameError('empty', name);
  if (state.collections.some((other) => other !== collection && sameName(other.name, clean)))
    throw new CollectionNameError('taken', clean);
  return clean;
}

/** A collection name the store refused; main words it for the user. */
export class CollectionNameError extends Error {
  constructor(
    readonly reason: 'empty' | 'taken',
    readonly collectionName: string,
  ) {
    super(`collection name ${reason}: ${collectionName}`);
  }
}

/** The store was asked about a collection that does not exist (deleted in another window). */
export class UnknownCollectionError extends Error {
  constructor(readonly collectionId: string) {
    super(`no collection ${collectionId}`);
  }
}
