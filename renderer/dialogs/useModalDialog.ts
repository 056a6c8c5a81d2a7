import { useEffect, useRef, type KeyboardEvent, type SyntheticEvent } from 'react';

/**
 * A modal <dialog> that closes the way React says: open on mount, the window behind it inert,
 * Tab kept inside, Esc asking `onClose`, and focus back where it was when it closes.
 * Spread the result on the <dialog>.
 */
export function useModalDialog(onClose: () => void) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    element.showModal();
    return () => {
      element.close();
      returnTo?.focus();
    };
  }, []);

  // The modal dialog makes the window behind it inert; this keeps Tab from leaving for the browser's own UI too.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || !ref.current) return;
    const focusable = [
      ...ref.current.querySelectorAll<HTMLElement>('input, select, textarea, button'),
    ].filter((element) => !element.matches(':disabled') && element.offsetParent !== null);
    const first = focusable[0];
    const last = focusable.at(-1);
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  // Esc: the browser fires `cancel`; closing is React's business, so the state stays the truth.
  const onCancel = (event: SyntheticEvent) => {
    event.preventDefault();
    onClose();
  };

  return { ref, onKeyDown, onCancel };
}
