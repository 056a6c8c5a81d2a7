import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { channels } from '../../preload/channels';
import { expect, test } from './fixtures';

const PRELOAD_BUNDLE = fileURLToPath(new URL('../../out/preload/index.cjs', import.meta.url));

/** 'default-src x; img-src y' → { 'default-src': ['x'], 'img-src': ['y'] } */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name?.toLowerCase(), values]),
  );
}

/** Any source that lets the renderer reach beyond the app itself. */
function remoteSources(policy: string): string[] {
  return Object.values(directives(policy))
    .flat()
    .filter(
      (source) => source === '*' || /^(https?|wss?|ftp):/i.test(source) || /^[\w*-]+(\.[\w-]+)+/.test(source),
    );
}

test('the window is isolated, sandboxed, without Node, with web security and the preload', async ({
  app,
  window: page,
}) => {
  const preferences = await app.evaluate(({ BrowserWindow }) => {
    const [first] = BrowserWindow.getAllWindows();
    // Undocumented but real (Electron's own specs use it): the preferences the page runs with.
    const contents = first?.webContents as unknown as {
      getLastWebPreferences(): Electron.WebPreferences | null;
    };
    const prefs = contents?.getLastWebPreferences();
    return (
      prefs && {
        contextIsolation: prefs.contextIsolation,
        sandbox: prefs.sandbox,
        nodeIntegration: prefs.nodeIntegration,
        nodeIntegrationInSubFrames: prefs.nodeIntegrationInSubFrames,
        webSecurity: prefs.webSecurity,
        webviewTag: prefs.webviewTag,
        preload: prefs.preload,
      }
    );
  });
  expect(preferences).toMatchObject({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
  });
  expect(preferences?.webSecurity).not.toBe(false);
  expect(preferences?.preload).toMatch(/out[\\/]preload[\\/]index\.cjs$/);

  // What that means in the page: the bridge and nothing else.
  const globals = await page.evaluate(() => ({
    bulletins: typeof window.bulletins,
    require: typeof (window as unknown as Record<string, unknown>).require,
    process: typeof (window as unknown as Record<string, unknown>).process,
    module: typeof (window as unknown as Record<string, unknown>).module,
  }));
  expect(globals).toEqual({
    bulletins: 'object',
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
  });
});

test('the CSP allows no remote origin and is in force in the renderer', async ({ app, window: page }) => {
  // The header the app:// handler sends (net.fetch goes through protocol.handle, on Electron too).
  const header = await app.evaluate(async ({ net }) => {
    const response = await net.fetch('app://bulletin/index.html');
    return response.headers.get('content-security-policy');
  });
  const meta = await page.evaluate(
    () =>
      document.querySelector('meta[http-equiv="Content-Security-Policy" i]')?.getAttribute('content') ?? null,
  );
  const policies = [header, meta].filter((policy): policy is string => policy !== null);
  expect(policies.length, 'a CSP header or meta tag').toBeGreaterThan(0);
  for (const policy of policies) {
    expect(directives(policy)['default-src']).toEqual(["'self'"]);
    expect(remoteSources(policy)).toEqual([]);
  }

  // Enforced, not just declared: a remote fetch is refused by the policy before any request is made,
  // and an injected inline script does not run.
  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(event.effectiveDirective),
    );
    const fetched = await fetch('https://example.org/tracker.gif').then(
      () => 'loaded',
      () => 'refused',
    );
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.head.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { fetched, inlineRan: '__inlineRan' in window, violations };
  });
  expect(outcome.fetched).toBe('refused');
  expect(outcome.inlineRan).toBe(false);
  expect(outcome.violations).toEqual(expect.arrayContaining(['connect-src', 'script-src-elem']));

  // tests/host also sees every request: the renderer asked for nothing outside app://.
  if (app.host) expect(await app.host.blockedRequests()).toEqual([]);
});

test('every method of the contract has an ipcMain handler', async ({ app, window: page }) => {
  await expect(page.locator('body')).not.toBeEmpty();
  // Electron has no API to list handlers, but handle() refuses a second one for the same channel.
  const missing = await app.evaluate(
    ({ ipcMain }, names) =>
      names.filter((channel) => {
        try {
          ipcMain.handle(channel, () => null);
          ipcMain.removeHandler(channel);
          return true;
        } catch {
          return false;
        }
      }),
    Object.values(channels),
  );
  expect(missing).toEqual([]);

  const exposed = await page.evaluate(() => Object.keys(window.bulletins).sort());
  expect(exposed).toEqual(expect.arrayContaining(Object.keys(channels)));
});

test('the preload bundle requires nothing but electron', async () => {
  const source = readFileSync(PRELOAD_BUNDLE, 'utf8');
  const calls = source.match(/\brequire\s*\(/g) ?? [];
  const literal = [...source.matchAll(/\brequire\s*\(\s*(['"`])([^'"`]+)\1\s*\)/g)].map((match) => match[2]);
  expect(literal.length, 'every require( names a module literally').toBe(calls.length);
  expect(new Set(literal)).toEqual(new Set(['electron']));

  // And run it as the sandbox would: a require that knows 'electron' only.
  const exposed: Record<string, unknown> = {};
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
    ipcRenderer: { invoke: async () => ({ ok: true, value: null }), on() {}, removeListener() {} },
  };
  const sandboxRequire = (name: string) => {
    if (name === 'electron') return electron;
    throw new Error(`module not found: ${name}`);
  };
  const module = { exports: {} };
  runInNewContext(`(function (require, module, exports) {\n${source}\n})`, {}, { filename: PRELOAD_BUNDLE })(
    sandboxRequire,
    module,
    module.exports,
  );
  expect(Object.keys(exposed)).toEqual(['bulletins']);
  expect(Object.keys(exposed.bulletins as object)).toEqual(expect.arrayContaining(Object.keys(channels)));
});
