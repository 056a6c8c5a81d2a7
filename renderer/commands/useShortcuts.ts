import { useEffect, useEffectEvent } from 'react';
import { isTyping } from './isTyping';

export interface ShortcutActions {
  next: () => void;
  previous: () => void;
  toggleBookmark: () => void;
  /** Shift+j / Shift+k: grow the selection down or up. */
  extendNext: () => void;
  extendPrevious: () => void;
  /** x: tick or untick the active row. */
  toggleSelected: () => void;
  /** Esc: drops the selection (and returns to the list). */
  clearSelection: () => void;
  toggleRead: () => void;
  /** Asks to delete the open bulletin. */
  deleteOpen: () => void;
  focusSearch: () => void;
  focusList: () => void;
}

/**
 * Which letter key this is. On a Latin layout the key's own letter counts (so
 * "j" is where the user sees it on AZERTY or Dvorak); on Arabic or another
 * script, its physical position, so the shortcuts still work there.
 */
function letterOf(event: KeyboardEvent): string | null {
  if (/^[a-z]$/i.test(event.key)) return event.key.toLowerCase();
  const position = /^Key([A-Z])$/.exec(event.code);
  return position?.[1]?.toLowerCase() ?? null;
}

/** The window-wide single-key shortcuts: j/k (Shift: extend the selection), x, "/", b, m, Delete and Esc. */
export function useShortcuts(actions: ShortcutActions) {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    // Handled already (the search box handles its own Esc), or a chord meant for the menu.
    if (event.defaultPrevented || event.isComposing) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;

    if (event.key === 'Escape') {
      // A modal dialog's Esc closes the dialog only: the selection it was opened for stays.
      if (event.target instanceof Element && event.target.closest('dialog')) return;
      // In a text field, Esc is the field's own; elsewhere it first drops a selection.
      if (!isTyping(event.target)) actions.clearSelection();
      actions.focusList();
      return;
    }
    if (isTyping(event.target)) return;

    // "/" may need Shift on some layouts (German: Shift+7), so Shift is not checked here.
    if (event.key === '/') {
      event.preventDefault(); // or "/" would be typed into the search box it focuses
      actions.focusSearch();
      return;
    }
    if (event.key === 'Delete') {
      event.preventDefault();
      actions.deleteOpen();
      return;
    }
    const handlers: Record<string, (() => void) | undefined> = event.shiftKey
      ? { j: actions.extendNext, k: actions.extendPrevious }
      : {
          j: actions.next,
          k: actions.previous,
          b: actions.toggleBookmark,
          m: actions.toggleRead,
          x: actions.toggleSelected,
        };
    const handler = handlers[letterOf(event) ?? ''];
    if (handler) {
      event.preventDefault();
      handler();
    }
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
