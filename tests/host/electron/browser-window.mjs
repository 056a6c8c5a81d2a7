// BrowserWindow: a Chromium window whose page is the window's webContents. The constructor returns at
// once, as Electron's does; the Chromium window opens in the background and calls wait for it.
import { EventEmitter } from 'node:events';
import { app } from './app.mjs';
import { preventable } from './events.mjs';
import { focus, removeFrom, windows } from './registry.mjs';
import { openWindowPage, setWindowState } from './runtime.mjs';
import { WebContents } from './web-contents.mjs';

/** @typedef {import('electron').BrowserWindowConstructorOptions} WindowOptions */
/** @typedef {import('electron').Rectangle} Rectangle */

let nextWindowId = 1;

export class BrowserWindow extends EventEmitter {
  #visible;
  #minimized = false;
  #maximized = false;
  #fullScreen = false;
  #destroyed = false;
  #title;
  /** @type {Rectangle} */
  #bounds;
  /** @type {Promise<string | null>} the Chromium target, once open */
  #target;

  /** @param {WindowOptions} [options] */
  constructor(options = {}) {
    super();
    if (!app.isReady()) throw new Error('Cannot create BrowserWindow before app is ready');
    this.id = nextWindowId++;
    this.#visible = options.show !== false;
    this.#title = options.title ?? app.getName();
    this.#bounds = {
      x: options.x ?? 0,
      y: options.y ?? 0,
      width: options.width ?? 800,
      height: options.height ?? 600,
    };
    this.webContents = new WebContents(options.webPreferences ?? {}, this);
    windows.push(this);
    if (this.#visible) focus.window = this;
    app.emit('browser-window-created', preventable(), this);
    this.#target = openWindowPage({
      width: this.#bounds.width,
      height: this.#bounds.height,
      show: this.#visible,
    }).then(
      async (link) => {
        await this.webContents._attach(link);
        return link.targetId;
      },
      (error) => {
        console.error(`[host] could not open a Chromium window for BrowserWindow ${this.id}:`, error);
        return null;
      },
    );
  }

  static getAllWindows() {
    return [...windows];
  }

  static getFocusedWindow() {
    const window = focus.window;
    return window && !window.isDestroyed() ? window : null;
  }

  /** @param {WebContents} contents */
  static fromWebContents(contents) {
    return windows.find((window) => window.webContents === contents) ?? null;
  }

  /** @param {number} id */
  static fromId(id) {
    return windows.find((window) => window.id === id) ?? null;
  }

  /** @param {'normal' | 'minimized' | 'maximized' | 'fullscreen'} state */
  #applyState(state) {
    void this.#target.then((targetId) => {
      if (targetId) void setWindowState(targetId, state);
    });
  }

  /** @param {string} url @param {object} [options] */
  loadURL(url, options) {
    return this.webContents.loadURL(url, options);
  }

  /** @param {string} path @param {{ query?: Record<string, string>, search?: string, hash?: string }} [options] */
  loadFile(path, options) {
    return this.webContents.loadFile(path, options);
  }

  reload() {
    this.webContents.reload();
  }

  show() {
    this.#visible = true;
    this.#minimized = false;
    focus.window = this;
    this.#applyState('normal');
    this.webContents.focus();
    this.emit('show');
    this.emit('focus');
  }

  showInactive() {
    this.#visible = true;
    this.#applyState('normal');
    this.emit('show');
  }

  hide() {
    this.#visible = false;
    if (focus.window === this) focus.window = null;
    this.#applyState('minimized');
    this.emit('hide');
  }

  focus() {
    focus.window = this;
    this.webContents.focus();
    this.emit('focus');
  }

  blur() {
    if (focus.window === this) focus.window = null;
    this.emit('blur');
  }

  isVisible() {
    return this.#visible && !this.#minimized;
  }

  isFocused() {
    return focus.window === this;
  }

  minimize() {
    this.#minimized = true;
    this.#applyState('minimized');
    this.emit('minimize');
  }

  restore() {
    this.#minimized = false;
    this.#applyState('normal');
    this.emit('restore');
  }

  isMinimized() {
    return this.#minimized;
  }

  maximize() {
    this.#maximized = true;
    this.#applyState('maximized');
    this.emit('maximize');
  }

  unmaximize() {
    this.#maximized = false;
    this.#applyState('normal');
    this.emit('unmaximize');
  }

  isMaximized() {
    return this.#maximized;
  }

  isNormal() {
    return !this.#minimized && !this.#maximized && !this.#fullScreen;
  }

  /** @param {boolean} flag */
  setFullScreen(flag) {
    this.#fullScreen = flag;
    this.#applyState(flag ? 'fullscreen' : 'normal');
  }

  isFullScreen() {
    return this.#fullScreen;
  }

  /** @param {string} title */
  setTitle(title) {
    this.#title = title;
  }

  getTitle() {
    return this.#title;
  }

  getBounds() {
    return { ...this.#bounds };
  }

  /** @param {Partial<Rectangle>} bounds */
  setBounds(bounds) {
    this.#bounds = { ...this.#bounds, ...bounds };
  }

  getContentBounds() {
    return this.getBounds();
  }

  getSize() {
    return [this.#bounds.width, this.#bounds.height];
  }

  /** @param {number} width @param {number} height */
  setSize(width, height) {
    this.#bounds = { ...this.#bounds, width, height };
  }

  getContentSize() {
    return this.getSize();
  }

  center() {}

  setMinimumSize() {}

  getMinimumSize() {
    return [0, 0];
  }

  setMenu() {}

  removeMenu() {}

  setMenuBarVisibility() {}

  setAutoHideMenuBar() {}

  setProgressBar() {}

  flashFrame() {}

  setBackgroundColor() {}

  setIcon() {}

  getParentWindow() {
    return null;
  }

  getChildWindows() {
    return [];
  }

  isModal() {
    return false;
  }

  isEnabled() {
    return true;
  }

  /** Electron's close(): 'close' may be prevented; otherwise the window goes and 'closed' follows. */
  close() {
    if (this.#destroyed) return;
    const event = preventable();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }

  /** For app.quit(): null when main prevented the close, else resolves once the window is gone. */
  _closeForQuit() {
    const event = preventable();
    this.emit('close', event);
    if (event.defaultPrevented) return null;
    const closed = new Promise((resolve) => this.once('closed', resolve));
    this.destroy();
    return closed;
  }

  destroy() {
    if (this.#destroyed) return;
    this.webContents.close();
    // The page may never have opened: make sure the window ends anyway.
    void this.#target.then((targetId) => {
      if (!targetId) this.webContents._destroyed();
    });
  }

  isDestroyed() {
    return this.#destroyed;
  }

  /** Called by webContents when the page is gone (closed by main, by the user, or crashed away). */
  _onClosed() {
    if (this.#destroyed) return;
    this.#destroyed = true;
    removeFrom(windows, this);
    if (focus.window === this) focus.window = windows.filter((window) => window.isVisible()).at(-1) ?? null;
    this.emit('closed');
    if (windows.length === 0) app._allWindowsClosed();
  }
}
