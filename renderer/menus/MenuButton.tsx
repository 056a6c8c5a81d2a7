import { useCallback, useImperativeHandle, useRef, useState, type ReactNode, type Ref } from 'react';
import type { MenuSection } from './menuActions';
import { MenuList } from './MenuList';

/** Opens the menu from elsewhere: an item's context menu (right-click, the Menu key, Shift+F10). */
export interface MenuOpener {
  open(): void;
}

interface MenuButtonProps {
  /** The button's text, and the menu's name; with `icon`, the button's accessible name and tooltip. */
  label: string;
  sections: readonly MenuSection[];
  disabled?: boolean;
  /** An icon button ("⋯") instead of a text one. */
  icon?: ReactNode;
  /** More classes on the anchor that holds the button and its menu. */
  className?: string;
  ref?: Ref<MenuOpener>;
}

/**
 * A button that opens a keyboard menu under it ("More…", an item's "⋯"), or above it when there
 * is no room below (MenuList); Down or Enter opens it too.
 */
export function MenuButton({ label, sections, disabled, icon, className, ref }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useImperativeHandle(ref, () => ({ open: () => setOpen(true) }), []);
  const close = useCallback((chosen: boolean) => {
    setOpen(false);
    // After a choice the action decides where focus goes (a dialog, say); otherwise back here.
    if (!chosen) button.current?.focus();
  }, []);
  return (
    <div className={className ? `menu-anchor ${className}` : 'menu-anchor'}>
      <button
        ref={button}
        type="button"
        className={icon ? 'icon-button' : 'button'}
        disabled={disabled}
        aria-label={icon ? label : undefined}
        title={icon ? label : undefined}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown') return;
          event.preventDefault();
          setOpen(true);
        }}
      >
        {icon ?? label}
      </button>
      {open && <MenuList label={label} sections={sections} onClose={close} opener={button} />}
    </div>
  );
}
