import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge } from '../bridge/bridge';

interface DeleteOptions {
  /** Gone from main: let the list drop them. */
  onDeleted: (ids: string[]) => void;
  announce: (message: string) => void;
  offerUndo: (message: string, undo: () => Promise<void>) => void;
  onError: (error: unknown) => void;
}

/**
 * Deleting bulletins: asked first (`asking` drives the dialog), then undoable from a notice or
 * Ctrl/Cmd+Z. Main's change event then has the lists, counts and reading pane ask again.
 */
export function useDeleteBulletins(options: DeleteOptions) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<{ ids: string[]; title: string } | null>(null);

  const confirm = () => {
    if (!asking) return;
    const { ids } = asking;
    setAsking(null);
    bridge()
      .deleteBulletins(ids)
      .then((receipt) => {
        options.onDeleted(ids);
        options.offerUndo(t('delete.done', { count: receipt.count }), async () => {
          const restored = await bridge().undoDelete(receipt.undoToken);
          options.announce(t('delete.restored', { count: restored }));
        });
      }, options.onError);
  };

  return {
    asking,
    /** `title`: the bulletin's, when there is one, for the question. */
    ask: (ids: string[], title: string) => setAsking({ ids, title }),
    confirm,
    cancel: () => setAsking(null),
  };
}
