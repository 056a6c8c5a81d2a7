import { useEffect, useId, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { View } from '../../preload/contract';
import { SidebarIcon } from '../icons/Icons';
import { useCloseOnOutsidePointer } from '../overlays/useCloseOnOutsidePointer';
import { PaneSplitter } from './PaneSplitter';
import type { WindowLayoutState } from './useWindowLayout';
import './layout.css';

export type SidebarLayout = Pick<WindowLayoutState, 'narrow' | 'sidebar'>;

interface SidebarDockProps {
  layout: SidebarLayout;
  /** The view shown: choosing another one in the opened sidebar closes it. */
  view: View;
  /** The sidebar itself. */
  children: ReactNode;
}

/**
 * Where the sidebar lives. In a wide window it is docked at the inline start with a splitter; in a
 * narrow one (useNarrowWindow) a rail keeps only a button, which opens it over the panes. Open, it
 * takes the focus (on the view shown); Escape, the button, a click outside or choosing a view
 * closes it and gives the focus back to the button. It stays mounted when closed, so a collection
 * name being typed or a subscription being added is not lost.
 */
export function SidebarDock({ layout, view, children }: SidebarDockProps) {
  const { t } = useTranslation();
  const { narrow, sidebar } = layout;
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const dock = useRef<HTMLElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const overlaid = narrow && open;
  // (Opened, then the window widened: docked, and `open` is ignored until it narrows again.)

  // Opened: into the sidebar, on the view shown (else its first control).
  useEffect(() => {
    if (!overlaid) return;
    const panel = dock.current?.querySelector<HTMLElement>(`[id="${panelId}"]`);
    const target =
      panel?.querySelector<HTMLElement>('[aria-current="page"]') ??
      panel?.querySelector<HTMLElement>('button, input, a[href]');
    target?.focus();
  }, [overlaid, panelId]);

  useCloseOnOutsidePointer([dock], overlaid, () => setOpen(false));

  // Another view chosen in it: the user has what they opened it for.
  const [viewWhenOpened, setViewWhenOpened] = useState(view);
  if (view !== viewWhenOpened) {
    setViewWhenOpened(view);
    setOpen(false);
  }

  // Closed with the focus inside (now hidden): back to the button, not lost to the page.
  const wasOverlaid = useRef(false);
  useEffect(() => {
    const closed = wasOverlaid.current && !overlaid;
    wasOverlaid.current = overlaid;
    const focus = document.activeElement;
    const lost =
      focus === null || focus === document.body || !!dock.current?.querySelector('[hidden]')?.contains(focus);
    if (closed && lost) toggle.current?.focus();
  }, [overlaid]);

  // Escape closes it wherever the focus is: a control that was pressed and then disabled (Refresh)
  // leaves the focus on the page, not in the sidebar. Captured, so the window's own Escape (back
  // to the list, selection dropped) sees it handled and does nothing.
  useEffect(() => {
    if (!overlaid) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      // A dialog opened from the sidebar (a confirmation), or an item's menu, has its own Escape:
      // it closes that, and the sidebar stays open around it.
      if (event.target instanceof Element && event.target.closest('dialog, [role="menu"]')) return;
      event.preventDefault();
      setOpen(false);
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [overlaid]);

  const state = !narrow ? 'docked' : open ? 'open' : 'closed';
  return (
    // The Library landmark holds the sidebar, its splitter and, in a narrow window, its button.
    <nav
      ref={dock}
      aria-label={t('sidebar.label')}
      className="sidebar-dock"
      data-state={state}
      style={{ '--sidebar-inline-size': `${sidebar.width}px` } as CSSProperties}
    >
      {narrow && (
        <div className="sidebar-rail">
          {/* The window's title is the sidebar's heading: while it is folded, the rail holds it. */}
          {!open && <h1 className="visually-hidden">{t('app.title')}</h1>}
          <button
            ref={toggle}
            type="button"
            className="icon-button sidebar-toggle"
            aria-label={t('sidebar.label')}
            title={t('layout.showSidebar')}
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpen(!open)}
          >
            <SidebarIcon />
          </button>
        </div>
      )}
      <div id={panelId} className="sidebar-panel" hidden={narrow && !open}>
        {children}
      </div>
      {!narrow && <PaneSplitter {...sidebar} />}
    </nav>
  );
}
