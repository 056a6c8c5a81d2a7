import { defineConfig } from '@playwright/test';
import { findChromium } from './tests/host/find-chromium.mjs';
import { findElectronBinary } from './tests/host/find-electron.mjs';

const electron = findElectronBinary();
// Said once per run (the runner loads this file again in each worker, which sets TEST_WORKER_INDEX).
if ('missing' in electron && process.env.TEST_WORKER_INDEX === undefined) {
  console.log(
    `[electron project] every test skipped: ${electron.missing}. The host project runs them on tests/host.`,
  );
}

/**
 * One set of specs, two ways to run the app: `host` runs the built bundles on tests/host (Chromium +
 * the electron stand-in) everywhere; `electron` runs them on real Electron where its binary exists.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  // Each test starts its own app (a Node process and a Chromium): two at a time suits a 2-core machine.
  workers: 2,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    // Only for browsers Playwright itself launches (the specs launch the app through fixtures.ts).
    launchOptions: { executablePath: findChromium() ?? undefined },
  },
  projects: [
    { name: 'host', metadata: { runtime: 'tests/host' } },
    {
      name: 'electron',
      metadata: { runtime: 'electron', binary: 'path' in electron ? electron.path : null },
    },
  ],
});
