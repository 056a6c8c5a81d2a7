import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import { useCloseOnOutsidePointer } from '../overlays/useCloseOnOutsidePointer';
import type { MenuAction, MenuSection } from './menuActions';
import { placeAnchored, visibleSpan, type AnchoredPlace } from './menuPlace';
import './menus.css';

interface MenuListProps {
  /** Names the menu for a screen reader (the button's label, or "Actions for …"). */
  label: string;
  sections: readonly MenuSection[];
  /** Closes the menu; `chosen` is true when an item ran (focus then goes where the action sends it). */
  onClose: (chosen: boolean) => void;
  /** Fixed position (a context menu at the pointer); without it the menu hangs under its button. */
  at?: { x: number; y: number };
  /** The button that opened it: a press on it is its own (it closes the menu), not one outside. */
  opener?: RefObject<HTMLElement | null>;
}

/** The items a user can reach now: hidden ones (a narrow-only item in a wide bar) are skipped. */
function reachable(menu: HTMLElement | null): HTMLElement[] {
  if (!menu) return [];
  return [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')].filter(
    (item) => item.getClientRects().length > 0,
  );
}

/**
 * A keyboard menu (WAI-ARIA menu pattern): it takes focus on its first item; Up/Down move (and
 * wrap), Home/End jump, a letter goes to the next item starting with it, Enter or Space runs the
 * item, Esc and Tab close it. Sections with a label are groups, announced by their label.
 */
export function MenuList({ label, sections, onClose, at, opener }: MenuListProps) {
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    reachable(menu.current)[0]?.focus();
  }, []);

  useCloseOnOutsidePointer(opener ? [menu, opener] : [menu], true, () => onClose(false));

  const run = (action: MenuAction) => {
    if (action.disabled) return;
    onClose(true);
    action.run();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = reachable(menu.current);
    const current = items.indexOf(document.activeElement as HTMLElement);
    const focus = (index: number) => items[(index + items.length) % items.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        focus(current + 1);
        break;
      case 'ArrowUp':
        focus(current < 0 ? -1 : current - 1);
        break;
      case 'Home':
        focus(0);
        break;
      case 'End':
        focus(-1);
        break;
      case 'Escape':
        onClose(false);
        break;
      case 'Tab':
        onClose(false);
        return; // Tab goes on to the next control, as from the button
      default: {
        if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
        const letter = event.key.toLocaleLowerCase();
        const after = [...items.slice(current + 1), ...items.slice(0, current + 1)];
        after.find((item) => item.textContent?.trim().toLocaleLowerCase().startsWith(letter))?.focus();
      }
    }
    event.preventDefault();
    event.stopPropagation();
  };

  // Opened at the pointer near the window's edge, the menu moves back inside it, as a native one does.
  const [place, setPlace] = useState(at);
  useLayoutEffect(() => {
    const box = menu.current?.getBoundingClientRect();
    if (!at || !box) return;
    setPlace({
      x: Math.max(0, Math.min(at.x, window.innerWidth - box.width)),
      y: Math.max(0, Math.min(at.y, window.innerHeight - box.height)),
    });
  }, [at]);
  // Hung from its button near the bottom of the window or of a scrolling sidebar, it opens above.
  const [anchored, setAnchored] = useState<AnchoredPlace>({ above: false });
  useLayoutEffect(() => {
    const anchor = menu.current?.parentElement;
    if (at || !menu.current || !anchor) return;
    const box = anchor.getBoundingClientRect();
    setAnchored(placeAnchored(box, menu.current.getBoundingClientRect().height, visibleSpan(anchor)));
  }, [at]);
  // CSSOM properties (allowed by the CSP): the place of a menu opened at the pointer, the cap of one
  // that fits neither under nor above its button.
  const style: CSSProperties | undefined = place
    ? { position: 'fixed', left: place.x, top: place.y }
    : anchored.maxHeight !== undefined
      ? { maxBlockSize: anchored.maxHeight }
      : undefined;
  const className = at ? 'menu menu--at-pointer' : anchored.above ? 'menu menu--above' : 'menu';
  return (
    <div ref={menu} role="menu" aria-label={label} className={className} style={style} onKeyDown={onKeyDown}>
      {sections.map((section) => {
        const items = section.actions.map((action) => (
          <div
            key={action.id}
            role="menuitem"
            tabIndex={-1}
            aria-disabled={action.disabled || undefined}
            className={action.whenNarrow ? 'menu-item menu-item--when-narrow' : 'menu-item'}
            data-action={action.id}
            onClick={() => run(action)}
            onKeyDown={(event) => {
              if (event.key !== 'Enter' && event.key !== ' ') return;
              event.preventDefault();
              event.stopPropagation();
              run(action);
            }}
          >
            {action.label}
          </div>
        ));
        if (!section.label) return items;
        return (
          <div key={section.id} role="group" aria-label={section.label} className="menu-group">
            <div className="menu-group-label" aria-hidden="true">
              {section.label}
            </div>
            {items}
          </div>
        );
      })}
    </div>
  );
}
