// app: lifecycle and paths. 'ready' fires once Chromium is up; quit() runs Electron's sequence
// (before-quit, windows close, will-quit, quit) and then ends Chromium and this process.
import { EventEmitter } from 'node:events';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { config, tellLauncher } from './config.mjs';
import { preventable } from './events.mjs';
import { markProtocolsReady } from './protocol.mjs';
import { windows } from './registry.mjs';
import { connection, onBrowserGone, shutdown } from './runtime.mjs';

const packageJson = /** @type {{ name?: string, productName?: string, version?: string }} */ (
  JSON.parse(readFileSync(join(config.appPath, 'package.json'), 'utf8'))
);

/** Folders Electron takes from the OS: here, subfolders of this launch's scratch folder. */
const SCRATCH_PATHS = [
  'home',
  'appData',
  'temp',
  'desktop',
  'documents',
  'downloads',
  'music',
  'pictures',
  'videos',
  'logs',
  'crashDumps',
  'recent',
];

class App extends EventEmitter {
  #ready = false;
  #quitting = false;
  #name = packageJson.productName ?? packageJson.name ?? 'Electron';
  /** @type {Map<string, string>} */
  #paths = new Map();
  /** @type {Promise<void>} */
  #whenReady;

  isPackaged = false;
  commandLine = {
    appendSwitch() {},
    appendArgument() {},
    hasSwitch: () => false,
    getSwitchValue: () => '',
    removeSwitch() {},
  };

  constructor() {
    super();
    for (const name of SCRATCH_PATHS) this.#paths.set(name, join(config.tempDir, name));
    this.#paths.set(
      'userData',
      process.env.BULLETIN_USER_DATA_DIR ?? join(config.tempDir, 'appData', this.#name),
    );
    this.#paths.set('sessionData', this.#paths.get('userData') ?? '');
    this.#paths.set('exe', process.execPath);
    this.#paths.set('module', process.execPath);
    this.#whenReady = connection.then(
      () => {
        markProtocolsReady();
        // Electron's Chromium keeps its profile in userData, so the folder exists once the app is ready.
        mkdirSync(this.getPath('userData'), { recursive: true });
        this.#ready = true;
        this.emit('will-finish-launching');
        this.emit('ready', preventable(), {});
      },
      (error) => {
        const message = error instanceof Error ? error.message : String(error);
        console.error(`[host] ${message}`);
        tellLauncher({ type: 'fatal', message });
        process.exit(1);
      },
    );
    onBrowserGone(() => this.quit());
  }

  whenReady() {
    return this.#whenReady;
  }

  isReady() {
    return this.#ready;
  }

  get name() {
    return this.#name;
  }

  set name(name) {
    this.#name = name;
  }

  getName() {
    return this.#name;
  }

  /** @param {string} name */
  setName(name) {
    this.#name = name;
  }

  getVersion() {
    return packageJson.version ?? '0.0.0';
  }

  getAppPath() {
    return config.appPath;
  }

  /** @param {string} name */
  getPath(name) {
    const path = this.#paths.get(name);
    if (path === undefined) throw new Error(`Failed to get '${name}' path`);
    if (path.startsWith(config.tempDir)) mkdirSync(path, { recursive: true });
    return path;
  }

  /** @param {string} name @param {string} path */
  setPath(name, path) {
    this.#paths.set(name, path);
  }

  getLocale() {
    return 'en-US';
  }

  getSystemLocale() {
    return 'en-US';
  }

  getPreferredSystemLanguages() {
    return ['en-US'];
  }

  getLocaleCountryCode() {
    return 'US';
  }

  requestSingleInstanceLock() {
    return true;
  }

  hasSingleInstanceLock() {
    return true;
  }

  releaseSingleInstanceLock() {}

  setAppUserModelId() {}

  setAboutPanelOptions() {}

  disableHardwareAcceleration() {}

  enableSandbox() {}

  addRecentDocument() {}

  clearRecentDocuments() {}

  setAsDefaultProtocolClient() {
    return false;
  }

  isDefaultProtocolClient() {
    return false;
  }

  focus() {}

  hide() {}

  show() {}

  relaunch() {
    console.error('[host] app.relaunch() is not supported by tests/host; ignoring.');
  }

  /**
   * Electron's order: before-quit, close every window (each may refuse), will-quit, quit, exit.
   * 'window-all-closed' is not emitted on this path.
   */
  quit() {
    if (this.#quitting) return;
    const beforeQuit = preventable();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    this.#quitting = true;
    /** @type {Promise<unknown>[]} */
    const closing = [];
    for (const window of [...windows]) {
      const closed = window.isDestroyed() ? Promise.resolve() : window._closeForQuit();
      if (!closed) {
        this.#quitting = false;
        return;
      }
      closing.push(closed);
    }
    const grace = new Promise((resolve) => setTimeout(resolve, 3000));
    void Promise.race([Promise.all(closing), grace]).then(() => {
      const willQuit = preventable();
      this.emit('will-quit', willQuit);
      if (willQuit.defaultPrevented) {
        this.#quitting = false;
        return;
      }
      this.emit('quit', preventable(), 0);
      void shutdown(0);
    });
  }

  /** @param {number} [exitCode] */
  exit(exitCode = 0) {
    this.#quitting = true;
    void shutdown(exitCode);
  }

  /** Called by BrowserWindow when the last window is gone (not during quit). */
  _allWindowsClosed() {
    if (this.#quitting) return;
    if (this.listenerCount('window-all-closed') > 0) this.emit('window-all-closed', preventable());
    else this.quit();
  }

  _isQuitting() {
    return this.#quitting;
  }
}

export const app = new App();
