import { useLayoutEffect, useRef, useState } from 'react';

/**
 * Whether a one-row bar is too narrow for all its items (its content overflows it), for any
 * language's labels and any window or text size. Once crowded it stays so until the bar is as
 * wide as its content needed, so it does not flip back and forth at the edge. Measured on each
 * render (labels change) and on each resize: one layout read, no loop.
 */
export function useCrowded<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [crowded, setCrowded] = useState(false);
  const needed = useRef(0);

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const width = element.clientWidth;
      if (element.scrollWidth > width + 1) {
        needed.current = Math.max(needed.current, element.scrollWidth);
        setCrowded(true);
      } else if (width >= needed.current) {
        setCrowded(false);
      }
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  });

  return { ref, crowded };
}
