// Finds a Chromium for tests/host. Importable (findChromium) and runnable:
// `node tests/host/find-chromium.mjs` prints the path, or one line saying how to get one and exits 1.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const HOW_TO_GET_CHROMIUM =
  'No Chromium found for tests/host: set CHROMIUM_PATH, or run `apt-get install chromium` or `npx playwright install chromium`.';

/**
 * $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own download when present.
 * Synchronous, so playwright.config.ts can call it.
 * @returns {string | null}
 */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  try {
    /** @type {typeof import('playwright-core')} */
    const { chromium } = createRequire(import.meta.url)('playwright-core');
    const path = chromium.executablePath();
    return existsSync(path) ? path : null;
  } catch {
    // playwright-core knows no browser for this platform.
    return null;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = findChromium();
  if (path) {
    console.log(path);
  } else {
    console.error(HOW_TO_GET_CHROMIUM);
    process.exitCode = 1;
  }
}
