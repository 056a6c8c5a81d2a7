// The small modules main might touch in passing: answers that keep code running, nothing more.
import { EventEmitter } from 'node:events';
import { allContents, focus } from './registry.mjs';

const display = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
  size: { width: 1920, height: 1080 },
  workAreaSize: { width: 1920, height: 1040 },
  scaleFactor: 1,
  rotation: 0,
  internal: false,
};

export const screen = Object.assign(new EventEmitter(), {
  getPrimaryDisplay: () => display,
  getAllDisplays: () => [display],
  getDisplayNearestPoint: () => display,
  getDisplayMatching: () => display,
  getCursorScreenPoint: () => ({ x: 0, y: 0 }),
});

export const powerMonitor = Object.assign(new EventEmitter(), {
  getSystemIdleState: () => 'active',
  getSystemIdleTime: () => 0,
  isOnBatteryPower: () => false,
  onBatteryPower: false,
});

export class Notification extends EventEmitter {
  static isSupported() {
    return false;
  }

  show() {}

  close() {}
}

export const globalShortcut = {
  register: () => false,
  registerAll: () => {},
  isRegistered: () => false,
  unregister: () => {},
  unregisterAll: () => {},
};

export const crashReporter = {
  start: () => {},
  getLastCrashReport: () => null,
  getUploadedReports: () => [],
};

export const powerSaveBlocker = { start: () => 0, stop: () => {}, isStarted: () => false };

const emptyImage = {
  isEmpty: () => true,
  toPNG: () => Buffer.alloc(0),
  toDataURL: () => 'data:image/png;base64,',
  getSize: () => ({ width: 0, height: 0 }),
  resize: () => emptyImage,
};

export const nativeImage = {
  createEmpty: () => emptyImage,
  createFromPath: () => emptyImage,
  createFromBuffer: () => emptyImage,
  createFromDataURL: () => emptyImage,
};

export const webContents = {
  getAllWebContents: () => [...allContents],
  /** @param {number} id */
  fromId: (id) => allContents.find((contents) => contents.id === id),
  getFocusedWebContents: () => focus.window?.webContents ?? null,
};
