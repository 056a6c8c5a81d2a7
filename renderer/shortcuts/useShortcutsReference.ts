import { useCallback, useEffect, useState } from 'react';
import { isTyping } from '../commands/isTyping';

/**
 * The keyboard shortcut reference: Help › Keyboard Shortcuts (`show`, from the menu command) or
 * the `?` key anywhere but in a text field.
 */
export function useShortcutsReference() {
  const [open, setOpen] = useState(false);
  const show = useCallback(() => setOpen(true), []);
  const close = useCallback(() => setOpen(false), []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target))
        return;
      if (document.querySelector('dialog[open]')) return; // not over another dialog
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return { open, show, close };
}
