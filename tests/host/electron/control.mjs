// Requests from the launcher (launch.mjs): evaluate a function in this process, read the records, quit.
import { app } from './app.mjs';
import { tellLauncher } from './config.mjs';
import { applyColorScheme } from './native-theme.mjs';
import { records } from './records.mjs';
import { contentsByPage, contentsByTarget } from './registry.mjs';

/**
 * What can cross back to the test: structured-clone as is, else its JSON, else nothing (as Playwright
 * returns undefined for values it cannot serialise).
 * @param {unknown} value
 */
function cloneable(value) {
  try {
    return structuredClone(value);
  } catch {
    try {
      return JSON.parse(JSON.stringify(value) ?? 'null');
    } catch {
      return undefined;
    }
  }
}

/**
 * @param {Record<string, unknown>} electron  the stand-in module, the first argument of evaluated functions
 */
export function listenToLauncher(electron) {
  process.on('message', async (/** @type {import('../types').ParentMessage} */ message) => {
    if (message.type === 'evaluate') {
      try {
        // Indirect eval: the function sees globals only, like Playwright's electronApp.evaluate.
        const fn = (0, eval)(`(${message.source})`);
        const value = await fn(electron, message.arg);
        tellLauncher({ type: 'reply', id: message.id, ok: true, value: cloneable(value) });
      } catch (error) {
        const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
        tellLauncher({ type: 'reply', id: message.id, ok: false, error: text });
      }
    } else if (message.type === 'records') {
      tellLauncher({ type: 'reply', id: message.id, ok: true, value: cloneable(records) });
    } else if (message.type === 'attached') {
      // By target, which _attach registers before its first await: the webContents' own link (and so
      // _targetId()) is set only at its end, and a message arriving in between was lost. A message that
      // arrives before _attach starts needs nothing: _attach applies the scheme after the launcher's reset.
      const attached = contentsByTarget.get(message.targetId);
      for (const [page, contents] of contentsByPage) {
        if (contents === attached) void applyColorScheme(page);
      }
    } else if (message.type === 'quit') {
      tellLauncher({ type: 'reply', id: message.id, ok: true, value: null });
      app.quit();
    }
  });
}
