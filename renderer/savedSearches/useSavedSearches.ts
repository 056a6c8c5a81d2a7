import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedSearchInfo, SavedSearchQuery } from '../../preload/contract';
import { bridge } from '../bridge/bridge';
import { countsCanChange } from './countsCanChange';

/**
 * After a change, the counts are asked for once things settle: each saved search is a search of
 * the archive in main, so a burst of marks (j/k reading, a bulk action) asks once, not per change.
 */
const REFRESH_DELAY_MS = 400;

interface SavedSearchOptions {
  /** Puts what a saved search searches into the list (view, box, facets, order). */
  show: (query: SavedSearchQuery) => void;
  announce: (message: string) => void;
  offerUndo: (message: string, undo: () => Promise<void>) => void;
  onError: (error: unknown) => void;
}

/** The saved searches with their counts, and what the sidebar and the search box do with them. */
export function useSavedSearches({ show, announce, offerUndo, onError }: SavedSearchOptions) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<SavedSearchInfo[]>([]);
  /** The list as last received, for the change listener (subscribed once, not per list). */
  const savedNow = useRef(saved);
  /** Save search… asked: the name dialog is open. */
  const [naming, setNaming] = useState(false);

  const reload = useCallback(() => {
    bridge()
      .savedSearches()
      .then((list) => {
        savedNow.current = list;
        setSaved(list);
      }, onError);
  }, [onError]);
  useEffect(() => {
    reload();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = bridge().subscribe('library:changed', (change) => {
      if (!countsCanChange(change, savedNow.current)) return;
      clearTimeout(timer);
      timer = setTimeout(reload, REFRESH_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [reload]);

  /** Rejects with the message to show by the name field (an empty or taken name). */
  const save = async (name: string, query: SavedSearchQuery) => {
    const created = await bridge().saveSearch(name, query);
    setNaming(false);
    announce(t('savedSearches.saved', { name: created.name }));
  };

  const rename = async (id: string, name: string) => {
    await bridge().renameSavedSearch(id, name);
  };

  const remove = (search: SavedSearchInfo) => {
    bridge()
      .deleteSavedSearch(search.id)
      .then((token) => {
        offerUndo(t('savedSearches.deleted', { name: search.name }), async () => {
          await bridge().restoreSavedSearch(token);
          announce(t('savedSearches.restored', { name: search.name }));
        });
      }, onError);
  };

  const open = (search: SavedSearchInfo) => {
    bridge()
      .openSavedSearch(search.id)
      .then((query) => {
        show(query);
        announce(t('savedSearches.opened', { name: search.name }));
      }, onError);
  };

  return {
    saved,
    naming,
    ask: () => setNaming(true),
    cancel: () => setNaming(false),
    save,
    rename,
    remove,
    open,
  };
}
