import { useCallback, useRef } from 'react';

/** The list and its search box, which the window's keys move the focus between (Esc, "/", j/k). */
export function useListFocus() {
  const listRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const focusList = useCallback(() => listRef.current?.focus(), []);
  const focusSearch = useCallback(() => {
    searchRef.current?.focus();
    searchRef.current?.select();
  }, []);
  return { listRef, searchRef, focusList, focusSearch };
}

export type ListFocus = ReturnType<typeof useListFocus>;
