import { useEffect, useEffectEvent } from 'react';

export interface ShortcutActions {
  next: () => void;
  previous: () => void;
  toggleBookmark: () => void;
  toggleRead: () => void;
  /** Asks to delete the open bulletin. */
  deleteOpen: () => void;
  focusSearch: () => void;
  focusList: () => void;
}

/** True while the user is typing somewhere, when single letters are text, not commands. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'reset', 'submit', 'range', 'color'].includes(target.type);
  }
  return false;
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

/** The window-wide single-key shortcuts: j/k, "/", b, m, Delete and Esc. */
export function useShortcuts(actions: ShortcutActions) {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    // Handled already (the search box handles its own Esc), or a chord meant for the menu.
    if (event.defaultPrevented || event.isComposing) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;

    if (event.key === 'Escape') {
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
    if (event.shiftKey) return;
    const handlers: Record<string, (() => void) | undefined> = {
      j: actions.next,
      k: actions.previous,
      b: actions.toggleBookmark,
      m: actions.toggleRead,
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
