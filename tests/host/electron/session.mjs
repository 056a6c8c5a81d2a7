// session.defaultSession: the handlers main installs are kept so the network layer (network.mjs) can
// consult them as Electron would; permission handlers are kept and can be asked by a test.
import { EventEmitter } from 'node:events';
import { protocol } from './protocol.mjs';

/**
 * @typedef {object} BeforeRequestDetails
 * @property {number} id
 * @property {string} url
 * @property {string} method
 * @property {string} resourceType
 * @property {string} referrer
 * @property {number} timestamp
 * @property {number | undefined} webContentsId
 * @property {unknown} webContents
 */
/** @typedef {{ cancel?: boolean, redirectURL?: string }} BeforeRequestResponse */
/** @typedef {(details: BeforeRequestDetails, callback: (response: BeforeRequestResponse) => void) => void} BeforeRequestListener */
/** @typedef {{ cancel?: boolean, responseHeaders?: Record<string, string | string[]>, statusLine?: string }} HeadersReceivedResponse */
/** @typedef {(details: BeforeRequestDetails & { statusCode: number, statusLine: string, responseHeaders: Record<string, string[]> }, callback: (response: HeadersReceivedResponse) => void) => void} HeadersReceivedListener */
/** @typedef {{ urls?: string[], types?: string[] }} RequestFilter */
/** @typedef {(webContents: unknown, permission: string, callback: (granted: boolean) => void, details: object) => void} PermissionRequestHandler */
/** @typedef {(webContents: unknown, permission: string, origin: string, details: object) => boolean} PermissionCheckHandler */

/**
 * @template L
 * @typedef {{ filter: RequestFilter, listener: L } | null} Registration
 */

/**
 * Electron's overloads: (listener), (filter, listener), (null) to remove.
 * @template L
 * @param {unknown} a
 * @param {unknown} b
 * @returns {Registration<L>}
 */
function registration(a, b) {
  if (typeof a === 'function') return { filter: {}, listener: /** @type {L} */ (a) };
  if (typeof b === 'function')
    return { filter: /** @type {RequestFilter} */ (a ?? {}), listener: /** @type {L} */ (b) };
  return null;
}

/**
 * Match patterns as in Electron's filter.urls ('*://*.example.com/*', '<all_urls>'): '*' is any run of characters.
 * @param {RequestFilter} filter
 * @param {string} url
 * @param {string} resourceType
 */
export function filterMatches(filter, url, resourceType) {
  if (filter.types && filter.types.length > 0 && !filter.types.includes(resourceType)) return false;
  if (!filter.urls || filter.urls.length === 0) return true;
  return filter.urls.some((pattern) => {
    if (pattern === '<all_urls>') return true;
    const regex = new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`);
    return regex.test(url);
  });
}

/** @param {string} text */
function escapeRegExp(text) {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/** The handlers main set on the default session, read by network.mjs. */
export const sessionHooks = {
  /** @type {Registration<BeforeRequestListener>} */
  beforeRequest: null,
  /** @type {Registration<HeadersReceivedListener>} */
  headersReceived: null,
  /** @type {PermissionRequestHandler | null} */
  permissionRequest: null,
  /** @type {PermissionCheckHandler | null} */
  permissionCheck: null,
};

function createSession() {
  const session = Object.assign(new EventEmitter(), {
    protocol,
    webRequest: {
      /** @param {unknown} a @param {unknown} [b] */
      onBeforeRequest(a, b) {
        sessionHooks.beforeRequest = registration(a, b);
      },
      /** @param {unknown} a @param {unknown} [b] */
      onHeadersReceived(a, b) {
        sessionHooks.headersReceived = registration(a, b);
      },
      // Accepted and never called: the host sends no requests these would observe differently.
      onBeforeSendHeaders() {},
      onSendHeaders() {},
      onResponseStarted() {},
      onBeforeRedirect() {},
      onCompleted() {},
      onErrorOccurred() {},
    },
    /** @param {PermissionRequestHandler | null} handler */
    setPermissionRequestHandler(handler) {
      sessionHooks.permissionRequest = handler;
    },
    /** @param {PermissionCheckHandler | null} handler */
    setPermissionCheckHandler(handler) {
      sessionHooks.permissionCheck = handler;
    },
    setDevicePermissionHandler() {},
    setDisplayMediaRequestHandler() {},
    setSpellCheckerEnabled() {},
    setSpellCheckerLanguages() {},
    setProxy: async () => {},
    setUserAgent() {},
    getUserAgent: () => 'Mozilla/5.0 (tests/host) Chrome',
    clearCache: async () => {},
    clearStorageData: async () => {},
    getStoragePath: () => null,
  });
  return session;
}

const defaultSession = createSession();

export const session = {
  defaultSession,
  fromPartition: () => defaultSession,
};
