import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulletinDetail, BulletinRow } from '../../preload/contract';
import { bridge } from '../bridge/bridge';

interface DeleteOptions {
  /** The rows listed (the question names a bulletin by its title), and dropping them once gone. */
  list: { rows: readonly BulletinRow[]; forget: (id: string) => void };
  /** The bulletin open in the reading pane: Delete… and the Delete key act on it. */
  reader: { openId: string | null; openDetail: BulletinDetail | null };
  /** After a delete: the selection is cleared and the focus goes back to the list. */
  afterDelete: () => void;
  announce: (message: string) => void;
  offerUndo: (message: string, undo: () => Promise<void>) => void;
  onError: (error: unknown) => void;
}

/**
 * Deleting bulletins: asked first (`asking` drives the dialog), then undoable from a notice or
 * Ctrl/Cmd+Z. Main's change event then has the lists, counts and reading pane ask again.
 */
export function useDeleteBulletins({ list, reader, afterDelete, ...options }: DeleteOptions) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<{ ids: string[]; title: string } | null>(null);
  const titleOf = (id: string | undefined) => list.rows.find((row) => row.id === id)?.title ?? '';

  const confirm = () => {
    if (!asking) return;
    const { ids } = asking;
    setAsking(null);
    bridge()
      .deleteBulletins(ids)
      .then((receipt) => {
        for (const id of ids) list.forget(id);
        afterDelete();
        options.offerUndo(t('delete.done', { count: receipt.count }), async () => {
          const restored = await bridge().undoDelete(receipt.undoToken);
          options.announce(t('delete.restored', { count: restored }));
        });
      }, options.onError);
  };

  /** `title`: the bulletin's, for the question; by default the first one's as listed. */
  const ask = (ids: string[], title = titleOf(ids[0])) => setAsking({ ids, title });
  return {
    asking,
    ask,
    /** The open bulletin, even while its text is still loading (a quick Delete after a click counts). */
    askOpen: () => {
      const { openId, openDetail } = reader;
      if (openId !== null) ask([openId], titleOf(openId) || (openDetail?.bulletin.title ?? ''));
    },
    confirm,
    cancel: () => setAsking(null),
  };
}
