import { DEFAULT_WINDOW_LAYOUT, WINDOW_LAYOUT_LIMITS } from '../../preload/windowLayout';

/** The sizes Larger and Smaller step through (percent), as a browser's zoom does. */
const STEPS = [80, 90, 100, 110, 125, 150, 175, 200] as const;

export type TextSizeChange = 'larger' | 'smaller' | 'reset';

/** The text size after a change; a size between steps (a hand-edited file) moves to the next step. */
export function changedTextSize(current: number, change: TextSizeChange): number {
  if (change === 'reset') return DEFAULT_WINDOW_LAYOUT.textSize;
  const { min, max } = WINDOW_LAYOUT_LIMITS.textSize;
  const next =
    change === 'larger' ? STEPS.find((step) => step > current) : STEPS.findLast((step) => step < current);
  return next ?? (change === 'larger' ? max : min);
}

/**
 * Which change a key press asks for: Ctrl/Cmd with +, =, − or 0, by the character typed (so
 * Ctrl+= and Ctrl+Shift+= both enlarge, on any layout) or the keypad's keys; 0 also by its place
 * (on AZERTY the key gives "à" without Shift).
 */
export function textSizeChangeOf(event: KeyboardEvent): TextSizeChange | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  if (event.key === '+' || event.key === '=') return 'larger';
  if (event.key === '-' || event.key === '_') return 'smaller';
  if (event.key === '0' || event.code === 'Digit0' || event.code === 'Numpad0') return 'reset';
  return null;
}
