import { useTranslation } from 'react-i18next';
import type { ExportScope, SearchRequest } from '../../preload/contract';
import type { ListView } from '../list/useListView';
import { bridge } from '../bridge/bridge';
import type { NoticeInput } from '../notices/useNotices';
import { currentScope } from './exportScope';
import { useExport } from './useExport';

interface ExportActionsOptions {
  /** What the list shows: its request to main, its order, its name (the file's title), its rows. */
  shown: Pick<ListView, 'request' | 'listSort' | 'name'> & { list: Pick<ListView['list'], 'rows' | 'total'> };
  /** The selection as a scope (null when nothing is selected), and its size. */
  selection: { exportScope: () => ExportScope | null; count: number };
  notify: (notice: NoticeInput) => void;
  onError: (error: unknown) => void;
}

/** File › Export… and the selection bar's Export…: the selection when there is one, else what the list shows. */
export function useExportActions(options: ExportActionsOptions) {
  const { t } = useTranslation();
  const { notify, onError } = options;
  const { request, listSort, name: viewName } = options.shown;
  const { rows, total } = options.shown.list;
  const exporting = useExport({ notify, onError });

  const exportSelection = () => {
    const scope = options.selection.exportScope();
    if (scope) exporting.ask(scope, options.selection.count);
  };
  const exportShown = () => {
    // File › Export… is always in the menu; an empty list says why nothing happens.
    if (options.selection.count > 0) return exportSelection();
    if (rows.length === 0) return notify({ kind: 'info', message: t('export.empty') });
    const search = {
      text: request.text,
      sort: request.sort,
      facets: request.facets,
      literal: request.literal,
    };
    const scope = currentScope({ view: request.view, listSort, search });
    if (scope) return exporting.ask(scope, total);
    // A collection (or facets alone): every id the list stands for, not only the rows loaded yet.
    const label =
      request.text === '' ? viewName : t('export.searchTitle', { query: request.text, view: viewName });
    exportEvery({ view: request.view, ...search }, label);
  };
  /** Bulletins named by id (a row's menu, a collection), under a title. */
  const exportIds = (ids: string[], label: string) => exporting.ask({ kind: 'ids', ids, label }, ids.length);
  /** Every bulletin a request stands for (a collection's search, a saved search), under a title. */
  const exportEvery = (query: SearchRequest, label: string) =>
    void bridge()
      .listIds(query)
      .then((ids) => exportIds(ids, label), onError);

  return { exporting, exportSelection, exportShown, exportEvery, exportIds };
}
