// Code that runs inside each window's page, injected over CDP before any page script.
//
// Electron runs the preload in an isolated world and contextBridge copies values into the page's
// world. The host does the same with Chromium's own isolated worlds: the preload, ipcRenderer and the
// CDP binding back to main live in an isolated world the page cannot reach; `exposeInMainWorld`
// crosses to the page through the only thing two worlds share, the DOM, with synchronous events.
// These functions are serialised with toString(): they must not use anything from this module.
/* global window, document, location */

/**
 * @typedef {object} Bridge
 * @property {(value: unknown) => unknown} encode
 * @property {(value: unknown) => unknown} decode
 * @property {(message: Record<string, unknown>) => void} post
 */

/**
 * One end of the bridge between the two worlds. Functions, promises, errors, dates and undefined are
 * carried by reference or by tag; everything else must be plain JSON (as contextBridge copies it).
 * @param {string} sendType  event type this end dispatches
 * @param {string} receiveType  event type this end listens to
 * @param {(message: Record<string, unknown>) => void} onOther  messages that are not calls/returns/settles
 * @returns {Bridge}
 */
export function makeBridge(sendType, receiveType, onOther) {
  const doc = document;
  const dispatch = EventTarget.prototype.dispatchEvent;
  const Custom = CustomEvent;
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const TAG = '\u0000standin';
  /** @type {Map<number, Function>} */
  const local = new Map();
  /** @type {Map<number, { resolve: (v: unknown) => void, reject: (e: unknown) => void }>} */
  const waiting = new Map();
  let nextId = 1;
  /** @type {{ ok: boolean, value?: unknown, error?: string } | null} */
  let lastReturn = null;

  /** @param {Record<string, unknown>} message */
  function post(message) {
    dispatch.call(doc, new Custom(sendType, { detail: stringify(message) }));
  }

  /** @param {unknown} error */
  function messageOf(error) {
    return error && typeof error === 'object' && 'message' in error ? String(error.message) : String(error);
  }

  /**
   * @param {unknown} value
   * @returns {unknown}
   */
  function encode(value) {
    if (value === undefined) return { [TAG]: 'undefined' };
    if (typeof value === 'function') {
      const id = nextId++;
      local.set(id, value);
      return { [TAG]: 'function', id };
    }
    if (typeof value === 'bigint' || typeof value === 'symbol') {
      throw new TypeError(`tests/host contextBridge: cannot pass a ${typeof value}`);
    }
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map(encode);
    if (value instanceof Error) return { [TAG]: 'error', message: value.message };
    if (value instanceof Date) return { [TAG]: 'date', time: value.getTime() };
    if (typeof (/** @type {{ then?: unknown }} */ (value).then) === 'function') {
      const id = nextId++;
      Promise.resolve(value).then(
        (result) => post({ t: 'settle', id, ok: true, value: encode(result) }),
        (error) => post({ t: 'settle', id, ok: false, error: messageOf(error) }),
      );
      return { [TAG]: 'promise', id };
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw new TypeError(
        `tests/host contextBridge: cannot pass a ${proto?.constructor?.name ?? 'class instance'} (plain data only)`,
      );
    }
    /** @type {Record<string, unknown>} */
    const out = {};
    for (const key of Object.keys(value))
      out[key] = encode(/** @type {Record<string, unknown>} */ (value)[key]);
    return out;
  }

  /**
   * @param {unknown} value
   * @returns {unknown}
   */
  function decode(value) {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map(decode);
    const record = /** @type {Record<string, unknown>} */ (value);
    const tag = record[TAG];
    if (tag === 'undefined') return undefined;
    if (tag === 'error') return new Error(String(record.message));
    if (tag === 'date') return new Date(Number(record.time));
    if (tag === 'function') {
      const id = record.id;
      return (/** @type {unknown[]} */ ...args) => {
        lastReturn = null;
        post({ t: 'call', id, args: encode(args) });
        // Set by the 'return' message the other world dispatched while post() ran.
        const result = /** @type {{ ok: boolean, value?: unknown, error?: string } | null} */ (lastReturn);
        lastReturn = null;
        if (!result) throw new Error('tests/host contextBridge: the other world did not answer');
        if (!result.ok) throw new Error(result.error);
        return decode(result.value);
      };
    }
    if (tag === 'promise') {
      const id = Number(record.id);
      return new Promise((resolve, reject) => waiting.set(id, { resolve, reject }));
    }
    /** @type {Record<string, unknown>} */
    const out = {};
    for (const key of Object.keys(record)) out[key] = decode(record[key]);
    return out;
  }

  doc.addEventListener(receiveType, (event) => {
    const message = parse(String(/** @type {CustomEvent} */ (event).detail));
    if (message.t === 'call') {
      const fn = local.get(message.id);
      try {
        if (!fn) throw new Error('tests/host contextBridge: unknown function');
        const args = /** @type {unknown[]} */ (decode(message.args));
        post({ t: 'return', ok: true, value: encode(fn(...args)) });
      } catch (error) {
        post({ t: 'return', ok: false, error: messageOf(error) });
      }
    } else if (message.t === 'return') {
      lastReturn = message;
    } else if (message.t === 'settle') {
      const entry = waiting.get(message.id);
      waiting.delete(message.id);
      if (entry && message.ok) entry.resolve(decode(message.value));
      else if (entry) entry.reject(new Error(message.error));
    } else {
      onOther(message);
    }
  });

  return { encode, decode, post };
}

/**
 * The page's side: receives what the preload exposes and defines it on window.
 * @param {typeof makeBridge} bridgeFactory
 * @param {{ toMain: string, toIsolated: string }} names
 */
export function mainWorld(bridgeFactory, names) {
  if (window !== window.top) return;
  const define = Object.defineProperty;
  /** @param {unknown} value @returns {unknown} */
  const freeze = (value) => {
    if (value && typeof value === 'object' && !Object.isFrozen(value)) {
      Object.freeze(value);
      for (const key of Object.keys(value)) freeze(/** @type {Record<string, unknown>} */ (value)[key]);
    }
    return value;
  };
  const bridge = bridgeFactory(names.toIsolated, names.toMain, (message) => {
    if (message.t === 'expose') {
      define(window, String(message.key), {
        value: freeze(bridge.decode(message.value)),
        enumerable: true,
        writable: false,
        configurable: false,
      });
    } else if (message.t === 'hello') {
      bridge.post({ t: 'ready' });
    }
  });
  // The isolated world may have run first (Chromium does not order the two): tell it we listen now.
  bridge.post({ t: 'ready' });
}

/**
 * @typedef {object} PreloadWorldConfig
 * @property {string} binding  CDP binding to main, present in this world only
 * @property {{ toMain: string, toIsolated: string }} names
 * @property {string | null} preloadPath
 * @property {string} platform
 * @property {string} arch
 * @property {Record<string, string>} versions
 */

/**
 * The isolated world: Electron's sandboxed preload environment, with ipcRenderer wired to main.
 * @param {typeof makeBridge} bridgeFactory
 * @param {PreloadWorldConfig} config
 */
export function preloadWorld(bridgeFactory, config) {
  if (window !== window.top) return;
  const scope = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (globalThis));
  const binding = /** @type {(payload: string) => void} */ (scope[config.binding]);
  delete scope[config.binding];
  /** @param {Record<string, unknown>} message */
  const toMain = (message) => binding(JSON.stringify({ ...message, url: location.href }));

  // contextBridge: values wait until the page's world has said it listens.
  /** @type {Record<string, unknown>[]} */
  const queued = [];
  let pageListens = false;
  const flush = () => {
    while (pageListens && queued.length > 0) {
      const message = queued.shift();
      if (message) bridge.post(message);
    }
  };
  const bridge = bridgeFactory(config.names.toMain, config.names.toIsolated, (message) => {
    if (message.t === 'ready') {
      pageListens = true;
      flush();
    }
  });
  bridge.post({ t: 'hello' });

  const contextBridge = {
    /** @param {string} key @param {unknown} api */
    exposeInMainWorld(key, api) {
      if (typeof key !== 'string') throw new TypeError('contextBridge: key must be a string');
      queued.push({ t: 'expose', key, value: bridge.encode(api) });
      flush();
    },
    exposeInIsolatedWorld() {
      throw new Error('tests/host: contextBridge.exposeInIsolatedWorld is not supported');
    },
    executeInMainWorld() {
      throw new Error('tests/host: contextBridge.executeInMainWorld is not supported');
    },
  };

  // ipcRenderer
  /** @type {Map<string, Function[]>} */
  const listeners = new Map();
  /** @type {Map<number, { resolve: (v: unknown) => void, reject: (e: unknown) => void }>} */
  const pending = new Map();
  let nextCall = 1;
  /** @param {unknown[]} args */
  const cloneable = (args) => {
    // Electron structured-clones IPC arguments: functions, DOM nodes etc. throw here as they do there.
    structuredClone(args);
    return args;
  };
  const ipcRenderer = {
    /** @param {string} channel @param {...unknown} args */
    invoke(channel, ...args) {
      const id = nextCall++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        toMain({ t: 'invoke', id, channel: String(channel), args: cloneable(args) });
      });
    },
    /** @param {string} channel @param {...unknown} args */
    send(channel, ...args) {
      toMain({ t: 'send', channel: String(channel), args: cloneable(args) });
    },
    sendSync() {
      throw new Error('tests/host: ipcRenderer.sendSync is not supported (the host cannot block the page)');
    },
    sendToHost() {
      throw new Error('tests/host: ipcRenderer.sendToHost is not supported');
    },
    postMessage() {
      throw new Error('tests/host: ipcRenderer.postMessage is not supported');
    },
    /** @param {string} channel @param {Function} listener */
    on(channel, listener) {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      return ipcRenderer;
    },
    /** @param {string} channel @param {Function} listener */
    once(channel, listener) {
      /** @param {...unknown} args */
      const wrapper = (...args) => {
        ipcRenderer.removeListener(channel, wrapper);
        listener(...args);
      };
      return ipcRenderer.on(channel, wrapper);
    },
    /** @param {string} channel @param {Function} listener */
    addListener(channel, listener) {
      return ipcRenderer.on(channel, listener);
    },
    /** @param {string} channel @param {Function} listener */
    removeListener(channel, listener) {
      const list = listeners.get(channel) ?? [];
      const index = list.lastIndexOf(listener);
      if (index >= 0) listeners.set(channel, [...list.slice(0, index), ...list.slice(index + 1)]);
      return ipcRenderer;
    },
    /** @param {string} channel @param {Function} listener */
    off(channel, listener) {
      return ipcRenderer.removeListener(channel, listener);
    },
    /** @param {string} [channel] */
    removeAllListeners(channel) {
      if (channel === undefined) listeners.clear();
      else listeners.delete(channel);
      return ipcRenderer;
    },
    /** @param {string} channel */
    listenerCount(channel) {
      return (listeners.get(channel) ?? []).length;
    },
  };

  // How main answers (evaluated in this world by web-contents.mjs).
  scope.__electronStandIn = {
    /** @param {string} json */
    reply(json) {
      const message = JSON.parse(json);
      const entry = pending.get(message.id);
      pending.delete(message.id);
      if (!entry) return;
      if (message.ok) entry.resolve(message.value);
      else entry.reject(new Error(message.error));
    },
    /** @param {string} json */
    deliver(json) {
      const { channel, args } = JSON.parse(json);
      const event = { sender: ipcRenderer, senderId: 0, ports: [] };
      for (const listener of listeners.get(channel) ?? []) {
        try {
          listener(event, ...args);
        } catch (error) {
          console.error(error);
        }
      }
    },
  };

  // Menu accelerators: a key the page did not handle goes to main, which matches the app menu.
  window.addEventListener(
    'keydown',
    (event) => {
      const named = /^(F\d{1,2}|Escape|Delete|Insert|Home|End|PageUp|PageDown)$/.test(event.key);
      if (!event.ctrlKey && !event.altKey && !event.metaKey && !named) return;
      setTimeout(() => {
        if (event.defaultPrevented) return;
        toMain({
          t: 'key',
          key: event.key,
          code: event.code,
          ctrl: event.ctrlKey,
          alt: event.altKey,
          shift: event.shiftKey,
          meta: event.metaKey,
        });
      }, 0);
    },
    true,
  );

  toMain({ t: 'hello' });

  /**
   * Runs the preload bundle (a separate script in this world, so its stack traces name its own lines).
   * @param {Function} preload  the bundle wrapped as a CommonJS module function
   */
  const runPreload = (preload) => {
    const electron = { contextBridge, ipcRenderer };
    /** @param {string} name */
    const require = (name) => {
      if (name === 'electron' || name === 'electron/renderer') return electron;
      // Electron's sandbox also offers 'events', 'timers' and 'url'; this app's preload needs none.
      throw new Error(`module not found: ${name}`);
    };
    const process = {
      type: 'renderer',
      sandboxed: true,
      contextIsolated: true,
      isMainFrame: true,
      platform: config.platform,
      arch: config.arch,
      versions: config.versions,
      env: {},
      argv: [],
      execPath: '',
    };
    const module = { exports: {} };
    /** @param {Function} fn @param {...unknown} args */
    const setImmediate = (fn, ...args) => setTimeout(() => fn(...args), 0);
    try {
      preload.call(
        module.exports,
        require,
        process,
        undefined,
        globalThis,
        setImmediate,
        clearTimeout,
        module.exports,
        module,
      );
    } catch (error) {
      console.error(`Unable to load preload script: ${config.preloadPath}`);
      console.error(error);
      toMain({ t: 'preload-error', message: String((error && /** @type {Error} */ (error).stack) || error) });
    }
  };
  /** @type {Record<string, unknown>} */ (scope.__electronStandIn).runPreload = runPreload;
}

/**
 * The scripts for a window, as sources for Page.addScriptToEvaluateOnNewDocument, in this order.
 * @param {PreloadWorldConfig} config
 * @param {string | null} preloadSource  the CommonJS preload bundle
 */
export function pageScripts(config, preloadSource) {
  return {
    mainWorld: `(${mainWorld})(${makeBridge}, ${JSON.stringify(config.names)});`,
    isolatedWorld: `(${preloadWorld})(${makeBridge}, ${JSON.stringify(config)});`,
    // The bundle's first line shares the wrapper's line, so line numbers in its stack traces are its own.
    preload:
      preloadSource === null
        ? null
        : 'if (window === window.top) globalThis.__electronStandIn.runPreload(function (require, process, Buffer, global, setImmediate, clearImmediate, exports, module) {' +
          `${preloadSource}\n});\n//# sourceURL=${config.preloadPath}`,
  };
}
