import { useCallback, useRef, useState } from 'react';
import type { MenuSection } from './menuActions';
import { MenuList } from './MenuList';

interface MenuButtonProps {
  label: string;
  sections: readonly MenuSection[];
  disabled?: boolean;
}

/** A button that opens a keyboard menu under it ("More…"); Down or Enter opens it too. */
export function MenuButton({ label, sections, disabled }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback((chosen: boolean) => {
    setOpen(false);
    // After a choice the action decides where focus goes (a dialog, say); otherwise back here.
    if (!chosen) button.current?.focus();
  }, []);
  return (
    <div className="menu-anchor">
      <button
        ref={button}
        type="button"
        className="button"
        disabled={disabled}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown') return;
          event.preventDefault();
          setOpen(true);
        }}
      >
        {label}
      </button>
      {open && <MenuList label={label} sections={sections} onClose={close} opener={button} />}
    </div>
  );
}
