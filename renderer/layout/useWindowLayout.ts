import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MenuCommand } from '../../preload/contract';
import { DEFAULT_WINDOW_LAYOUT, type WindowLayout } from '../../preload/windowLayout';
import { bridge } from '../bridge/bridge';
import { useMenuCommands } from '../commands/useMenuCommands';
import { shownListWidth, shownSidebarWidth } from './paneWidths';
import { changedTextSize, textSizeChangeOf, type TextSizeChange } from './textSize';
import { useElementWidth } from './useElementWidth';
import { useNarrowWindow } from './useNarrowWindow';

/** View › Larger Text, Smaller Text, Actual Size: the menu's commands this hook answers. */
export const TEXT_SIZE_MENU_COMMANDS = [
  'text-larger',
  'text-smaller',
  'text-reset',
] as const satisfies readonly MenuCommand[];

/** A drag or a run of Ctrl/Cmd+Plus is saved once, this long after it stops. */
const SAVE_DELAY_MS = 400;

/**
 * The window's layout: the text size of the list and the reader (keys, View menu), the list's and
 * the sidebar's widths (their splitters), and whether the sidebar is docked. Loaded from main at
 * start (before the library has opened), applied at once, and saved a moment after each change;
 * a failed save is reported, and the layout stays as the user set it in this window.
 */
export function useWindowLayout(feedback: {
  announce: (message: string) => void;
  onError: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const [layout, setLayout] = useState<WindowLayout>(DEFAULT_WINDOW_LAYOUT);
  /** Whether the user has changed it in this window (then it is theirs, not the file's). */
  const changed = useRef(false);
  const panes = useElementWidth<HTMLElement>();
  const narrow = useNarrowWindow();
  const { announce, onError } = feedback;

  const loaded = useEffectEvent((saved: WindowLayout) => {
    // A change made while it loaded (a quick Ctrl+Plus) wins over what was saved before.
    if (!changed.current) setLayout(saved);
  });
  const failed = useEffectEvent((error: unknown) => onError(error));
  useEffect(() => {
    void bridge().windowLayout().then(loaded, failed);
  }, []);

  useEffect(() => {
    if (!changed.current) return;
    const timer = setTimeout(() => void bridge().saveWindowLayout(layout).catch(failed), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [layout]);

  const change = useCallback((update: (current: WindowLayout) => WindowLayout) => {
    changed.current = true;
    setLayout(update);
  }, []);

  const changeTextSize = useCallback(
    (how: TextSizeChange) =>
      change((current) => ({ ...current, textSize: changedTextSize(current.textSize, how) })),
    [change],
  );
  useMenuCommands(TEXT_SIZE_MENU_COMMANDS, {
    'text-larger': () => changeTextSize('larger'),
    'text-smaller': () => changeTextSize('smaller'),
    'text-reset': () => changeTextSize('reset'),
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const how = textSizeChangeOf(event);
      if (!how || event.defaultPrevented) return;
      event.preventDefault();
      changeTextSize(how);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [changeTextSize]);

  // One variable the list's and the reader's font sizes are multiplied by (theme.css); a screen
  // reader hears the new size, as the eye sees it.
  const told = useEffectEvent((percent: number) => {
    if (changed.current) announce(t('layout.textSizeNow', { percent }));
  });
  useEffect(() => {
    document.documentElement.style.setProperty('--text-scale', String(layout.textSize / 100));
    told(layout.textSize);
  }, [layout.textSize]);

  return {
    textSize: layout.textSize,
    /** Whether the sidebar opens over the panes from a button (a narrow window). */
    narrow,
    /** The callback ref of the list, the splitter and the reader: the list leaves the reader its room. */
    measurePanes: panes.measure,
    list: {
      ...shownListWidth(layout.listWidth, panes.width),
      label: t('list.resizeLabel'),
      onResize: (listWidth: number) => change((current) => ({ ...current, listWidth })),
    },
    sidebar: {
      ...shownSidebarWidth(layout.sidebarWidth),
      label: t('layout.resizeSidebar'),
      onResize: (sidebarWidth: number) => change((current) => ({ ...current, sidebarWidth })),
    },
  };
}

export type WindowLayoutState = ReturnType<typeof useWindowLayout>;
