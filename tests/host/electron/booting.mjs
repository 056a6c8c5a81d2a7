// Chromium, started as soon as the main process starts (register.mjs imports this before the app's
// entry): Electron's browser process is up before main.js runs, so the app's module loading and
// Chromium's start overlap here as they do there.
import { join } from 'node:path';
import { startChromium } from './chromium.mjs';
import { config } from './config.mjs';

/** @type {{ process: import('node:child_process').ChildProcess | null }} */
export const chromiumChild = { process: null };

export const chromiumStarted = startChromium(
  {
    executablePath: config.chromiumPath,
    headless: config.headless,
    profileDir: join(config.tempDir, 'chromium-profile'),
    timeoutMs: 30_000,
    dark: config.colorScheme === 'dark',
  },
  (child) => (chromiumChild.process = child),
);
// Awaited by runtime.mjs; a failure is reported there, not as an unhandled rejection here.
chromiumStarted.catch(() => {});
