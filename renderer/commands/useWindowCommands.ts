import type { MenuCommand } from '../../preload/contract';
import { useMenuCommands } from './useMenuCommands';
import { useShortcuts, type ShortcutActions } from './useShortcuts';

/** What the window does when asked from its menu or its keys. */
export interface WindowCommands extends ShortcutActions {
  exportShown: () => void;
  shareShown: () => void;
  openSettings: () => void;
  markAllRead: () => void;
  selectAll: () => void;
  saveSearch: () => void;
  /** View › Keep Offline: the selection, else the open bulletin. */
  keepOffline: () => void;
  /** Help › Keyboard Shortcuts (and the ? key): the shortcut reference. */
  showShortcuts: () => void;
}

/** The menu's commands the window answers here; the text size's are useWindowLayout's. */
export const WINDOW_MENU_COMMANDS = [
  'find',
  'toggle-bookmark',
  'toggle-read',
  'delete',
  'export',
  'share',
  'settings',
  'mark-all-read',
  'select-all',
  'save-search',
  'keep-offline',
  'keyboard-shortcuts',
] as const satisfies readonly MenuCommand[];

/** Wires the window's commands to the menu (Edit › Find, View › Toggle Bookmark…) and to the keys. */
export function useWindowCommands(commands: WindowCommands) {
  useMenuCommands(WINDOW_MENU_COMMANDS, {
    find: commands.focusSearch,
    'toggle-bookmark': commands.toggleBookmark,
    'toggle-read': commands.toggleRead,
    delete: commands.deleteOpen,
    export: commands.exportShown,
    share: commands.shareShown,
    settings: commands.openSettings,
    'mark-all-read': commands.markAllRead,
    'select-all': commands.selectAll,
    'save-search': commands.saveSearch,
    'keep-offline': commands.keepOffline,
    'keyboard-shortcuts': commands.showShortcuts,
  });
  useShortcuts(commands);
}
