// The Chromium side of the stand-in: starts Chromium once, connects to it over CDP and opens one
// Chromium window per BrowserWindow. Everything the app asks of Electron's browser process ends here.
import { chromiumChild, chromiumStarted } from './booting.mjs';
import { stopChromium } from './chromium.mjs';
import { config, debugLog, tellLauncher } from './config.mjs';
import { handleRoute, watchPopups } from './network.mjs';

/**
 * @typedef {object} Connection
 * @property {import('playwright-core').Browser} browser
 * @property {import('playwright-core').BrowserContext} context
 * @property {import('playwright-core').CDPSession} cdp  the browser-level session
 */

/**
 * @typedef {object} WindowPage
 * @property {import('playwright-core').Page} page
 * @property {import('playwright-core').CDPSession} cdp  a session of our own on the page's target
 * @property {string} targetId
 */

/** @type {Map<string, { resolve: (value: WindowPage) => void, promise: Promise<WindowPage> }>} */
const pagesByTarget = new Map();
/** Targets opened by BrowserWindow (not popups). */
const ownTargets = new Set();
const lifecycle = { shuttingDown: false, /** @type {() => void} */ onBrowserGone: () => {} };

/** @param {string} targetId */
function slotFor(targetId) {
  let slot = pagesByTarget.get(targetId);
  if (!slot) {
    /** @type {(value: WindowPage) => void} */
    let resolve = () => {};
    const promise = new Promise((done) => (resolve = done));
    slot = { resolve, promise: /** @type {Promise<WindowPage>} */ (promise) };
    pagesByTarget.set(targetId, slot);
  }
  return slot;
}

/** @returns {Promise<Connection>} */
async function connect() {
  // Loaded here rather than imported above: the app's own modules then run while it loads, as on
  // Electron, whose main.js starts without a CDP client to load first.
  const [started, { chromium }] = await Promise.all([chromiumStarted, import('playwright-core')]);
  started.process.once('exit', () => {
    if (!lifecycle.shuttingDown) {
      console.error(`[host] Chromium ended unexpectedly.\n${started.stderrTail()}`);
      lifecycle.onBrowserGone();
    }
  });
  const browser = await chromium.connectOverCDP(started.endpoint, { timeout: 30_000 });
  const context = browser.contexts()[0];
  if (!context) throw new Error('Chromium has no default browser context');
  const cdp = await browser.newBrowserCDPSession();

  context.on('page', (page) => void adoptPage(context, page));
  await context.route('**/*', handleRoute);
  await watchPopups(cdp, ownTargets);
  tellLauncher({ type: 'ready', endpoint: started.endpoint, chromiumPid: started.process.pid ?? 0 });
  debugLog('Chromium ready at', started.endpoint);
  return { browser, context, cdp };
}

/**
 * Every page Chromium opens gets a CDP session of ours; its target id tells whose it is.
 * @param {import('playwright-core').BrowserContext} context
 * @param {import('playwright-core').Page} page
 */
async function adoptPage(context, page) {
  try {
    const cdp = await context.newCDPSession(page);
    const { targetInfo } = await cdp.send('Target.getTargetInfo');
    if (ownTargets.has(targetInfo.targetId)) {
      slotFor(targetInfo.targetId).resolve({ page, cdp, targetId: targetInfo.targetId });
    } else {
      await cdp.detach();
    }
  } catch (error) {
    // The page closed while we were looking at it.
    debugLog('could not adopt a page:', error);
  }
}

/** Resolves once Chromium is up; rejects if it cannot start. */
export const connection = connect();

/** @param {() => void} listener  called when Chromium goes away without being asked to */
export function onBrowserGone(listener) {
  lifecycle.onBrowserGone = listener;
}

/**
 * Opens the Chromium window that plays a BrowserWindow.
 * @param {{ width: number, height: number, show: boolean }} options
 * @returns {Promise<WindowPage>}
 */
export async function openWindowPage({ width, height, show }) {
  const { cdp } = await connection;
  const { targetId } = await cdp.send('Target.createTarget', {
    url: 'about:blank',
    newWindow: true,
    background: !show,
    width,
    height,
  });
  ownTargets.add(targetId);
  const windowPage = await slotFor(targetId).promise;
  pagesByTarget.delete(targetId);
  if (!show) await setWindowState(targetId, 'minimized');
  return windowPage;
}

/**
 * Shows or hides a window where there is a screen to show it on (headed runs only).
 * @param {string} targetId
 * @param {'normal' | 'minimized' | 'maximized' | 'fullscreen'} state
 */
export async function setWindowState(targetId, state) {
  if (config.headless) return;
  const { cdp } = await connection;
  try {
    const { windowId } = await cdp.send('Browser.getWindowForTarget', { targetId });
    await cdp.send('Browser.setWindowBounds', { windowId, bounds: { windowState: state } });
  } catch (error) {
    debugLog('could not change window state:', error);
  }
}

/**
 * Closes Chromium and ends this process: the last step of app.quit() and app.exit().
 * @param {number} exitCode
 */
export async function shutdown(exitCode) {
  if (lifecycle.shuttingDown) return;
  lifecycle.shuttingDown = true;
  try {
    const { browser } = await Promise.race([
      connection,
      new Promise((_, reject) => setTimeout(() => reject(new Error('not connected')), 2000)),
    ]);
    await Promise.race([browser.close(), new Promise((resolve) => setTimeout(resolve, 2000))]);
  } catch {
    // Chromium never came up or is already gone.
  }
  if (chromiumChild.process) await stopChromium(chromiumChild.process);
  process.exit(exitCode);
}

// The launcher went away (test process killed): do not leave Chromium behind.
process.on('disconnect', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGINT', () => void shutdown(130));
process.on('exit', () => {
  const child = chromiumChild.process;
  if (child && child.exitCode === null) child.kill('SIGKILL');
});
