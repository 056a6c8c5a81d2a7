import { useSyncExternalStore } from 'react';

/**
 * Below this width (CSS pixels, so page zoom and the system's scaling count) the sidebar gives
 * its room to the list and the reader, and opens over them from a button instead.
 */
const DOCKED_SIDEBAR_FROM = 1100;
const query = `(width < ${DOCKED_SIDEBAR_FROM}px)`;

const subscribe = (onChange: () => void) => {
  const list = window.matchMedia(query);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
};

/** Whether the window is too narrow to keep the sidebar docked. */
export function useNarrowWindow(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
}
