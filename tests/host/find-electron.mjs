// Where the real Electron binary is, if it was ever downloaded. Never starts a download (unlike
// `require('electron')`, which tries one when the binary is missing): playwright.config.ts and the
// e2e fixtures use it to decide whether the `electron` project can run.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** @returns {{ path: string } | { missing: string }} */
export function findElectronBinary() {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return { missing: "Electron's binary is not installed (its download is unreachable here)" };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  const path = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative)
    : join(packageDir, 'dist', relative);
  return existsSync(path) ? { path } : { missing: `Electron's binary is missing at ${path}` };
}
