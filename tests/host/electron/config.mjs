// The launcher's settings for this main process ($ELECTRON_STANDIN_CONFIG), and the channel back to it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** @typedef {import('../types').StandInConfig} StandInConfig */
/** @typedef {import('../types').ChildMessage} ChildMessage */

/** @returns {StandInConfig} */
function readConfig() {
  const raw = process.env.ELECTRON_STANDIN_CONFIG;
  if (raw) return JSON.parse(raw);
  // Started by hand (node --import tests/host/register.mjs out/main/index.js): sensible defaults.
  return {
    chromiumPath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    tempDir: mkdtempSync(join(tmpdir(), 'electron-standin-')),
    appPath: process.cwd(),
    dialogs: {},
    colorScheme: 'light',
    debug: Boolean(process.env.DEBUG),
  };
}

export const config = readConfig();

/** @param {ChildMessage} message */
export function tellLauncher(message) {
  if (process.send && process.connected) process.send(message);
}

/** @param {...unknown} parts */
export function debugLog(...parts) {
  if (config.debug)
    console.error('[host]', ...parts.map((part) => (part instanceof Error ? part.message : part)));
}
