import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportScope, ShareScope } from '../../preload/contract';
import { currentScope, type ShownList } from '../export/exportScope';
import { bridge } from '../bridge/bridge';
import type { NoticeInput } from '../notices/useNotices';

interface ShareEvents {
  notify: (notice: NoticeInput) => void;
  onError: (error: unknown) => void;
}

/**
 * Share…: main asks where to save and writes the share file; the window says what went where.
 * One share at a time: a second click while the save dialog is up does nothing.
 */
export function useShare({ notify, onError }: ShareEvents) {
  const { t } = useTranslation();
  const [running, setRunning] = useState(false);
  const share = useCallback(
    (scope: ShareScope) => {
      if (running) return;
      setRunning(true);
      bridge()
        .shareBulletins(scope)
        .then((outcome) => {
          if (!outcome) return;
          notify({
            kind: 'info',
            message:
              outcome.status === 'empty'
                ? t('share.empty')
                : t('share.done', { count: outcome.count, file: outcome.fileName }),
          });
        }, onError)
        .finally(() => setRunning(false));
    },
    [running, notify, onError, t],
  );
  /**
   * File › Share…: the selection when there is one, else what the list shows: a collection (with
   * its name), a search's every result, or a view such as the bookmarks.
   */
  const shareShown = useCallback(
    (shown: ShownList & { selection: ExportScope | null; label: string }) => {
      if (shown.selection) return share(shown.selection);
      const { view, search } = shown;
      const faceted = Object.values(search.facets ?? {}).some((values) => values.length > 0);
      if (view.startsWith('collection:') && search.text === '' && !faceted)
        return share({ kind: 'collection', id: view.slice('collection:'.length) });
      const scope = currentScope(shown);
      if (scope) return share(scope);
      bridge()
        .listIds({ view, ...search })
        .then((ids) => {
          if (ids.length === 0) notify({ kind: 'info', message: t('share.empty') });
          else share({ kind: 'ids', ids, label: shown.label });
        }, onError);
    },
    [share, notify, onError, t],
  );
  return { share, shareShown, running };
}
