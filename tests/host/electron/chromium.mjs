// Starts the one Chromium that plays every BrowserWindow of this app, reachable over CDP.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @typedef {object} RunningChromium
 * @property {string} endpoint  ws:// URL of the browser's DevTools endpoint
 * @property {import('node:child_process').ChildProcess} process
 * @property {() => string} stderrTail
 */

/**
 * @param {{ executablePath: string, headless: boolean, profileDir: string, timeoutMs: number, dark: boolean }} options
 * @param {(child: import('node:child_process').ChildProcess) => void} onSpawn  told at once, so the
 *   process can be ended even if this process dies before Chromium is ready
 * @returns {Promise<RunningChromium>}
 */
export async function startChromium({ executablePath, headless, profileDir, timeoutMs, dark }, onSpawn) {
  mkdirSync(profileDir, { recursive: true });
  // A profile left by an earlier run would point at a port that is gone.
  const portFile = join(profileDir, 'DevToolsActivePort');
  rmSync(portFile, { force: true });
  const args = [
    // Port 0: Chromium picks a free port and writes it to <profile>/DevToolsActivePort.
    '--remote-debugging-port=0',
    `--user-data-dir=${profileDir}`,
    // Windows are opened by BrowserWindow, not at start.
    '--no-startup-window',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--disable-extensions',
    '--disable-default-apps',
    '--disable-features=Translate,MediaRouter,OptimizationHints',
    '--password-store=basic',
    // The renderer's navigator.language matches app.getLocale().
    '--lang=en-US',
    ...(headless ? ['--headless=new'] : []),
    // The simulated OS colour preference (nativeTheme.themeSource 'system').
    ...(dark ? ['--force-dark-mode'] : []),
    // Chromium's own sandbox refuses to run as root.
    ...(process.getuid?.() === 0 || process.env.CHROMIUM_NO_SANDBOX ? ['--no-sandbox'] : []),
  ];
  const child = spawn(executablePath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  onSpawn(child);
  /** @type {{ error: Error | null }} set asynchronously by the 'error' event */
  const failure = { error: null };
  child.on('error', (error) => (failure.error = error));
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + String(chunk)).slice(-4000);
  });
  const stderrTail = () => stderr.trim().split('\n').slice(-8).join('\n');

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (failure.error) {
      throw new Error(`Chromium could not be started (${executablePath}): ${failure.error.message}`);
    }
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Chromium (${executablePath}) exited at start:\n${stderrTail()}`);
    }
    const lines = readPortFile(portFile);
    if (lines) return { endpoint: `ws://127.0.0.1:${lines[0]}${lines[1]}`, process: child, stderrTail };
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Chromium did not open its DevTools port within ${timeoutMs} ms:\n${stderrTail()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * @param {string} file
 * @returns {[string, string] | null}
 */
function readPortFile(file) {
  try {
    const [port, path] = readFileSync(file, 'utf8').split('\n');
    return port && path ? [port, path] : null;
  } catch {
    return null;
  }
}

/**
 * Ends Chromium: politely, then for sure.
 * @param {import('node:child_process').ChildProcess} child
 * @param {number} graceMs
 */
export async function stopChromium(child, graceMs = 3000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
