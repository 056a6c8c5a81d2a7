// Every request from every window passes here, in the order Electron's browser process would see it:
// window.open → setWindowOpenHandler; renderer navigation → 'will-navigate'; then
// webRequest.onBeforeRequest; then the app's protocol handler. Nothing else reaches the network.
import { debugLog } from './config.mjs';
import { preventable } from './events.mjs';
import { handlerFor, toAppUrl } from './protocol.mjs';
import { records } from './records.mjs';
import { contentsByPage, contentsByTarget } from './registry.mjs';
import { filterMatches, sessionHooks } from './session.mjs';

/** @typedef {import('./web-contents.mjs').WebContents} WebContents */

let nextRequestId = 1;

/**
 * Playwright's resource types as Electron's webRequest names them.
 * @param {import('playwright-core').Request} request
 * @param {boolean} mainFrame
 */
function resourceTypeOf(request, mainFrame) {
  switch (request.resourceType()) {
    case 'document':
      return mainFrame ? 'mainFrame' : 'subFrame';
    case 'fetch':
    case 'xhr':
    case 'eventsource':
      return 'xhr';
    case 'websocket':
      return 'webSocket';
    case 'stylesheet':
    case 'script':
    case 'image':
    case 'font':
    case 'media':
      return request.resourceType();
    default:
      return 'other';
  }
}

/**
 * @param {import('playwright-core').Route} route
 */
export async function handleRoute(route) {
  const request = route.request();
  const browserUrl = request.url();
  const url = toAppUrl(browserUrl);
  const navigation = request.isNavigationRequest();
  /** @type {import('playwright-core').Frame | null} */
  let frame = null;
  try {
    frame = request.frame();
  } catch {
    // A navigation in a window Chromium is only now creating: a popup.
  }
  const page = frame?.page() ?? null;
  const contents = page ? contentsByPage.get(page) : undefined;
  const mainFrame = Boolean(page && frame === page.mainFrame());

  try {
    if (navigation && !frame && (await decidePopup(url)) === 'deny') return await route.abort('aborted');

    if (navigation && contents && mainFrame && contents._isRendererNavigation(browserUrl)) {
      const event = preventable({
        url,
        isSameDocument: false,
        isMainFrame: true,
        frame: null,
        initiator: null,
      });
      contents.emit('will-navigate', event, url, false, true);
      if (event.defaultPrevented) return await route.abort('aborted');
    }

    const resourceType = resourceTypeOf(request, mainFrame);
    const details = {
      id: nextRequestId++,
      url,
      method: request.method(),
      resourceType,
      referrer: toAppUrl(request.headers().referer ?? ''),
      timestamp: Date.now(),
      webContentsId: contents?.id,
      webContents: contents,
    };
    const windowId = contents?._ownerId() ?? null;
    if ((await beforeRequest(details)).cancel) {
      records.blocked.push({ url, resourceType, reason: 'cancelled-by-app', windowId });
      return await route.abort('blockedbyclient');
    }

    const handler = handlerFor(url);
    if (handler) return await serve(route, request, handler, details);

    records.blocked.push({ url, resourceType, reason: 'no-network', windowId });
    debugLog('blocked (no network in tests/host):', url);
    return await route.abort(navigation ? 'aborted' : 'internetdisconnected');
  } catch (error) {
    // The page went away mid-request, or the handler threw (Electron fails the request then).
    debugLog('request failed:', url, error);
    await route.abort('failed').catch(() => {});
  }
}

/**
 * @param {import('./session.mjs').BeforeRequestDetails} details
 * @returns {Promise<import('./session.mjs').BeforeRequestResponse>}
 */
function beforeRequest(details) {
  const hook = sessionHooks.beforeRequest;
  if (!hook || !filterMatches(hook.filter, details.url, details.resourceType)) return Promise.resolve({});
  return new Promise((resolve) => hook.listener(details, resolve));
}

/**
 * Calls the app's protocol handler with the request under its app:// URL and gives Chromium its answer.
 * @param {import('playwright-core').Route} route
 * @param {import('playwright-core').Request} request
 * @param {import('./protocol.mjs').ProtocolHandler} handler
 * @param {import('./session.mjs').BeforeRequestDetails} details
 */
async function serve(route, request, handler, details) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers())) {
    try {
      headers.set(name, value);
    } catch {
      // A header Node's Request refuses; Electron's handler would not see it either.
    }
  }
  const posted = ['GET', 'HEAD'].includes(request.method()) ? null : request.postDataBuffer();
  const body = posted ? new Uint8Array(posted) : undefined;
  const response = await handler(new Request(details.url, { method: request.method(), headers, body }));
  /** @type {Record<string, string>} */
  let responseHeaders = Object.fromEntries(response.headers);
  let status = response.status;

  const hook = sessionHooks.headersReceived;
  if (hook && filterMatches(hook.filter, details.url, details.resourceType)) {
    /** @type {Record<string, string[]>} */
    const asLists = Object.fromEntries(Object.entries(responseHeaders).map(([k, v]) => [k, [v]]));
    const statusLine = `HTTP/1.1 ${status}`;
    /** @type {import('./session.mjs').HeadersReceivedResponse} */
    const answer = await new Promise((resolve) =>
      hook.listener({ ...details, statusCode: status, statusLine, responseHeaders: asLists }, resolve),
    );
    if (answer.cancel) return route.abort('blockedbyclient');
    if (answer.responseHeaders) {
      responseHeaders = Object.fromEntries(
        Object.entries(answer.responseHeaders).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]),
      );
    }
    const code = answer.statusLine?.match(/^\S+\s+(\d{3})/)?.[1];
    if (code) status = Number(code);
  }
  await route.fulfill({ status, headers: responseHeaders, body: Buffer.from(await response.arrayBuffer()) });
}

// Popups: Chromium creates the target (with its opener) before its first request, but that request
// cannot name its frame yet. So: remember new targets opened by a window; the next frame-less
// navigation request (or the popup page itself, for about:blank) is decided by the opener's handler.

/** @type {{ targetId: string, opener: WebContents }[]} */
const undecidedPopups = [];
/** @type {import('playwright-core').CDPSession | null} */
let browserSession = null;

/**
 * @param {import('playwright-core').CDPSession} cdp  browser-level session
 * @param {Set<string>} ownTargets  targets opened by BrowserWindow
 */
export async function watchPopups(cdp, ownTargets) {
  browserSession = cdp;
  cdp.on('Target.targetCreated', ({ targetInfo }) => {
    const opener = targetInfo.openerId ? contentsByTarget.get(targetInfo.openerId) : undefined;
    if (targetInfo.type !== 'page' || !opener || ownTargets.has(targetInfo.targetId)) return;
    undecidedPopups.push({ targetId: targetInfo.targetId, opener });
    // window.open('about:blank') makes no request: decide once Chromium has said what it shows.
    setTimeout(() => void decideBlankPopup(targetInfo.targetId), 300);
  });
  await cdp.send('Target.setDiscoverTargets', { discover: true });
}

/**
 * @param {string} url  the app-facing URL the popup is about to load
 * @returns {Promise<'allow' | 'deny' | 'unknown'>}
 */
async function decidePopup(url) {
  const popup = undecidedPopups.shift();
  if (!popup) return 'unknown';
  const handler = popup.opener._windowOpenHandler;
  const response = handler
    ? handler({
        url,
        frameName: '',
        features: '',
        disposition: 'foreground-tab',
        referrer: { url: popup.opener.getURL(), policy: 'strict-origin-when-cross-origin' },
      })
    : { action: 'allow' };
  if (response?.action === 'deny') {
    await browserSession?.send('Target.closeTarget', { targetId: popup.targetId }).catch(() => {});
    return 'deny';
  }
  console.error(
    `[host] window.open(${url}) allowed: the popup stays a plain Chromium page, not a BrowserWindow.`,
  );
  return 'allow';
}

/** @param {string} targetId */
async function decideBlankPopup(targetId) {
  const index = undecidedPopups.findIndex((popup) => popup.targetId === targetId);
  if (index < 0 || !browserSession) return;
  const [popup] = undecidedPopups.splice(index, 1);
  undecidedPopups.unshift(/** @type {{ targetId: string, opener: WebContents }} */ (popup));
  const { targetInfos } = await browserSession.send('Target.getTargets');
  const info = targetInfos.find((target) => target.targetId === targetId);
  await decidePopup(info?.url || 'about:blank');
}
