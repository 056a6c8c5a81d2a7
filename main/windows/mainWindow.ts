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
      // The preload exposes only the typed API of preload/api.ts through contextBridge.
      preload: PRELOAD /* eng-disable PRELOAD_JS_CHECK */,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // Middle-click must not open links in a new window (window.open is denied as well).
      disableBlinkFeatures: 'Auxclick',
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
