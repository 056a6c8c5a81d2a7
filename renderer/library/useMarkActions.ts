import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulletinDetail, CollectionInfo } from '../../preload/contract';
import { bridge } from '../bridge/bridge';
import { useLibraryStore } from '../store/useLibraryStore';
import { useReadMarks } from './useReadMarks';

interface MarkActionsOptions {
  /** The bulletin open in the reading pane, once its detail has arrived; its marks as fetched. */
  open: BulletinDetail | null;
  openId: string | null;
  /** A row the user acted on stays listed until the view changes (see keepRows). */
  keep: (id: string) => void;
  announce: (message: string) => void;
  onError: (error: unknown) => void;
}

/**
 * What the user does to one bulletin: bookmark, read mark, note, collections. Each is one call to
 * main, then one patch of the store, which every view that shows the bulletin reads.
 */
export function useMarkActions({ open, openId, keep, announce, onError }: MarkActionsOptions) {
  const { t } = useTranslation();
  const store = useLibraryStore();

  const { toggleRead } = useReadMarks(open, {
    onMarked: (id, read) => {
      keep(id);
      store.patch([id], { read });
    },
    announce,
    onError,
  });

  /** `announceResult`: say the new state aloud, when the toggle came from a key rather than the button. */
  const toggleBookmark = (announceResult: boolean, id = openId) => {
    if (id === null) return;
    keep(id);
    // Shown at once: the row and the pane follow the key in the next frame, not after main's
    // answer (a round trip of 50–100 ms on a busy laptop). Main's answer then settles it (it
    // toggles, so a stale guess is corrected), and a refusal puts the mark back.
    const before = store.bulletin(id)?.bookmarked;
    if (before !== undefined) store.patch([id], { bookmarked: !before });
    bridge()
      .toggleBookmark(id)
      .then(
        (bookmarked) => {
          store.patch([id], { bookmarked });
          if (announceResult) announce(t(bookmarked ? 'reader.bookmarkAdded' : 'reader.bookmarkRemoved'));
        },
        (error: unknown) => {
          if (before !== undefined) store.patch([id], { bookmarked: before });
          onError(error);
        },
      );
  };

  const saveNote = useCallback(
    (id: string, text: string) =>
      bridge()
        .setNote(id, text)
        .then(
          () => store.patch([id], { noted: text.trim() !== '' }),
          (error: unknown) => {
            onError(error);
            throw error;
          },
        ),
    [store, onError],
  );

  const changeCollection = (collection: CollectionInfo, member: boolean) => {
    if (!open) return;
    const { id } = open.bulletin;
    keep(id);
    const before = store.bulletin(id)?.collections ?? open.collections;
    // The checkbox follows the click at once; a refusal puts it back.
    store.setCollections(
      id,
      member ? [...before, collection.id] : before.filter((other) => other !== collection.id),
    );
    const call = member
      ? bridge().addToCollection(collection.id, [id])
      : bridge().removeFromCollection(collection.id, [id]);
    call.then(
      () =>
        announce(t(member ? 'collections.addedOne' : 'collections.removedOne', { name: collection.name })),
      (error: unknown) => {
        store.setCollections(id, before);
        onError(error);
      },
    );
  };

  return { toggleBookmark, toggleRead, saveNote, changeCollection };
}
