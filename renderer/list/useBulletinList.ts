import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import type {
  BulletinRow,
  FacetSelection,
  Facets,
  LibraryChange,
  ListResult,
  ListSort,
  SearchCorrection,
  SearchHint,
  SearchSort,
  View,
} from '../../preload/contract';
import { bridge } from '../bridge/bridge';
import { keepRows } from './keepRows';
import { changesMembership } from '../store/changesMembership';
import { useLibraryStore } from '../store/useLibraryStore';

interface Loaded {
  /** Which request these rows answer: view and search text. */
  key: string;
  rows: BulletinRow[];
  terms: string[];
  /** Rows in the whole view, or all search results; more than `rows` while pages are on their way. */
  total: number;
  /** The archive is still opening: `total` is only the rows so far, until the next page. */
  counting?: boolean;
  failed: boolean;
  /** Searches only. */
  facets?: Facets;
  hints?: SearchHint[];
  correction?: SearchCorrection;
}

/** How search results are narrowed and ordered. */
export interface SearchChoices {
  sort: SearchSort;
  facets: FacetSelection;
  /** The text as typed, not corrected (the user asked for it after a correction). */
  literal?: boolean;
}

export interface ListEvents {
  onError: (error: unknown) => void;
  /**
   * Rows arrived for a view or search shown for the first time (not a silent reload); with the
   * query searched in place of the text typed, if any.
   */
  onNewResults: (count: number, view: View, text: string, correction?: SearchCorrection) => void;
}

const keyOf = (view: View, text: string, choices?: SearchChoices, sort?: ListSort) =>
  `${view}\n${text}\n${choices ? JSON.stringify(choices) : ''}\n${sort ?? ''}`;

const NO_HINTS: SearchHint[] = [];

const NO_TERMS: string[] = [];

/** Enough rows to fill a tall window, sent at once; the rest follows a page at a time as it scrolls. */
const FIRST_PAGE = { list: 100, search: 200 };
/**
 * Later pages come as the list nears its end, never all at once: at 100,000 bulletins the whole
 * view is about 21 calls of 5,000 rows, seconds of main's thread, and a search re-runs in main for
 * each page.
 */
const PAGE = 1000;
/**
 * A list asked again because its membership changed asks for the rows it held in one call, up to
 * this many (a larger one is cut back to it: the rest comes again as it scrolls).
 */
const RELOAD_MAX = 5000;

/**
 * The previous terms when they have not changed: the reading pane re-sanitises
 * and re-highlights its body whenever the terms array changes identity.
 */
function stableTerms(previous: string[] | undefined, next: string[]): string[] {
  if (next.length === 0) return NO_TERMS;
  const same = previous?.length === next.length && previous.every((term, index) => term === next[index]);
  return same && previous ? previous : next;
}

/**
 * The rows of the current view, or of a search in it when `text` is not empty.
 * While a new request is under way the previous rows stay on screen (no flash
 * of emptiness between keystrokes); answers to superseded requests are dropped.
 */
export function useBulletinList(
  view: View,
  text: string,
  events: ListEvents,
  choices?: SearchChoices,
  /** The order of a listed view (a search has its own, in `choices`). */
  sort?: ListSort,
) {
  const store = useLibraryStore();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [generation, setGeneration] = useState(0);
  const lastKey = useRef<string | null>(null);
  /** Rows the user acted on in this view: they stay listed until the view changes (see keepRows). */
  const kept = useRef(new Set<string>());
  const onError = useEffectEvent(events.onError);
  const onNewResults = useEffectEvent(events.onNewResults);
  /** Fetches the next page of search results, when there is one and none is on its way. */
  const fetchMore = useRef<(() => void) | null>(null);
  /** How many rows the list holds: a reload of a search asks for as many again. */
  const shown = useRef(0);
  useEffect(() => {
    shown.current = loaded?.rows.length ?? 0;
  }, [loaded]);

  useEffect(() => {
    let current = true;
    const key = keyOf(view, text, choices, sort);
    const faceted =
      choices !== undefined && Object.values(choices.facets).some((values) => values.length > 0);
    // A reload of the rows on screen is applied whole, once complete, so the list never shrinks
    // to its first page under the reader's eyes; a new view shows its first page at once.
    const reloading = lastKey.current === key;

    const showFirst = (
      rows: BulletinRow[],
      terms: string[],
      total: number,
      found?: Pick<Loaded, 'facets' | 'hints' | 'correction'>,
      counting = false,
    ) => {
      kept.current = new Set();
      setLoaded((previous) => ({
        key,
        rows,
        terms: stableTerms(previous?.terms, terms),
        total,
        counting,
        failed: false,
        ...found,
      }));
      // Announced once the size is known (the next page brings it).
      if (!counting) onNewResults(total, view, text, found?.correction);
      lastKey.current = key;
    };
    const append = (rows: BulletinRow[], total: number, wasCounting: boolean) => {
      setLoaded(
        (previous) =>
          previous &&
          (previous.key === key
            ? { ...previous, rows: [...previous.rows, ...rows], total, counting: false }
            : previous),
      );
      if (wasCounting) onNewResults(total, view, text);
    };
    const replace = (
      rows: BulletinRow[],
      terms: string[],
      total = rows.length,
      found?: Pick<Loaded, 'facets' | 'hints' | 'correction'>,
    ) => {
      const keep = kept.current;
      setLoaded((previous) => ({
        key,
        rows: previous?.key === key ? keepRows(previous.rows, rows, keep) : rows,
        terms: stableTerms(previous?.terms, terms),
        total,
        failed: false,
        ...found,
      }));
    };
    const fail = (error: unknown) => {
      if (!current) return;
      setLoaded((previous) => ({
        key,
        rows: previous?.key === key ? previous.rows : [],
        terms: previous?.key === key ? previous.terms : NO_TERMS,
        total: previous?.key === key ? previous.total : 0,
        failed: previous?.key !== key,
      }));
      onError(error);
    };

    fetchMore.current = null;
    const searching = text !== '' || faceted;
    const request = { view, text, sort: choices?.sort, facets: choices?.facets, literal: choices?.literal };
    const fetchPage = (offset: number, limit: number): Promise<ListResult> =>
      searching
        ? bridge().search({ ...request, offset, limit })
        : bridge().list({ view, sort, offset, limit });
    const first = searching ? FIRST_PAGE.search : FIRST_PAGE.list;
    let fetched = 0;
    let total = 0;
    let fetching = false;
    /** The archive is still opening: the next page waits for it and says how many there are. */
    let counting = false;
    const more = () => {
      if (fetching || !current || (!counting && fetched >= total)) return;
      fetching = true;
      fetchPage(fetched, PAGE).then((page) => {
        if (!current) return;
        fetching = false;
        const wasCounting = counting;
        counting = page.counting === true && page.rows.length > 0;
        total = page.total ?? fetched + page.rows.length;
        // An archive that shrank meanwhile ends the paging rather than asking forever.
        fetched = page.rows.length === 0 ? total : fetched + page.rows.length;
        store.seed(page.rows);
        append(page.rows, counting ? fetched : total, wasCounting && !counting);
        if (counting) more();
      }, fail);
    };
    const limit = reloading ? Math.min(RELOAD_MAX, Math.max(first, shown.current)) : first;
    fetchPage(0, limit).then((result) => {
      if (!current) return;
      counting = result.counting === true;
      fetched = result.rows.length;
      total = counting ? fetched : (result.total ?? fetched);
      fetchMore.current = more;
      store.seed(result.rows);
      const found = searching
        ? { facets: result.facets, hints: result.hints, correction: result.correction }
        : undefined;
      if (reloading) replace(result.rows, result.terms, total, found);
      else showFirst(result.rows, result.terms, total, found, counting);
      if (counting) more();
    }, fail);
    return () => {
      current = false;
    };
  }, [view, text, choices, sort, generation, store]);

  /** Asks again, e.g. after the library changed. */
  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  // Marks are patched in the store; the list is asked again only when its membership can have changed.
  const onLibraryChanged = useEffectEvent((change: LibraryChange) => {
    if (changesMembership(change, { view, text, facets: choices?.facets })) reload();
  });
  useEffect(() => bridge().subscribe('library:changed', onLibraryChanged), []);

  /** The list scrolled near its end: the next page of search results, if any. */
  const loadMore = useCallback(() => fetchMore.current?.(), []);

  /** Keeps a row listed in this view even if it stops belonging to it (read, un-bookmarked). */
  const keep = useCallback((id: string) => {
    kept.current.add(id);
  }, []);

  /** Lets a kept row go (it was deleted: it must not linger in the list). */
  const forget = useCallback((id: string) => {
    kept.current.delete(id);
  }, []);

  return {
    forget,
    rows: loaded?.rows ?? [],
    total: loaded?.total ?? 0,
    /** The first page is shown but the archive is still opening: the total is not known yet. */
    counting: loaded?.counting ?? false,
    terms: loaded?.terms ?? NO_TERMS,
    /** Nothing has arrived yet. */
    initial: loaded === null,
    /** The rows shown answer an older request. */
    pending: loaded !== null && loaded.key !== keyOf(view, text, choices, sort),
    facets: loaded?.facets,
    hints: loaded?.hints ?? NO_HINTS,
    /** The query searched in place of the one typed, if any. */
    correction: loaded?.correction,
    failed: loaded?.failed ?? false,
    reload,
    loadMore,
    keep,
  };
}
