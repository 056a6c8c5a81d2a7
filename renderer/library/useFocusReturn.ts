import { useEffect, useRef, type RefObject } from 'react';

/**
 * Where the focus goes once a name form in a sidebar section closes (it would fall to the page
 * otherwise): `returnTo(key)` names the element with that `data-focus-key`, focused after the
 * next render that has it.
 */
export function useFocusReturn(section: RefObject<HTMLElement | null>) {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (pending.current === null) return;
    const target = section.current?.querySelector<HTMLElement>(
      `[data-focus-key="${CSS.escape(pending.current)}"]`,
    );
    if (!target) return;
    pending.current = null;
    target.focus();
  });
  return (key: string) => {
    pending.current = key;
  };
}
