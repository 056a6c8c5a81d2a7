// protocol and net. Chromium cannot load a custom scheme, so app://<host>/… is shown to the page as
// http://<host>.<scheme>.localhost/… (a secure context, like a privileged scheme) and every request to it
// is answered by the handler main registered with protocol.handle, under its original app:// URL.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** @typedef {(request: Request) => Response | Promise<Response>} ProtocolHandler */

/** @type {Map<string, ProtocolHandler>} */
const handlers = new Map();
/** @type {Map<string, import('electron').CustomScheme['privileges']>} */
const privileged = new Map();
const readiness = { ready: false };

/** Called by app when 'ready' fires: privileged schemes are fixed from then on, as in Electron. */
export function markProtocolsReady() {
  readiness.ready = true;
}

export const protocol = {
  /** @param {import('electron').CustomScheme[]} schemes */
  registerSchemesAsPrivileged(schemes) {
    if (readiness.ready) {
      throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    }
    for (const { scheme, privileges } of schemes) privileged.set(scheme, privileges ?? {});
  },
  /**
   * @param {string} scheme
   * @param {ProtocolHandler} handler
   */
  handle(scheme, handler) {
    if (handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    handlers.set(scheme, handler);
  },
  /** @param {string} scheme */
  unhandle(scheme) {
    handlers.delete(scheme);
  },
  /** @param {string} scheme */
  isProtocolHandled(scheme) {
    return handlers.has(scheme);
  },
};

const LOCALHOST = '.localhost';

/**
 * What Chromium loads for a URL the app uses.
 * @param {string} url
 */
export function toBrowserUrl(url) {
  const parsed = safeUrl(url);
  const scheme = parsed?.protocol.slice(0, -1);
  if (!parsed || !scheme || !(handlers.has(scheme) || privileged.has(scheme)) || !parsed.hostname) return url;
  return `http://${parsed.hostname}.${scheme}${LOCALHOST}${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/**
 * What the app would have seen for a URL Chromium reports (the inverse of toBrowserUrl).
 * @param {string} url
 */
export function toAppUrl(url) {
  const parsed = safeUrl(url);
  if (!parsed || parsed.protocol !== 'http:' || !parsed.hostname.endsWith(LOCALHOST)) return url;
  const labels = parsed.hostname.slice(0, -LOCALHOST.length).split('.');
  const scheme = labels.pop();
  if (!scheme || labels.length === 0 || !(handlers.has(scheme) || privileged.has(scheme))) return url;
  return `${scheme}://${labels.join('.')}${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/**
 * The origin Electron reports for a frame at this (app) URL.
 * @param {string} url
 */
export function originOf(url) {
  const parsed = safeUrl(url);
  if (!parsed) return 'null';
  if (parsed.origin !== 'null') return parsed.origin;
  // WHATWG gives custom schemes an opaque origin; Electron's standard schemes have scheme://host.
  const scheme = parsed.protocol.slice(0, -1);
  return privileged.get(scheme)?.standard ? `${parsed.protocol}//${parsed.host}` : 'null';
}

/**
 * The handler for an app URL, if main registered one for its scheme.
 * @param {string} url
 * @returns {ProtocolHandler | undefined}
 */
export function handlerFor(url) {
  const scheme = safeUrl(url)?.protocol.slice(0, -1);
  return scheme ? handlers.get(scheme) : undefined;
}

/** @param {string} url */
function safeUrl(url) {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export const net = {
  /**
   * Electron's net.fetch: custom schemes go to their protocol handler, file: is read from disk,
   * the rest goes to Node's fetch (Chromium's network stack in Electron).
   * @param {string | Request} input
   * @param {RequestInit} [init]
   * @returns {Promise<Response>}
   */
  async fetch(input, init) {
    const request = new Request(input, init);
    const handler = handlerFor(request.url);
    if (handler) return handler(request);
    if (request.url.startsWith('file:'))
      return new Response(new Uint8Array(await readFile(fileURLToPath(request.url))));
    return fetch(request);
  },
  isOnline() {
    return true;
  },
  get online() {
    return true;
  },
};
