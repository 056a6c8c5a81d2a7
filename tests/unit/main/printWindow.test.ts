import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PrintJob } from '../../../preload/printContract';

/** A print window whose page dies while loading, as Chromium's renderer does when it runs out of memory. */
class CrashingWindow {
  destroyed = false;
  webContents = Object.assign(new EventEmitter(), {
    executeJavaScript: () => new Promise(() => {}),
  });
  loadURL() {
    setTimeout(() => this.webContents.emit('render-process-gone', {}, { reason: 'oom' }), 0);
    return new Promise(() => {});
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
  }
}
vi.mock('electron', () => ({ BrowserWindow: CrashingWindow, protocol: {} }));

const { initI18n } = await import('../../../main/i18n');
const { withPrintWindow } = await import('../../../main/export/printWindow');

beforeAll(() => initI18n('fr'));
afterAll(() => initI18n('en'));

describe('the print window', () => {
  it('says in the UI language why an export stopped when its page dies', async () => {
    const steps = { onPhase: () => {}, signal: new AbortController().signal };
    await expect(withPrintWindow({} as PrintJob, steps, () => Promise.resolve('never'))).rejects.toThrow(
      'la mise en page de l’exportation s’est arrêtée de manière inattendue',
    );
  });
});
