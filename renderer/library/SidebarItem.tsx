import { useRef, type DragEventHandler, type ReactNode } from 'react';
import { MoreIcon } from '../icons/Icons';
import type { MenuAction } from '../menus/menuActions';
import { MenuButton, type MenuOpener } from '../menus/MenuButton';
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
  const menu = useRef<MenuOpener>(null);
  const openMenu = (event: { preventDefault(): void }) => {
    event.preventDefault();
    menu.current?.open();
  };
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
        onContextMenu={openMenu}
        onKeyDown={(event) => {
          if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) openMenu(event);
        }}
      >
        {icon}
        {children}
      </button>
      <MenuButton
        ref={menu}
        className="collection-actions"
        icon={<MoreIcon />}
        label={actionsLabel}
        sections={[{ id: 'item', actions }]}
      />
    </li>
  );
}
