// `node --import tests/host/register.mjs out/main/index.js`: makes 'electron' resolve to the stand-in
// for this process, for ESM imports (module.register hook) and CommonJS require alike.
import Module, { register } from 'node:module';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';

register('./resolve-electron.mjs', import.meta.url);

// require('electron') in a CommonJS dependency: Node 20's module hooks do not cover require().
const standIn = fileURLToPath(new URL('./electron/index.mjs', import.meta.url));
const moduleInternals = /** @type {{ _resolveFilename: (request: string, ...rest: unknown[]) => string }} */ (
  /** @type {unknown} */ (Module)
);
const resolveFilename = moduleInternals._resolveFilename;
/** @type {(this: unknown, request: string, ...rest: unknown[]) => string} */
const resolveToStandIn = function (request, ...rest) {
  if (request === 'electron' || request === 'electron/main') return standIn;
  return resolveFilename.call(this, request, ...rest);
};
moduleInternals._resolveFilename = resolveToStandIn;

// Chromium starts now, while Node loads the app (see electron/booting.mjs). Only on main's thread:
// the app's worker threads inherit this --import, and in Electron a worker starts no browser.
if (isMainThread) await import('./electron/booting.mjs');
