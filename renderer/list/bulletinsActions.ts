import type { CollectionInfo } from '../../preload/contract';
import type { SelectionSend } from '../share/sendBulletins';

/**
 * What the list can do to the bulletins it names (a row's context menu, the selection bar): one
 * object the window makes from the features' hooks, instead of a prop per action on each.
 */
export interface BulletinsActions {
  collections: readonly CollectionInfo[];
  addToCollection: (collection: CollectionInfo, ids: string[]) => void;
  removeFromCollection: (collection: CollectionInfo, ids: string[]) => void;
  exportIds: (ids: string[], label: string) => void;
  /** Share…: the bulletins, with the user's notes, as one file for a colleague. */
  shareIds: (ids: string[]) => void;
  /** Copy links, Copy as text, E-mail draft. */
  send: SelectionSend;
  /** Queues them to be kept offline (full article and images). */
  keepOffline: (ids: string[]) => void;
  /** Asks first; `title` names a single bulletin in the question. */
  askDelete: (ids: string[], title?: string) => void;
}
