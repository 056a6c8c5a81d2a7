import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShownWidth } from './paneWidths';

interface PaneSplitterProps extends ShownWidth {
  /** What it resizes, for a screen reader ("Width of the list"). */
  label: string;
  onResize: (width: number) => void;
}

const KEY_STEP = 16;

/**
 * The handle at the inline end of a pane (the sidebar, the list): drag it, or focus it and use
 * the arrow keys (Home/End for the limits), as WAI-ARIA's window splitter. The pane sits at the
 * inline start, so in a right-to-left layout moving the handle left widens it.
 */
export function PaneSplitter({ label, width, min, max, onResize }: PaneSplitterProps) {
  const { i18n } = useTranslation();
  const drag = useRef<{ x: number; width: number } | null>(null);
  const direction = i18n.dir(i18n.language) === 'rtl' ? -1 : 1;
  const clamp = (value: number) => Math.round(Math.max(min, Math.min(max, value)));

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    onResize(clamp(drag.current.width + (event.clientX - drag.current.x) * direction));
  };
  const onPointerUp = () => {
    drag.current = null;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number | undefined> = {
      ArrowRight: width + KEY_STEP * direction,
      ArrowLeft: width - KEY_STEP * direction,
      Home: min,
      End: max,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    onResize(clamp(next));
  };

  return (
    <div
      className="pane-splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
