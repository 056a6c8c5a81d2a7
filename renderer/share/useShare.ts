import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportScope, ShareScope } from '../../preload/contract';
import { currentScope } from '../export/exportScope';
import { bridge } from '../bridge/bridge';
import type { ListView } from '../list/useListView';
import type { NoticeInput } from '../notices/useNotices';

interface ShareOptions {
  /** What the list shows: its request to main, its order, its name (the share's label). */
  shown: Pick<ListView, 'request' | 'listSort' | 'name'>;
  /** The selection as a scope (null when nothing is selected). */
  selection: { exportScope: () => ExportScope | null };
  notify: (notice: NoticeInput) => void;
  onError: (error: unknown) => void;
}

/**
 * Share…: main asks where to save and writes the share file; the window says what went where.
 * One share at a time: a second click while the save dialog is up does nothing.
 */
export function useShare({ shown, selection, notify, onError }: ShareOptions) {
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
  const shareShown = () => {
    const chosen = selection.exportScope();
    if (chosen) return share(chosen);
    const { view, ...search } = shown.request;
    const faceted = Object.values(search.facets ?? {}).some((values) => values.length > 0);
    if (view.startsWith('collection:') && search.text === '' && !faceted)
      return share({ kind: 'collection', id: view.slice('collection:'.length) });
    const scope = currentScope({ view, search, listSort: shown.listSort });
    if (scope) return share(scope);
    bridge()
      .listIds({ view, ...search })
      .then((ids) => {
        if (ids.length === 0) notify({ kind: 'info', message: t('share.empty') });
        else share({ kind: 'ids', ids, label: shown.name });
      }, onError);
  };
  return {
    share,
    shareShown,
    /** Bulletins picked in the list (the selection bar), labelled with the list's name. */
    shareIds: (ids: string[]) => share({ kind: 'ids', ids, label: shown.name }),
    running,
  };
}
