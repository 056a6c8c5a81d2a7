import { useTranslation } from 'react-i18next';
import type { SavedSearchInfo, SavedSearchQuery, SearchRequest } from '../../preload/contract';
import type { ListView } from '../list/useListView';
import type { NoticeInput } from '../notices/useNotices';
import { sameQuery } from './sameQuery';
import { useSavedSearches } from './useSavedSearches';

interface ShownSavedSearchesOptions {
  /** The list: what it searches now (what Save search… saves) and how to show a saved search. */
  shown: Pick<ListView, 'view' | 'query' | 'searchedText' | 'searching' | 'search' | 'request' | 'showSaved'>;
  /** Exports every bulletin a request stands for, under a title (useExportActions). */
  exportEvery: (query: SearchRequest, label: string) => void;
  notify: (notice: NoticeInput) => void;
  announce: (message: string) => void;
  offerUndo: (message: string, undo: () => Promise<void>) => void;
  onError: (error: unknown) => void;
}

/**
 * The saved searches as the window uses them: the sidebar section's props (which one the list
 * shows now), Save search… for the search shown, and the name dialog's props while it is open.
 */
export function useShownSavedSearches({ shown, exportEvery, notify, ...options }: ShownSavedSearchesOptions) {
  const { t } = useTranslation();
  const saved = useSavedSearches({ show: shown.showSaved, ...options });
  const { request } = shown;
  const shownQuery: SavedSearchQuery = {
    view: shown.view,
    text: shown.searchedText,
    sort: request.sort ?? 'relevance',
    facets: request.facets ?? {},
  };
  const current = shown.searching ? saved.saved.find((one) => sameQuery(one.query, shownQuery)) : undefined;
  // What Save search… saves is what the box says, even before the list has caught up with the last
  // keystroke (the search waits SEARCH_DEBOUNCE_MS): a menu command right after typing saves the words typed.
  const typedQuery: SavedSearchQuery = { ...shownQuery, text: shown.query.trim() };
  const anythingToSave = typedQuery.text !== '' || shown.search.anyFacet;
  return {
    section: {
      saved: saved.saved,
      currentId: current?.id ?? null,
      onOpen: saved.open,
      onRename: saved.rename,
      onDelete: saved.remove,
      /** Like a collection's: every match, titled with the saved search's name. */
      onExport: (search: SavedSearchInfo) => exportEvery(search.query, search.name),
    },
    askSave: () =>
      anythingToSave ? saved.ask() : notify({ kind: 'info', message: t('savedSearches.nothingToSave') }),
    dialog: saved.naming
      ? {
          text: typedQuery.text,
          onSave: (name: string) => saved.save(name, typedQuery),
          onClose: saved.cancel,
        }
      : null,
  };
}
