/**
 * The electron module as main's bridge needs it in a unit test, and the handlers it registers.
 * A test mocks electron with it before importing main's code:
 *
 *   vi.mock('electron', () => import('../support/electronBridge').then(({ electron }) => electron));
 *
 * This module imports nothing of main's, so the mock can load it first.
 */
type Listener = (...args: unknown[]) => unknown;

/** What main registered with `ipcMain.handle`, by channel. */
export const registered = new Map<string, Listener>();

export const electron = {
  ipcMain: { handle: (channel: string, listener: Listener) => registered.set(channel, listener) },
  BrowserWindow: { getAllWindows: () => [], fromWebContents: () => null },
  nativeTheme: {},
  protocol: {},
  app: { getLocale: () => 'en' },
  dialog: {},
  shell: {},
};

/** A window of the app (its contents' id) asking from its top frame. */
export const appWindow = (id = 1) => ({
  sender: { id },
  senderFrame: { url: 'app://bulletin/index.html', parent: null },
});

/** Calls a channel's registered handler as `event` (by default the app's window) would. */
export function callBridge(
  channel: string,
  args: readonly unknown[],
  event: unknown = appWindow(),
): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message?: string } }> {
  const listener = registered.get(channel);
  if (!listener) throw new Error(`no handler for ${channel}`);
  return Promise.resolve(listener(event, ...args)) as Promise<{
    ok: boolean;
    value?: unknown;
    error?: { code: string; message?: string };
  }>;
}
