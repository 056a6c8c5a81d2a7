// webContents: one Chromium page. Carries IPC between the page's isolated world (page-scripts.mjs) and
// ipcMain, reports the page's life as Electron's events, and prints with Chromium's own printToPDF.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { app } from './app.mjs';
import { config, debugLog, tellLauncher } from './config.mjs';
import { preventable } from './events.mjs';
import { invokeHandlers, ipcMain } from './ipc-main.mjs';
import { countIpc } from './records.mjs';
import { runAccelerator } from './menu.mjs';
import { applyColorScheme } from './native-theme.mjs';
import { pageScripts } from './page-scripts.mjs';
import { originOf, toAppUrl, toBrowserUrl } from './protocol.mjs';
import { allContents, contentsByPage, contentsByTarget, focus, removeFrom } from './registry.mjs';
import { session } from './session.mjs';

/** @typedef {import('./browser-window.mjs').BrowserWindow} BrowserWindow */
/** @typedef {import('./runtime.mjs').WindowPage} WindowPage */
/** @typedef {import('electron').WebPreferences} WebPreferences */
/** @typedef {(details: { url: string, frameName: string, features: string, disposition: string, referrer: { url: string, policy: string } }) => { action: 'allow' | 'deny' }} WindowOpenHandler */

const BINDING = '__electronStandInToMain';
const WORLD = 'electron-standin-preload';
const BRIDGE_EVENTS = { toMain: 'electron-standin:to-main', toIsolated: 'electron-standin:to-isolated' };

let nextContentsId = 1;

/** Electron 45's defaults for the preferences that matter to security (getLastWebPreferences reports them). */
const DEFAULT_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  javascript: true,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: true,
  devTools: true,
};

/** What the host can play: an isolated, sandboxed page without Node. Anything else it says so. */
const UNSUPPORTED = /** @type {const} */ ([
  ['contextIsolation', false],
  ['sandbox', false],
  ['nodeIntegration', true],
  ['nodeIntegrationInSubFrames', true],
  ['webSecurity', false],
]);

/** Electron's paper sizes in inches (width × height). */
const PAGE_SIZES = /** @type {Record<string, [number, number]>} */ ({
  Letter: [8.5, 11],
  Legal: [8.5, 14],
  Tabloid: [11, 17],
  Ledger: [17, 11],
  A0: [33.1, 46.8],
  A1: [23.4, 33.1],
  A2: [16.54, 23.4],
  A3: [11.7, 16.54],
  A4: [8.27, 11.7],
  A5: [5.83, 8.27],
  A6: [4.13, 5.83],
});

/**
 * @param {unknown} value
 * @returns {string | undefined} JSON as Electron's structured clone would let it through
 */
function toWire(value) {
  structuredClone(value);
  return JSON.stringify(value);
}

export class WebContents extends EventEmitter {
  /** @type {WindowPage | null} */
  #link = null;
  /** @type {Promise<WindowPage>} */
  #linked;
  /** @type {(link: WindowPage) => void} */
  #resolveLink = () => {};
  #destroyed = false;
  /** Execution context of the preload world in the current document (set by its hello). */
  #isolatedContext = 0;
  /** Browser URLs main itself asked to load: Electron emits no will-navigate for those. */
  #programmatic = new Set();
  #title = '';
  #reported = false;
  #zoomFactor = 1;
  /** @type {BrowserWindow | null} */
  #owner;
  /** @type {WebPreferences} */
  #preferences;

  /** @type {WindowOpenHandler | null} */
  _windowOpenHandler = null;

  /**
   * @param {WebPreferences} preferences
   * @param {BrowserWindow | null} owner
   */
  constructor(preferences, owner) {
    super();
    this.id = nextContentsId++;
    this.session = session.defaultSession;
    this.#preferences = { ...DEFAULT_PREFERENCES, ...preferences };
    for (const [name, value] of UNSUPPORTED) {
      if (this.#preferences[name] === value) {
        console.error(
          `[host] webPreferences.${name} = ${value} is not emulated: tests/host always runs pages isolated, sandboxed, without Node and with web security.`,
        );
      }
    }
    this.#owner = owner;
    this.#linked = new Promise((resolve) => (this.#resolveLink = resolve));
    allContents.push(this);
    // Before the page exists, so main's security hooks see every navigation (as in Electron).
    app.emit('web-contents-created', preventable(), this);
  }

  /** @returns {string | null} the Chromium target playing this webContents */
  _targetId() {
    return this.#link?.targetId ?? null;
  }

  /** @returns {number | null} */
  _ownerId() {
    return this.#owner?.id ?? null;
  }

  /**
   * Connects this webContents to its Chromium page (runtime.openWindowPage).
   * @param {WindowPage} link
   */
  async _attach(link) {
    const { page, cdp, targetId } = link;
    contentsByPage.set(page, this);
    contentsByTarget.set(targetId, this);
    cdp.on('Runtime.bindingCalled', (event) => {
      if (event.name === BINDING) void this.#onMessage(event.payload, event.executionContextId);
    });
    await cdp.send('Page.enable');
    await cdp.send('Runtime.enable');
    await cdp.send('Runtime.addBinding', { name: BINDING, executionContextName: WORLD });
    const preloadPath = this.#preferences.preload ?? null;
    const scripts = pageScripts(
      {
        binding: BINDING,
        names: BRIDGE_EVENTS,
        preloadPath,
        platform: process.platform,
        arch: process.arch,
        versions: { chrome: '', electron: '', node: process.versions.node },
      },
      preloadPath ? readFileSync(preloadPath, 'utf8') : null,
    );
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: scripts.mainWorld });
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', {
      source: scripts.isolatedWorld,
      worldName: WORLD,
    });
    if (scripts.preload)
      await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: scripts.preload, worldName: WORLD });
    await applyColorScheme(page);

    let loadedOnce = false;
    page.on('domcontentloaded', () => {
      this.emit('dom-ready', preventable());
      if (!loadedOnce) {
        loadedOnce = true;
        this.#owner?.emit('ready-to-show', preventable());
      }
    });
    page.on('load', () => {
      void page.title().then(
        (title) => (this.#title = title),
        () => {},
      );
      this.emit('did-finish-load', preventable());
    });
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame() || frame.url() === 'about:blank') return;
      // A navigation to another process restores every CDP client's emulation state, the launcher's
      // "no override" included, in an order of Chromium's choosing: say main's theme again after it.
      void applyColorScheme(page);
      this.emit('did-navigate', preventable(), toAppUrl(frame.url()), 200, 'OK');
      if (!this.#reported) {
        this.#reported = true;
        tellLauncher({ type: 'window', targetId });
      }
    });
    page.on('crash', () =>
      this.emit('render-process-gone', preventable(), { reason: 'crashed', exitCode: 0 }),
    );
    page.on('close', () => this._destroyed());
    page.on('console', (message) => {
      const levels = /** @type {Record<string, string>} */ ({
        error: 'error',
        warning: 'warning',
        debug: 'debug',
      });
      const level = levels[message.type()] ?? 'info';
      this.emit(
        'console-message',
        preventable({ level, message: message.text(), lineNumber: 0, sourceId: '' }),
      );
      if (config.debug || level === 'error')
        console.error(`[window ${this.id} console.${message.type()}] ${message.text()}`);
    });
    page.on('pageerror', (error) =>
      console.error(`[window ${this.id} error] ${error.stack ?? error.message}`),
    );

    this.#link = link;
    this.#resolveLink(link);
  }

  /**
   * A message from the page's preload world.
   * @param {string} payload
   * @param {number} contextId
   */
  async #onMessage(payload, contextId) {
    /** @type {{ t: string, id?: number, channel?: string, args?: unknown[], url: string, message?: string } & Record<string, unknown>} */
    const message = JSON.parse(payload);
    if (message.t === 'hello') {
      this.#isolatedContext = contextId;
    } else if (message.t === 'invoke') {
      const reply = await this.#invoke(String(message.channel), message.args ?? [], message.url);
      const wire = JSON.stringify({ id: message.id, ...reply });
      countIpc(String(message.channel), payload.length + wire.length);
      await this.#evaluateInPreloadWorld(contextId, `reply(${JSON.stringify(wire)})`);
    } else if (message.t === 'send') {
      const event = Object.assign(this.#ipcEvent(message.url), {
        returnValue: undefined,
        ports: [],
        /** @param {string} channel @param {...unknown} args */
        reply: (channel, ...args) => this.send(channel, ...args),
      });
      ipcMain.emit(String(message.channel), event, ...(message.args ?? []));
    } else if (message.t === 'key') {
      if (this.#owner) focus.window = this.#owner;
      runAccelerator(
        /** @type {import('./menu.mjs').KeyPress} */ (/** @type {unknown} */ (message)),
        this.#owner,
      );
    } else if (message.t === 'preload-error') {
      console.error(`[host] the preload failed in window ${this.id}: ${message.message}`);
    }
  }

  /**
   * Runs the handler main registered for the channel, as ipcMain.handle would.
   * @param {string} channel
   * @param {unknown[]} args
   * @param {string} url
   * @returns {Promise<{ ok: true, value?: unknown } | { ok: false, error: string }>}
   */
  async #invoke(channel, args, url) {
    const handler = invokeHandlers.get(channel);
    const failed = (/** @type {string} */ reason) => ({
      ok: /** @type {const} */ (false),
      error: `Error invoking remote method '${channel}': ${reason}`,
    });
    if (!handler) return failed(`Error: No handler registered for '${channel}'`);
    try {
      const value = await handler(this.#ipcEvent(url), ...args);
      const wire = toWire(value);
      return wire === undefined ? { ok: true } : { ok: true, value: JSON.parse(wire) };
    } catch (error) {
      return failed(String(error));
    }
  }

  /**
   * The event ipcMain handlers receive: sender, and senderFrame under its app:// URL.
   * @param {string} browserUrl  location.href in the page when it called
   */
  #ipcEvent(browserUrl) {
    const frame = this.#frame(browserUrl);
    return Object.assign(preventable(), {
      type: 'frame',
      sender: this,
      senderFrame: frame,
      frameId: frame.routingId,
      processId: frame.processId,
    });
  }

  /** @param {string} browserUrl */
  #frame(browserUrl) {
    const url = toAppUrl(browserUrl);
    const frame = {
      url,
      origin: originOf(url),
      name: '',
      /** @type {null} */
      parent: null,
      /** @type {object | null} */
      top: null,
      frameTreeNodeId: 1,
      routingId: 1,
      processId: this.id,
      osProcessId: this.id,
      detached: false,
      visibilityState: 'visible',
      /** @type {object[]} */
      frames: [],
      /** @type {object[]} */
      framesInSubtree: [],
      isDestroyed: () => this.#destroyed,
      /** @param {string} code */
      executeJavaScript: (code) => this.executeJavaScript(code),
      /** @param {string} channel @param {...unknown} args */
      send: (channel, ...args) => this.send(channel, ...args),
    };
    frame.top = frame;
    frame.framesInSubtree = [frame];
    return frame;
  }

  get mainFrame() {
    return this.#frame(this.#link?.page.url() ?? 'about:blank');
  }

  /**
   * @param {number} contextId
   * @param {string} call  a call on the preload world's __electronStandIn
   */
  async #evaluateInPreloadWorld(contextId, call) {
    try {
      await this.#link?.cdp.send('Runtime.evaluate', {
        expression: `globalThis.__electronStandIn?.${call}`,
        contextId,
      });
    } catch (error) {
      // The document went away (reload, close) before the answer arrived: Electron drops it too.
      debugLog('could not reach the page:', error);
    }
  }

  /**
   * Main → renderer: delivered to ipcRenderer.on listeners as (event, ...args).
   * @param {string} channel
   * @param {...unknown} args
   */
  send(channel, ...args) {
    if (this.#destroyed) throw new Error('Object has been destroyed');
    const wire = toWire({ channel, args });
    if (!this.#isolatedContext || wire === undefined) return;
    countIpc(channel, wire.length);
    void this.#evaluateInPreloadWorld(this.#isolatedContext, `deliver(${JSON.stringify(wire)})`);
  }

  /**
   * Whether a main-frame navigation to this browser URL was started by the page (will-navigate applies).
   * @param {string} browserUrl
   */
  _isRendererNavigation(browserUrl) {
    if (this.#programmatic.delete(browserUrl)) return false;
    // A reload of the same document is not a navigation away.
    return browserUrl !== this.#link?.page.url();
  }

  /** @param {string} url  @param {object} [options] */
  async loadURL(url, options) {
    void options;
    const { page } = await this.#linked;
    const target = toBrowserUrl(url);
    this.#programmatic.add(target);
    try {
      await page.goto(target, { waitUntil: 'load', timeout: 0 });
    } finally {
      this.#programmatic.delete(target);
    }
  }

  /** @param {string} path @param {{ query?: Record<string, string>, search?: string, hash?: string }} [options] */
  loadFile(path, options = {}) {
    const url = pathToFileURL(path);
    if (options.query)
      for (const [key, value] of Object.entries(options.query)) url.searchParams.set(key, value);
    if (options.search) url.search = options.search;
    if (options.hash) url.hash = options.hash;
    return this.loadURL(url.href);
  }

  reload() {
    void this.#linked.then(({ page }) => {
      this.#programmatic.add(page.url());
      return page.reload();
    });
  }

  getURL() {
    const url = this.#link?.page.url();
    return url && url !== 'about:blank' ? toAppUrl(url) : '';
  }

  getTitle() {
    return this.#title;
  }

  isLoading() {
    return false;
  }

  isDestroyed() {
    return this.#destroyed;
  }

  isCrashed() {
    return false;
  }

  getLastWebPreferences() {
    return this.#preferences;
  }

  getProcessId() {
    return this.id;
  }

  getOSProcessId() {
    return this.id;
  }

  /** @param {WindowOpenHandler} handler */
  setWindowOpenHandler(handler) {
    this._windowOpenHandler = handler;
  }

  focus() {
    if (this.#owner) focus.window = this.#owner;
    void this.#linked.then(({ page }) => page.bringToFront()).catch(() => {});
  }

  isFocused() {
    return Boolean(this.#owner && focus.window === this.#owner);
  }

  /**
   * Runs code in the page's own world, as Electron does (awaiting a returned promise).
   * @param {string} code
   * @param {boolean} [userGesture]
   */
  async executeJavaScript(code, userGesture = false) {
    const { cdp } = await this.#linked;
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression: code,
      awaitPromise: true,
      returnByValue: true,
      userGesture,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  }

  /**
   * Chromium's Page.printToPDF with Electron's option names and defaults (Letter, 1 cm margins).
   * @param {import('electron').PrintToPDFOptions} [options]
   */
  async printToPDF(options = {}) {
    const { cdp } = await this.#linked;
    const size = options.pageSize ?? 'Letter';
    const [paperWidth, paperHeight] =
      typeof size === 'string'
        ? (PAGE_SIZES[size] ?? PAGE_SIZES.Letter ?? [8.5, 11])
        : [size.width, size.height];
    const margins = options.margins ?? {};
    const { data } = await cdp.send('Page.printToPDF', {
      landscape: options.landscape ?? false,
      displayHeaderFooter: options.displayHeaderFooter ?? false,
      printBackground: options.printBackground ?? false,
      scale: options.scale ?? 1,
      paperWidth,
      paperHeight,
      marginTop: margins.top ?? 0.4,
      marginBottom: margins.bottom ?? 0.4,
      marginLeft: margins.left ?? 0.4,
      marginRight: margins.right ?? 0.4,
      pageRanges: options.pageRanges ?? '',
      headerTemplate: options.headerTemplate ?? '',
      footerTemplate: options.footerTemplate ?? '',
      preferCSSPageSize: options.preferCSSPageSize ?? false,
      generateTaggedPDF: options.generateTaggedPDF ?? false,
      generateDocumentOutline: options.generateDocumentOutline ?? false,
    });
    return Buffer.from(data, 'base64');
  }

  /** A NativeImage-like screenshot: toPNG(), toDataURL(), isEmpty(). */
  async capturePage() {
    const { page } = await this.#linked;
    const png = await page.screenshot();
    return {
      toPNG: () => png,
      toDataURL: () => `data:image/png;base64,${png.toString('base64')}`,
      isEmpty: () => png.length === 0,
    };
  }

  /** @param {string} css */
  async insertCSS(css) {
    const { page } = await this.#linked;
    await page.addStyleTag({ content: css });
    return '';
  }

  /** @param {number} factor */
  setZoomFactor(factor) {
    this.#zoomFactor = factor;
  }

  getZoomFactor() {
    return this.#zoomFactor;
  }

  /** @param {number} level */
  setZoomLevel(level) {
    this.#zoomFactor = 1.2 ** level;
  }

  getZoomLevel() {
    return Math.log(this.#zoomFactor) / Math.log(1.2);
  }

  setBackgroundThrottling() {}

  setAudioMuted() {}

  isAudioMuted() {
    return false;
  }

  openDevTools() {}

  closeDevTools() {}

  toggleDevTools() {}

  isDevToolsOpened() {
    return false;
  }

  close() {
    void this.#linked.then(({ page }) => page.close()).catch(() => {});
  }

  /** The page is gone: Electron's 'destroyed', then the window's 'closed'. */
  _destroyed() {
    if (this.#destroyed) return;
    this.#destroyed = true;
    removeFrom(allContents, this);
    if (this.#link) {
      contentsByPage.delete(this.#link.page);
      contentsByTarget.delete(this.#link.targetId);
      if (this.#reported) tellLauncher({ type: 'window-closed', targetId: this.#link.targetId });
    }
    this.emit('destroyed');
    this.#owner?._onClosed();
  }
}
