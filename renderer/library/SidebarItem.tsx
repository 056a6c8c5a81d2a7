import { useCallback, useRef, useState, type DragEventHandler, type ReactNode } from 'react';
import { MoreIcon } from '../icons/Icons';
import type { MenuAction } from '../menus/menuActions';
import { MenuList } from '../menus/MenuList';
import './library.css';

interface SidebarItemProps {
  /** The button's `data-focus-key`, where the focus returns after a name form (useFocusReturn). */
  focusKey: string;
  /** The list shows this item's view (aria-current). */
  current: boolean;
  onSelect: () => void;
  icon: ReactNode;
  /** What the button shows: the name and its counts. */
  children: ReactNode;
  /** The button's accessible name, when what it shows says less (counts shown as bare digits). */
  label?: string;
  title?: string;
  /** What the item's menu offers (rename, keep offline, export, share, delete), and the menu's name. */
  actions: readonly MenuAction[];
  actionsLabel: string;
  /** A drop target (a collection) is highlighted while bulletins are dragged over it. */
  dropTarget?: boolean;
  onDragOver?: DragEventHandler;
  onDragLeave?: DragEventHandler;
  onDrop?: DragEventHandler;
}

/**
 * A view in the sidebar that the user made (a collection, a saved search), with its actions in
 * a menu: the "⋯" button beside it, or the item's context menu (right-click, the Menu key,
 * Shift+F10). One button at the row's end fits the sidebar's width where a button per action did
 * not, and nothing is clickable while unseen.
 */
export function SidebarItem({
  focusKey,
  current,
  onSelect,
  icon,
  children,
  actions,
  actionsLabel,
  ...props
}: SidebarItemProps) {
  const [menuOpen, setMenuOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const close = useCallback((chosen: boolean) => {
    setMenuOpen(false);
    // After a choice the action decides where focus goes (a name form, a dialog); otherwise back.
    if (!chosen) opener.current?.focus();
  }, []);
  return (
    <li
      className={props.dropTarget ? 'collection collection--drop' : 'collection'}
      onDragOver={props.onDragOver}
      onDragLeave={props.onDragLeave}
      onDrop={props.onDrop}
    >
      <button
        type="button"
        className="sidebar-view"
        data-focus-key={focusKey}
        aria-current={current ? 'page' : undefined}
        aria-label={props.label}
        title={props.title}
        onClick={onSelect}
        onContextMenu={(event) => {
          event.preventDefault();
          setMenuOpen(true);
        }}
        onKeyDown={(event) => {
          if (event.key !== 'ContextMenu' && !(event.key === 'F10' && event.shiftKey)) return;
          event.preventDefault();
          setMenuOpen(true);
        }}
      >
        {icon}
        {children}
      </button>
      <span className="menu-anchor collection-actions">
        <button
          ref={opener}
          type="button"
          className="icon-button"
          aria-label={actionsLabel}
          title={actionsLabel}
          aria-haspopup="menu"
          aria-expanded={menuOpen}
          onClick={() => setMenuOpen((open) => !open)}
          onKeyDown={(event) => {
            if (event.key !== 'ArrowDown') return;
            event.preventDefault();
            setMenuOpen(true);
          }}
        >
          <MoreIcon />
        </button>
        {menuOpen && (
          <MenuList
            label={actionsLabel}
            sections={[{ id: 'item', actions }]}
            onClose={close}
            opener={opener}
          />
        )}
      </span>
    </li>
  );
}
