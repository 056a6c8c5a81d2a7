import { useLayoutEffect, useRef, useState } from 'react';

/**
 * How many of a one-row bar's items must move into its "More…" menu for the rest to fit, for any
 * language's labels (Arabic and Spanish are the widest), direction and window or text size. The
 * bar does not wrap; its children's far edge is compared with its own (popups hang from them and
 * are not counted). One more item goes each time it overflows; one comes back once the bar is as
 * wide as that item needed, so it does not flip back and forth at the edge. Measured on each
 * render (labels change) and on each resize: one layout read, no loop beyond one render per item.
 */
export function useOverflowCount<T extends HTMLElement>(items: number) {
  const ref = useRef<T>(null);
  const [hidden, setHidden] = useState(0);
  const current = useRef(0);
  /** The width the bar's content took with `n` items in the menu, by n. */
  const needed = useRef<number[]>([]);

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const width = element.clientWidth;
      const used = contentWidth(element);
      const now = Math.min(current.current, items);
      let next = now;
      if (used > width + 1 && now < items) {
        needed.current[now] = used;
        next = now + 1;
      } else if (now > 0 && width >= (needed.current[now - 1] ?? Infinity)) {
        next = now - 1;
      }
      if (next === current.current) return;
      current.current = next;
      setHidden(next);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  });

  return { ref, hidden: Math.min(hidden, items) };
}

/** How far the bar's children reach from its inline start (right to left in Arabic). */
function contentWidth(element: HTMLElement): number {
  const box = element.getBoundingClientRect();
  const rtl = getComputedStyle(element).direction === 'rtl';
  let extent = 0;
  for (const child of element.children) {
    const edge = child.getBoundingClientRect();
    extent = Math.max(extent, rtl ? box.right - edge.left : edge.right - box.left);
  }
  return extent;
}
