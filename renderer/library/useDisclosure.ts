import { useId, useRef, useState, type KeyboardEvent } from 'react';

/**
 * A button that shows a panel under it (the reader's Collections, the selection bar's Add to
 * collection…): Esc closes the panel and returns to its button, rather than leaving the pane or
 * dropping the selection it was opened for.
 */
export function useDisclosure() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    event.stopPropagation();
    close();
  };
  const buttonProps = {
    ref: toggle,
    'aria-expanded': open,
    'aria-controls': panelId,
    onClick: () => setOpen((value) => !value),
  };
  return { open, panelId, close, onKeyDown, buttonProps };
}
