import { fileURLToPath } from 'node:url';
import { BrowserWindow, nativeTheme } from 'electron';
import type { Topics } from '../../preload/contract';
import { eventChannel } from '../../preload/channels';
import { APP_ENTRY } from './appProtocol';

const PRELOAD = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Bulletin Reader',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1b1d21' : '#ffffff',
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY);
  return window;
}

/** Pushes an event to every window's renderer (see `subscribe` in the preload). */
export function broadcast<K extends keyof Topics>(topic: K, payload: Topics[K]): void {
  for (const window of BrowserWindow.getAllWindows()) {
    if (!window.isDestroyed()) window.webContents.send(eventChannel(topic), payload);
  }
}
