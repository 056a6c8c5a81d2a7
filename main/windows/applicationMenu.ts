import { Menu, app, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../preload/contract';
import { t } from '../i18n';
import { broadcast } from './mainWindow';

export interface MenuActions {
  importFiles(): void;
  backUpLibrary(): void;
  restoreLibrary(): void;
  mergeLibrary(): void;
  undoMerge(): void;
  exportSubscriptions(): void;
}

/**
 * Menu ids are stable so tests and scripts can click items (getMenuItemById). Role items carry
 * our own labels: Electron's are in the language the app started in, and stay so after
 * Settings › Language changes it (the menu is then built again, see main/index.ts).
 */
export function installApplicationMenu(actions: MenuActions): void {
  const command = (name: MenuCommand) => () => broadcast('menu:command', name);
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    {
      label: t('menu.file'),
      submenu: [
        {
          id: 'file-import',
          label: t('menu.import'),
          accelerator: 'CmdOrCtrl+O',
          click: () => actions.importFiles(),
        },
        { id: 'file-export', label: t('menu.export'), accelerator: 'CmdOrCtrl+E', click: command('export') },
        { id: 'file-share', label: t('menu.share'), click: command('share') },
        {
          id: 'file-export-subscriptions',
          label: t('menu.exportSubscriptions'),
          click: () => actions.exportSubscriptions(),
        },
        { type: 'separator' },
        // In File on every platform, so the refusal of a large import can point at one place.
        {
          id: 'file-settings',
          label: t('menu.settings'),
          accelerator: 'CmdOrCtrl+,',
          click: command('settings'),
        },
        { type: 'separator' },
        { id: 'file-backup', label: t('menu.backup'), click: () => actions.backUpLibrary() },
        { id: 'file-restore', label: t('menu.restore'), click: () => actions.restoreLibrary() },
        { id: 'file-merge-library', label: t('menu.mergeLibrary'), click: () => actions.mergeLibrary() },
        { id: 'file-undo-merge', label: t('menu.undoMerge'), click: () => actions.undoMerge() },
        { type: 'separator' },
        process.platform === 'darwin'
          ? { role: 'close', label: t('menu.close') }
          : { role: 'quit', label: t('menu.quit') },
      ],
    },
    {
      label: t('menu.edit'),
      submenu: [
        { role: 'undo', label: t('menu.undo') },
        { role: 'redo', label: t('menu.redo') },
        { type: 'separator' },
        { role: 'cut', label: t('menu.cut') },
        { role: 'copy', label: t('menu.copy') },
        { role: 'paste', label: t('menu.paste') },
        { role: 'selectAll', label: t('menu.selectAll') },
        // Ctrl/Cmd+A in the list does the same; this is the way there without the keyboard.
        {
          id: 'edit-select-all-bulletins',
          label: t('menu.selectAllBulletins'),
          accelerator: 'CmdOrCtrl+Shift+A',
          click: command('select-all'),
        },
        { type: 'separator' },
        { id: 'edit-find', label: t('menu.find'), accelerator: 'CmdOrCtrl+F', click: command('find') },
        { id: 'edit-save-search', label: t('menu.saveSearch'), click: command('save-search') },
      ],
    },
    {
      label: t('menu.view'),
      submenu: [
        {
          id: 'view-toggle-bookmark',
          label: t('menu.toggleBookmark'),
          accelerator: 'CmdOrCtrl+D',
          click: command('toggle-bookmark'),
        },
        { id: 'view-mark-all-read', label: t('menu.markAllRead'), click: command('mark-all-read') },
        // No accelerators: M and Delete work in the window, and a menu's Delete would take the key from text fields.
        { id: 'view-toggle-read', label: t('menu.toggleRead'), click: command('toggle-read') },
        // The selected bulletins, or the open one.
        { id: 'view-keep-offline', label: t('menu.keepOffline'), click: command('keep-offline') },
        { id: 'view-delete', label: t('menu.delete'), click: command('delete') },
        { type: 'separator' },
        // The list's and the reader's text, remembered (renderer/layout). The window handles the
        // keys itself, by the character typed, so Ctrl+= and Ctrl+Shift+= (and the keypad's + and −)
        // work on every keyboard layout; the menu shows the keys without registering them twice.
        ...textSizeItems(command),
        { type: 'separator' },
        { role: 'togglefullscreen', label: t('menu.fullScreen') },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools', label: t('menu.devTools') } as const]),
      ],
    },
    {
      label: t('menu.window'),
      role: 'windowMenu',
      submenu: [
        { role: 'minimize', label: t('menu.minimize') },
        { role: 'zoom', label: t('menu.zoom') },
        { role: 'close', label: t('menu.closeWindow') },
      ],
    },
    {
      label: t('menu.help'),
      role: 'help',
      submenu: [
        // No accelerator: `?` is handled in the window, where it is text inside a field.
        { id: 'help-shortcuts', label: t('menu.keyboardShortcuts'), click: command('keyboard-shortcuts') },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function textSizeItems(command: (name: MenuCommand) => () => void): MenuItemConstructorOptions[] {
  const item = (id: string, name: MenuCommand, label: string, accelerator: string) => ({
    id,
    label: t(label),
    accelerator,
    registerAccelerator: false,
    click: command(name),
  });
  return [
    item('view-text-larger', 'text-larger', 'menu.textLarger', 'CmdOrCtrl+Plus'),
    item('view-text-smaller', 'text-smaller', 'menu.textSmaller', 'CmdOrCtrl+-'),
    item('view-text-reset', 'text-reset', 'menu.textReset', 'CmdOrCtrl+0'),
  ];
}
