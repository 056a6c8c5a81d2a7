import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface PaneResizerProps {
  /** The list pane's width in CSS pixels. */
  size: number;
  min: number;
  max: number;
  onResize: (size: number) => void;
}

const KEY_STEP = 16;

/**
 * The handle between the list and the reading pane: drag it, or focus it and
 * use the arrow keys (Home/End for the limits). The list sits at the inline
 * start, so in a right-to-left layout moving the handle left widens it.
 */
export function PaneResizer({ size, min, max, onResize }: PaneResizerProps) {
  const { t, i18n } = useTranslation();
  const drag = useRef<{ x: number; size: number } | null>(null);
  const direction = i18n.dir(i18n.language) === 'rtl' ? -1 : 1;
  const clamp = (value: number) => Math.round(Math.max(min, Math.min(max, value)));

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, size };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    onResize(clamp(drag.current.size + (event.clientX - drag.current.x) * direction));
  };
  const onPointerUp = () => {
    drag.current = null;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number | undefined> = {
      ArrowRight: size + KEY_STEP * direction,
      ArrowLeft: size - KEY_STEP * direction,
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
      className="pane-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label={t('list.resizeLabel')}
      aria-valuenow={size}
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
