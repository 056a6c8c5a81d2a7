import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../../main/ipc/guardedIpc';
import { callBridge } from '../support/electronBridge';

// The one door from the renderer into main, driven the way Electron drives it.
vi.mock('electron', () => import('../support/electronBridge').then(({ electron }) => electron));

const { registerHandlers } = await import('../../../main/ipc/guardedIpc');
const { argumentSchemas } = await import('../../../main/ipc/schemas');
const { initI18n } = await import('../../../main/i18n');

const calls: unknown[][] = [];
const handlers = new Proxy({} as Handlers, {
  get:
    (_target, method) =>
    (_caller: unknown, ...args: unknown[]) => {
      calls.push([method, ...args]);
      if (args[0] === 'explode') throw new Error('ENOENT: no such file /home/field/secret/state.json');
      return 'ok';
    },
});

const frame = (url: string, parent: unknown = null) => ({ url, parent });
const event = (senderFrame: unknown) => ({ sender: {}, senderFrame });
const call = (channel: string, senderFrame: unknown, ...args: unknown[]) =>
  callBridge(channel, args, event(senderFrame));

describe('guarded IPC', () => {
  beforeAll(async () => {
    await initI18n('en');
    registerHandlers(argumentSchemas, handlers);
  });

  it('answers the app page in the top frame', async () => {
    expect(await call('bulletins:get', frame('app://bulletin/index.html'), 'some-id')).toEqual({
      ok: true,
      value: 'ok',
    });
    expect(calls.at(-1)).toEqual(['get', 'some-id']);
  });

  it('refuses a destroyed frame, an iframe and any other origin, before the handler runs', async () => {
    const before = calls.length;
    for (const sender of [
      null,
      frame('app://bulletin/index.html', frame('app://bulletin/index.html')),
      frame('https://evil.example/index.html'),
      frame('file:///etc/passwd'),
      frame('app://other/index.html'),
    ]) {
      expect(await call('library:toggleBookmark', sender, 'id')).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(calls.length).toBe(before);
  });

  it('refuses arguments that do not match the channel schema', async () => {
    const app = frame('app://bulletin/index.html');
    for (const args of [[], [42], [{ view: 'everything' }], [{ view: 'all', extra: true }]]) {
      expect(await call('bulletins:list', app, ...args)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    }
  });

  it('turns a failure into a message without paths or stack traces', async () => {
    const reply = (await call('bulletins:get', frame('app://bulletin/index.html'), 'explode')) as {
      ok: false;
      error: { code: string; message: string };
    };
    expect(reply.ok).toBe(false);
    expect(reply.error.code).toBe('failed');
    expect(reply.error.message).not.toContain('/home/field');
    expect(reply.error.message).not.toMatch(/\bat .*:\d+:\d+/);
  });

  it('registered before the library opens, a call waits for the handlers, then is answered', async () => {
    let give: (ready: Handlers) => void = () => undefined;
    registerHandlers(argumentSchemas, new Promise<Handlers>((resolve) => (give = resolve)));
    const reply = call('bulletins:get', frame('app://bulletin/index.html'), 'early');
    // A plain object, as createHandlers gives (the Proxy above would pass for a promise itself).
    give({ get: (_caller: unknown, id: string) => `got ${id}` } as unknown as Handlers);
    expect(await reply).toEqual({ ok: true, value: 'got early' });
    registerHandlers(argumentSchemas, handlers);
  });

  it('while the library opens, an early handler answers what it can; the rest waits for the handlers', async () => {
    let give: (ready: Handlers) => void = () => undefined;
    const early = {
      list: (_caller: unknown, request: { offset?: number }) =>
        Promise.resolve(request.offset ? undefined : { rows: [], terms: ['early'], counting: true }),
    };
    registerHandlers(argumentSchemas, new Promise<Handlers>((resolve) => (give = resolve)), early);
    const app = frame('app://bulletin/index.html');
    expect(await call('bulletins:list', app, { view: 'all', limit: 100 })).toEqual({
      ok: true,
      value: { rows: [], terms: ['early'], counting: true },
    });
    const later = call('bulletins:list', app, { view: 'all', offset: 100, limit: 5000 });
    give({ list: () => ({ rows: [], terms: ['whole'], total: 7 }) } as unknown as Handlers);
    expect(await later).toEqual({ ok: true, value: { rows: [], terms: ['whole'], total: 7 } });
    // Once the handlers are there, they answer everything, the first page too.
    expect(await call('bulletins:list', app, { view: 'all', limit: 100 })).toMatchObject({
      value: { terms: ['whole'] },
    });
    registerHandlers(argumentSchemas, handlers);
  });
});
