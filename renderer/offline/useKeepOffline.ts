import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge } from '../bridge/bridge';
import type { ReaderContentSource } from '../reader/useKeptContent';
import type { NoticeInput } from '../notices/useNotices';
import { useKeepQueue } from './useKeepQueue';

interface KeepOfflineEvents {
  notify: (notice: NoticeInput) => void;
  onError: (error: unknown) => void;
}

/** Keeping bulletins offline: main's queue as it moves, its panel, and the actions on it. */
export function useKeepOffline({ notify, onError }: KeepOfflineEvents) {
  const { t } = useTranslation();
  const queue = useKeepQueue();
  const [panelShown, setPanelShown] = useState(false);
  const keep = useCallback(
    (ids: readonly string[]) => {
      if (ids.length === 0) return;
      bridge()
        .keepOffline([...ids], { fullArticle: true, images: true })
        .then(() => notify({ kind: 'info', message: t('offline.queued', { count: ids.length }) }), onError);
    },
    [notify, onError, t],
  );
  const loadKept = useCallback(
    (id: string) =>
      bridge()
        .keptArticle(id)
        .catch((error: unknown) => {
          onError(error);
          return null;
        }),
    [onError],
  );
  return {
    queue,
    keep,
    /** What the reading pane asks of what is kept offline. */
    reader: {
      onLoadKept: loadKept,
      onKeepOffline: (id) => keep([id]),
      // Changes when the queue finishes a job: what is kept of the open bulletin may have changed.
      keptVersion: queue?.model.counts.done ?? 0,
    } satisfies Omit<ReaderContentSource, 'onLoadImages'>,
    panelShown,
    showPanel: () => setPanelShown(true),
    hidePanel: () => setPanelShown(false),
    cancel: (ids: string[] | null) => void bridge().cancelKeeping(ids).catch(onError),
    retry: (ids: string[] | null) => void bridge().retryKeeping(ids).catch(onError),
    clearFinished: () => void bridge().clearKeptFinished().catch(onError),
  };
}
