import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { _electron, test as base, type ElectronApplication, type Page } from '@playwright/test';
import { launchApp } from '../host/launch.mjs';
import type { DialogScript, HostApp } from '../host/types';
import { findElectronBinary } from '../host/find-electron.mjs';

export { expect } from '@playwright/test';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The records only tests/host keeps (what a real Electron would show the user or hand to the OS). */
export type HostRecords = Pick<
  HostApp,
  'dialogsShown' | 'openedExternally' | 'shellCalls' | 'blockedRequests'
>;

/** The part of Playwright's ElectronApplication the specs use; the same on both projects. */
export interface App {
  firstWindow(options?: { timeout?: number }): Promise<Page>;
  windows(): Page[];
  evaluate: HostApp['evaluate'];
  close(): Promise<void>;
  process(): ChildProcess;
  /** tests/host's records; null on real Electron (skip such checks there). */
  host: HostRecords | null;
}

export interface LaunchRequest {
  /** Default: this test's own folder (the same one on every launch, so a relaunch finds the data). */
  userDataDir?: string;
  /** Scripted dialog answers (see tests/host/README.md). */
  dialogs?: DialogScript;
  env?: Record<string, string>;
}

interface Fixtures {
  /** A fresh user-data folder for this test (under test-results/, kept for inspection). */
  userDataDir: string;
  /** Starts the app; every app started is closed after the test. A string is a userDataDir. */
  launch: (request?: LaunchRequest | string) => Promise<App>;
  app: App;
  /** The app's first window. */
  window: Page;
  /** Skips the electron project where Electron's binary is missing. */
  runtime: 'host' | 'electron';
}

/** On real Electron the dialogs are replaced in main, answering from the same script as the host's. */
async function scriptDialogs(app: App, dialogs: DialogScript): Promise<void> {
  await app.evaluate(({ dialog }, script) => {
    const queue = {
      open: [...(script.open ?? [])],
      save: [...(script.save ?? [])],
      message: [...(script.message ?? [])],
    };
    const optionsOf = (args: unknown[]) =>
      (args.length > 1 ? args[1] : args[0]) as { defaultId?: number } | undefined;
    dialog.showOpenDialog = (async () => {
      const paths = queue.open.shift();
      return paths ? { canceled: false, filePaths: paths } : { canceled: true, filePaths: [] };
    }) as typeof dialog.showOpenDialog;
    dialog.showSaveDialog = (async () => {
      const path = queue.save.shift();
      return path ? { canceled: false, filePath: path } : { canceled: true, filePath: '' };
    }) as typeof dialog.showSaveDialog;
    dialog.showMessageBox = (async (...args: unknown[]) => ({
      response: queue.message.shift() ?? optionsOf(args)?.defaultId ?? 0,
      checkboxChecked: false,
    })) as typeof dialog.showMessageBox;
  }, dialogs);
}

function fromElectron(electronApp: ElectronApplication): App {
  return {
    firstWindow: (options) => electronApp.firstWindow(options),
    windows: () => electronApp.windows(),
    evaluate: ((fn, arg) => electronApp.evaluate(fn as never, arg)) as HostApp['evaluate'],
    close: () => electronApp.close(),
    process: () => electronApp.process(),
    host: null,
  };
}

function fromHost(hostApp: HostApp): App {
  return {
    firstWindow: (options) => hostApp.firstWindow(options),
    windows: () => hostApp.windows(),
    evaluate: hostApp.evaluate,
    close: () => hostApp.close(),
    process: () => hostApp.process(),
    host: hostApp,
  };
}

export const test = base.extend<Fixtures>({
  runtime: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
    async ({}, use, testInfo) => {
      const runtime = testInfo.project.name === 'electron' ? 'electron' : 'host';
      if (runtime === 'electron') {
        const binary = findElectronBinary();
        testInfo.skip('missing' in binary, 'missing' in binary ? binary.missing : '');
      }
      await use(runtime);
    },
    { auto: true },
  ],

  // eslint-disable-next-line no-empty-pattern -- as above.
  userDataDir: async ({}, use, testInfo) => {
    await use(testInfo.outputPath('user-data'));
  },

  launch: async ({ runtime, userDataDir }, use) => {
    const started: App[] = [];
    await use(async (request = {}) => {
      const {
        userDataDir: dir = userDataDir,
        dialogs,
        env = {},
      } = typeof request === 'string' ? { userDataDir: request } : request;
      let app: App;
      if (runtime === 'electron') {
        const electronApp = await _electron.launch({
          // '.': the app as `npm start` runs it (package.json's main, name and version).
          args: ['.'],
          cwd: REPO_ROOT,
          env: { ...(process.env as Record<string, string>), ...env, BULLETIN_USER_DATA_DIR: dir },
        });
        app = fromElectron(electronApp);
        if (dialogs) await scriptDialogs(app, dialogs);
      } else {
        app = fromHost(await launchApp({ userDataDir: dir, env, ...(dialogs ? { dialogs } : {}) }));
      }
      started.push(app);
      return app;
    });
    await Promise.all(started.map((app) => app.close().catch(() => {})));
  },

  app: async ({ launch }, use) => {
    await use(await launch());
  },

  window: async ({ app }, use) => {
    await use(await app.firstWindow());
  },
});
