import { useSyncExternalStore } from 'react';

/**
 * Below this width (CSS pixels, so page zoom and the system's scaling count) the sidebar gives
 * its room to the list and the reader, and opens over them from a button instead.
 */
const DOCKED_SIDEBAR_FROM = 1100;

/**
 * The window's one query, made on first use and kept: React reads a snapshot on every render of
 * every component using the hook and again after each commit, and `matchMedia` builds a new
 * MediaQueryList (and parses the query) on each call.
 */
let narrow: MediaQueryList | undefined;
const query = () => (narrow ??= window.matchMedia(`(width < ${DOCKED_SIDEBAR_FROM}px)`));

const subscribe = (onChange: () => void) => {
  const list = query();
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
};

const isNarrow = () => query().matches;

/** Whether the window is too narrow to keep the sidebar docked. */
export function useNarrowWindow(): boolean {
  return useSyncExternalStore(subscribe, isNarrow);
}
