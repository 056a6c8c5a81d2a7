// launchApp: starts the built app (out/main/index.js) on the electron stand-in and returns an object
// shaped like Playwright's ElectronApplication. See README.md.
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { HOW_TO_GET_CHROMIUM, findChromium } from './find-chromium.mjs';

/** @typedef {import('./types').LaunchOptions} LaunchOptions */
/** @typedef {import('./types').HostApp} HostApp */
/** @typedef {import('./types').ChildMessage} ChildMessage */
/** @typedef {import('./types').ParentMessage} ParentMessage */
/** @typedef {import('playwright-core').Page} Page */

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REGISTER = new URL('./register.mjs', import.meta.url).href;

/** Launches still running, so a test process that dies does not leave them behind. */
/** @type {Set<() => void>} */
const killers = new Set();
process.once('exit', () => {
  for (const kill of killers) kill();
});

/**
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {() => string} message
 * @returns {Promise<T>}
 */
function withTimeout(promise, ms, message) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(message())), ms);
  });
  return /** @type {Promise<T>} */ (Promise.race([promise, timeout]).finally(() => clearTimeout(timer)));
}

/**
 * @param {LaunchOptions} options
 * @returns {Promise<HostApp>}
 */
export async function launchApp(options) {
  const timeout = options.timeout ?? 30_000;
  const debug = options.debug ?? Boolean(process.env.DEBUG);
  const chromiumPath = options.chromiumPath ?? findChromium();
  if (!chromiumPath) throw new Error(HOW_TO_GET_CHROMIUM);
  if (!existsSync(chromiumPath)) throw new Error(`No Chromium at ${chromiumPath}. ${HOW_TO_GET_CHROMIUM}`);

  const tempDir = mkdtempSync(join(tmpdir(), 'bulletin-host-'));
  /** @type {import('./types').StandInConfig} */
  const config = {
    chromiumPath,
    headless: options.headless ?? true,
    tempDir,
    appPath: options.appPath ?? REPO_ROOT,
    dialogs: options.dialogs ?? {},
    colorScheme: options.colorScheme ?? 'light',
    debug,
  };
  const entry = options.entry ?? join(REPO_ROOT, 'out', 'main', 'index.js');
  const child = spawn(process.execPath, ['--import', REGISTER, entry], {
    cwd: config.appPath,
    env: {
      ...process.env,
      ...options.env,
      BULLETIN_USER_DATA_DIR: options.userDataDir,
      ELECTRON_STANDIN_CONFIG: JSON.stringify(config),
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'advanced',
  });

  let stderrTail = '';
  /** @param {string} stream @param {Buffer} chunk */
  const onOutput = (stream, chunk) => {
    const text = String(chunk);
    if (stream === 'stderr') stderrTail = (stderrTail + text).slice(-4000);
    if (debug) process.stderr.write(text.replace(/^(?=.)/gm, `[main ${stream}] `));
  };
  child.stdout?.on('data', (chunk) => onOutput('stdout', chunk));
  child.stderr?.on('data', (chunk) => onOutput('stderr', chunk));
  const tail = () => stderrTail.trim().split('\n').slice(-15).join('\n');

  let chromiumPid = 0;
  const cleanUp = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (chromiumPid) {
      try {
        process.kill(chromiumPid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    try {
      rmSync(tempDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch {
      // Chromium's helpers may still be writing its profile; the OS cleans the temp folder eventually.
    }
  };
  killers.add(cleanUp);

  const exited = new Promise((resolve) => child.once('exit', resolve));
  const events = new EventEmitter();
  /** @type {Map<number, { resolve: (value: unknown) => void, reject: (error: Error) => void }>} */
  const pending = new Map();
  let nextId = 1;
  /** Target ids main reported as windows, and the pages seen for them. */
  /** @type {string[]} */
  const windowTargets = [];
  /** @type {Map<string, Page>} */
  const pagesByTarget = new Map();
  /** @type {Page[]} */
  let openWindows = [];

  /** @type {(message: { endpoint: string, chromiumPid: number }) => void} */
  let onReady = () => {};
  const ready = new Promise((resolve) => (onReady = resolve));

  /** @type {Set<Page>} */
  const announced = new Set();
  // Main reports a window once its first page committed; this process's view of the page may lag a
  // little behind, so wait until it has seen that commit too.
  const announceWindows = () => {
    for (const targetId of windowTargets) {
      const page = pagesByTarget.get(targetId);
      if (!page || announced.has(page)) continue;
      announced.add(page);
      void page
        .waitForURL((url) => url.href !== 'about:blank', { waitUntil: 'commit', timeout: 10_000 })
        .catch(() => {})
        .then(() => {
          if (page.isClosed()) return;
          openWindows = [...openWindows, page];
          page.once('close', () => (openWindows = openWindows.filter((open) => open !== page)));
          events.emit('window', page);
        });
    }
  };

  child.on('message', (/** @type {ChildMessage} */ message) => {
    if (message.type === 'ready') {
      chromiumPid = message.chromiumPid;
      onReady(message);
    } else if (message.type === 'window') {
      windowTargets.push(message.targetId);
      announceWindows();
    } else if (message.type === 'window-closed') {
      const page = pagesByTarget.get(message.targetId);
      openWindows = openWindows.filter((open) => open !== page);
    } else if (message.type === 'reply') {
      const entry = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) entry?.resolve(message.value);
      else entry?.reject(new Error(message.error));
    } else if (message.type === 'fatal') {
      stderrTail += `\n${message.message}`;
    }
  });

  void exited.then(() => {
    for (const entry of pending.values()) entry.reject(new Error(`The main process ended.\n${tail()}`));
    pending.clear();
    killers.delete(cleanUp);
    cleanUp();
    events.emit('close');
  });

  const started = /** @type {Promise<{ endpoint: string, chromiumPid: number }>} */ (
    Promise.race([
      ready,
      exited.then(() => {
        throw new Error(`The main process ended before the app was ready:\n${tail()}`);
      }),
    ])
  );
  let endpoint;
  try {
    ({ endpoint } = await withTimeout(
      started,
      timeout,
      () => `The app did not start within ${timeout} ms:\n${tail()}`,
    ));
  } catch (error) {
    killers.delete(cleanUp);
    cleanUp();
    throw error;
  }

  const browser = await chromium.connectOverCDP(endpoint, { timeout });
  const context = browser.contexts()[0];
  if (!context) throw new Error('Chromium has no default browser context');
  /** @param {Page} page */
  const identify = async (page) => {
    try {
      const session = await context.newCDPSession(page);
      const { targetInfo } = await session.send('Target.getTargetInfo');
      await session.detach();
      // Playwright emulates a light colour scheme on every page it attaches to; the app's colours are
      // main's business (nativeTheme), so drop ours and let main re-apply its own.
      await page.emulateMedia({ colorScheme: null });
      pagesByTarget.set(targetInfo.targetId, page);
      if (child.connected)
        child.send(/** @type {ParentMessage} */ ({ type: 'attached', targetId: targetInfo.targetId }));
      announceWindows();
    } catch {
      // Closed before we could ask.
    }
  };
  context.on('page', (page) => void identify(page));
  await Promise.all(context.pages().map(identify));

  /**
   * @param {ParentMessage['type']} type
   * @param {Record<string, unknown>} [fields]
   */
  const request = (type, fields = {}) =>
    new Promise((resolve, reject) => {
      if (!child.connected) return reject(new Error(`The main process has ended.\n${tail()}`));
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send(/** @type {ParentMessage} */ ({ type, id, ...fields }));
    });
  const records = () => /** @type {Promise<import('./types').HostRecords>} */ (request('records'));

  /** @type {HostApp} */
  const app = {
    userDataDir: options.userDataDir,
    async firstWindow(waitOptions = {}) {
      const [first] = openWindows;
      if (first) return first;
      return app.waitForEvent('window', waitOptions);
    },
    windows: () => [...openWindows],
    context: () => context,
    process: () => child,
    async evaluate(fn, arg) {
      return /** @type {never} */ (await request('evaluate', { source: fn.toString(), arg }));
    },
    async close() {
      if (child.exitCode === null && child.signalCode === null && child.connected) {
        await request('quit').catch(() => {});
        const grace = new Promise((resolve) => setTimeout(resolve, 10_000));
        await Promise.race([exited, grace]);
      }
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
      await browser.close().catch(() => {});
    },
    on(event, listener) {
      events.on(event, listener);
      return app;
    },
    waitForEvent(event, waitOptions = {}) {
      const ms = waitOptions.timeout ?? timeout;
      const happened = new Promise((resolve) => events.once(event, resolve));
      const ended =
        event === 'close'
          ? new Promise(() => {})
          : exited.then(() => {
              throw new Error(`The main process ended before a window opened:\n${tail()}`);
            });
      return /** @type {never} */ (
        withTimeout(Promise.race([happened, ended]), ms, () => `No '${event}' within ${ms} ms.\n${tail()}`)
      );
    },
    dialogsShown: async () => (await records()).dialogs,
    shellCalls: async () => (await records()).shell,
    openedExternally: async () =>
      (await records()).shell.filter((call) => call.method === 'openExternal').map((call) => call.target),
    blockedRequests: async () => (await records()).blocked,
    ipcTraffic: async () => (await records()).ipc,
  };
  return app;
}
