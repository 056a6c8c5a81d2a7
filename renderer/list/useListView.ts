import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectionInfo, ListSort, SavedSearchQuery, SearchRequest, View } from '../../preload/contract';
import { collectionIdOf, viewName } from '../library/viewName';
import { useDebouncedValue } from '../search/useDebouncedValue';
import { useSearchOptions } from '../search/useSearchOptions';
import { useSuggestions } from '../search/useSuggestions';
import { useBulletinList } from './useBulletinList';
import { useListNavigation } from './useListNavigation';

/** Long enough to skip the keystrokes of a word being typed, short enough to feel live. */
const SEARCH_DEBOUNCE_MS = 120;

/**
 * What the list shows: the view picked in the sidebar, its order, the search typed in it with its
 * options, the rows (paged as they scroll) and the keyboard's place among them.
 */
export function useListView(
  collections: readonly CollectionInfo[],
  announce: (message: string) => void,
  onError: (error: unknown) => void,
) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('all');
  // Each kind of list keeps its own order: bookmarks by publication unless asked, a collection as it was gathered.
  const [sorts, setSorts] = useState<Record<'bookmarks' | 'collection', ListSort>>({
    bookmarks: 'published',
    collection: 'added',
  });
  const sortKind = view === 'bookmarks' ? 'bookmarks' : collectionIdOf(view) !== null ? 'collection' : null;
  const listSort = sortKind ? sorts[sortKind] : undefined;
  const [query, setQuery] = useState('');
  const searchedText = useDebouncedValue(query.trim(), SEARCH_DEBOUNCE_MS);
  /** Text the user asked to search as typed after it was corrected; editing the box corrects again. */
  const [literalText, setLiteralText] = useState<string | null>(null);
  const literal = literalText !== null && literalText === searchedText;

  const search = useSearchOptions(onError);
  const suggestions = useSuggestions(query);
  const choices = useMemo(
    () => ({ sort: search.sort, facets: search.facets, literal }),
    [search.sort, search.facets, literal],
  );
  const list = useBulletinList(
    view,
    searchedText,
    {
      onError,
      onNewResults: (count, shownView, text, correction) =>
        announce(
          text === ''
            ? t('list.announceCount', { count, view: viewName(shownView, collections, t) })
            : [
                ...(correction ? [t('search.correction.announced', { ...correction })] : []),
                t('list.announceResults', { count, query: correction?.searched ?? text }),
              ].join(' '),
        ),
    },
    choices,
    listSort,
  );
  const navigation = useListNavigation(list.rows);
  const request: SearchRequest = useMemo(
    () => ({
      view,
      text: searchedText,
      sort: choices.sort,
      facets: choices.facets,
      literal: choices.literal,
    }),
    [view, searchedText, choices],
  );
  const { correction } = list;
  const { remember } = search;
  /** Remembers a search as answered: a typo remembered would never be corrected again. */
  const rememberSearch = useCallback(
    (text: string) =>
      remember(correction && correction.typed === text.trim() && !literal ? correction.searched : text),
    [remember, correction, literal],
  );

  return {
    view,
    request,
    query,
    searchedText,
    searching: searchedText !== '' || search.anyFacet,
    name: viewName(view, collections, t),
    collection: collections.find((collection) => collection.id === collectionIdOf(view)),
    listSort,
    /** The order picker, for bookmarks and collections listed (not searched). */
    sort:
      sortKind && listSort
        ? { value: listSort, onChange: (sort: ListSort) => setSorts((all) => ({ ...all, [sortKind]: sort })) }
        : undefined,
    search,
    suggestions,
    list,
    navigation,
    changeView: (next: View) => {
      setView(next);
      navigation.reset();
    },
    changeQuery: (next: string) => {
      setQuery(next);
      setLiteralText(null);
      navigation.reset();
    },
    /** A saved search opened: its view, words, facets and order, all at once. */
    showSaved: (saved: SavedSearchQuery) => {
      setView(saved.view);
      setQuery(saved.text);
      setLiteralText(null);
      search.setSort(saved.sort);
      search.setFacets(saved.facets);
      navigation.reset();
    },
    /** The query searched in place of the one typed, if any. */
    correction,
    rememberSearch,
    /** From the correction line: the corrected query into the box, or the typed one searched as it is. */
    searchFromCorrection: (text: string, asTyped: boolean) => {
      setQuery(text);
      setLiteralText(asTyped ? text.trim() : null);
      navigation.reset();
    },
  };
}

export type ListView = ReturnType<typeof useListView>;
