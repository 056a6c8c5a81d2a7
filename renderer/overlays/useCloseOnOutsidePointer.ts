import { useEffect, useEffectEvent, type RefObject } from 'react';

/**
 * Closes something shown over the page (a menu, the search help, the folded sidebar opened) when
 * the pointer goes down anywhere outside `inside`, as a native menu does; the click still does
 * what it was for. `inside` lists every element that belongs to it: the button that toggles it
 * belongs too, or its own click would reopen what the pointer-down just closed.
 *
 * Listened to in the capture phase, so a control that stops its pointer-down's propagation still
 * closes it; only while `open`, so a closed one costs no listener.
 */
export function useCloseOnOutsidePointer(
  inside: readonly RefObject<Element | null>[],
  open: boolean,
  close: () => void,
) {
  const onPointerDown = useEffectEvent((event: PointerEvent) => {
    const target = event.target;
    if (!(target instanceof Node)) return;
    if (inside.some((ref) => ref.current?.contains(target))) return;
    close();
  });
  useEffect(() => {
    if (!open) return;
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [open]);
}
