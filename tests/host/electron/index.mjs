// The stand-in `electron` module for the main process (see ../README.md). Named exports and a default
// export, as out/main may use either `import { app } from 'electron'` or `import electron from 'electron'`.
// The objects are mutable, like Electron's, so tests can replace e.g. dialog.showOpenDialog.
import { app } from './app.mjs';
import { BrowserWindow } from './browser-window.mjs';
import { listenToLauncher } from './control.mjs';
import { dialog } from './dialog.mjs';
import {
  Notification,
  crashReporter,
  globalShortcut,
  nativeImage,
  powerMonitor,
  powerSaveBlocker,
  screen,
  webContents,
} from './extras.mjs';
import { ipcMain } from './ipc-main.mjs';
import { Menu, MenuItem } from './menu.mjs';
import { nativeTheme } from './native-theme.mjs';
import { net, protocol } from './protocol.mjs';
import { session } from './session.mjs';
import { shell } from './shell.mjs';

export {
  BrowserWindow,
  Menu,
  MenuItem,
  Notification,
  app,
  crashReporter,
  dialog,
  globalShortcut,
  ipcMain,
  nativeImage,
  nativeTheme,
  net,
  powerMonitor,
  powerSaveBlocker,
  protocol,
  screen,
  session,
  shell,
  webContents,
};

const electron = {
  BrowserWindow,
  Menu,
  MenuItem,
  Notification,
  app,
  crashReporter,
  dialog,
  globalShortcut,
  ipcMain,
  nativeImage,
  nativeTheme,
  net,
  powerMonitor,
  powerSaveBlocker,
  protocol,
  screen,
  session,
  shell,
  webContents,
};

listenToLauncher(electron);

export default electron;
