import { useCallback, useState } from 'react';

/**
 * An element's content width in CSS pixels, kept current as it resizes; 0 until it is mounted.
 * `measure` is the element's callback ref: the observer follows the element React mounts.
 */
export function useElementWidth<T extends HTMLElement>() {
  const [width, setWidth] = useState(0);
  const measure = useCallback((element: T | null) => {
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { measure, width };
}
