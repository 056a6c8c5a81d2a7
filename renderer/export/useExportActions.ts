import { useTranslation } from 'react-i18next';
import type { ExportScope, ListSort, SearchRequest } from '../../preload/contract';
import { bridge } from '../bridge/bridge';
import type { NoticeInput } from '../notices/useNotices';
import { currentScope } from './exportScope';
import { useExport } from './useExport';

interface ExportActionsOptions {
  /** What the list shows, as main is asked for it. */
  request: SearchRequest;
  listSort?: ListSort;
  /** What the view is called, for the file's title. */
  viewName: string;
  /** Rows in the whole view or search, and whether any are listed. */
  total: number;
  empty: boolean;
  /** The selection as a scope, with its size; null when nothing is selected. */
  selection: () => { scope: ExportScope; count: number } | null;
  notify: (notice: NoticeInput) => void;
  onError: (error: unknown) => void;
}

/** File › Export… and the selection bar's Export…: the selection when there is one, else what the list shows. */
export function useExportActions(options: ExportActionsOptions) {
  const { t } = useTranslation();
  const { request, notify, onError } = options;
  const exporting = useExport({ notify, onError });

  const exportSelection = () => {
    const selected = options.selection();
    if (selected) exporting.ask(selected.scope, selected.count);
  };
  const exportShown = () => {
    // File › Export… is always in the menu; an empty list says why nothing happens.
    if (options.selection()) return exportSelection();
    if (options.empty) return notify({ kind: 'info', message: t('export.empty') });
    const search = {
      text: request.text,
      sort: request.sort,
      facets: request.facets,
      literal: request.literal,
    };
    const scope = currentScope({ view: request.view, listSort: options.listSort, search });
    if (scope) return exporting.ask(scope, options.total);
    // A collection (or facets alone): every id the list stands for, not only the rows loaded yet.
    const label =
      request.text === ''
        ? options.viewName
        : t('export.searchTitle', { query: request.text, view: options.viewName });
    bridge()
      .listIds({ view: request.view, ...search })
      .then((ids) => exporting.ask({ kind: 'ids', ids, label }, ids.length), onError);
  };

  return { exporting, exportSelection, exportShown };
}
