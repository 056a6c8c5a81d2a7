import type { DragEventHandler, ReactNode } from 'react';
import './library.css';

/** One of an item's own buttons, shown beside it on hover or focus: rename, share, export, delete. */
export interface SidebarItemTool {
  id: string;
  /** Its accessible name and tooltip (it shows an icon only). */
  label: string;
  icon: ReactNode;
  run: () => void;
}

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
  tools: readonly SidebarItemTool[];
  /** A drop target (a collection) is highlighted while bulletins are dragged over it. */
  dropTarget?: boolean;
  onDragOver?: DragEventHandler;
  onDragLeave?: DragEventHandler;
  onDrop?: DragEventHandler;
}

/** A view in the sidebar that the user made (a collection, a saved search), with its own buttons. */
export function SidebarItem({
  focusKey,
  current,
  onSelect,
  icon,
  children,
  tools,
  ...props
}: SidebarItemProps) {
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
      >
        {icon}
        {children}
      </button>
      <span className="collection-tools">
        {tools.map((tool) => (
          <button
            key={tool.id}
            type="button"
            className="icon-button"
            aria-label={tool.label}
            title={tool.label}
            onClick={tool.run}
          >
            {tool.icon}
          </button>
        ))}
      </span>
    </li>
  );
}
