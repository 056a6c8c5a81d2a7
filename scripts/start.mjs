// `npm start`: builds, then runs the app on real Electron; where Electron's runtime cannot be had
// (its download is unreachable), opens the same built app in a visible Chromium through tests/host.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(import.meta.url);

/** @param {string} message */
function fail(message) {
  console.error(message);
  process.exit(1);
}

function build() {
  const cli = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) fail('npm start: the build failed (see above).');
}

/**
 * Electron's binary path, downloading it first if needed (what `require('electron')` does). The
 * attempt runs in a child process so the installer's noise and stack traces stay out of sight.
 * @returns {string | null}
 */
function electronBinary() {
  const result = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 10 * 60_000,
  });
  const path = result.status === 0 ? result.stdout.trim() : '';
  return path && existsSync(path) ? path : null;
}

/** @param {string} binary */
function runElectron(binary) {
  const child = spawn(binary, ['.'], { cwd: ROOT, stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM']))
    process.on(signal, () => child.kill(signal));
}

/** Where Electron would keep the library (app.getPath('userData')), so both ways share it. */
function defaultUserDataDir() {
  if (process.env.BULLETIN_USER_DATA_DIR) return process.env.BULLETIN_USER_DATA_DIR;
  /** @type {{ productName?: string, name: string }} */
  const pkg = require(join(ROOT, 'package.json'));
  const name = pkg.productName ?? pkg.name;
  if (process.platform === 'win32')
    return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), name);
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', name);
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), name);
}

async function runOnHost() {
  console.log(
    "Electron's runtime could not be downloaded here; opening Bulletin Reader in Chromium through tests/host instead.",
  );
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    fail(
      'There is no display here ($DISPLAY is not set), so no window can open: try `xvfb-run npm start`, or `npm run screenshot` to see the app as pictures.',
    );
  }
  const { launchApp } = await import('../tests/host/launch.mjs');
  const userDataDir = defaultUserDataDir();
  mkdirSync(userDataDir, { recursive: true });
  /** @type {import('../tests/host/types').HostApp} */
  let app;
  try {
    app = await launchApp({ userDataDir, headless: false });
  } catch (error) {
    fail(`Bulletin Reader could not start: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  // Until the user closes the window (the app quits) or presses Ctrl-C.
  const ended = new Promise((resolve) => app.on('close', () => resolve(undefined)));
  const stop = () => void app.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await ended;
  process.exit(app.process().exitCode ?? 0);
}

build();
const binary = electronBinary();
if (binary) runElectron(binary);
else await runOnHost();
