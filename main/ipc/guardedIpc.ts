import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { z } from 'zod';
import type { BulletinsApi } from '../../preload/api';
import { channels, type Method, type Reply } from '../../preload/channels';
import type { BridgeErrorCode } from '../../preload/contract';
import { t } from '../i18n';
import { isAppUrl } from '../windows/appProtocol';

/** What a handler learns about its caller: the window's contents, never the raw event. */
export interface Caller {
  sender: WebContents;
}

export type Handler<M extends Method> = (
  caller: Caller,
  ...args: Parameters<BulletinsApi[M]>
) => Promise<Awaited<ReturnType<BulletinsApi[M]>>> | Awaited<ReturnType<BulletinsApi[M]>>;

export type Handlers = { [M in Method]: Handler<M> };

/**
 * Answers a call while the handlers are still to come (the library still opening), or resolves
 * to `undefined` to let the call wait for them.
 */
export type EarlyHandlers = {
  [M in Method]?: (
    caller: Caller,
    ...args: Parameters<BulletinsApi[M]>
  ) => Promise<Awaited<ReturnType<BulletinsApi[M]>> | undefined>;
};
type Schemas = { [M in Method]: z.ZodType<Parameters<BulletinsApi[M]>> };

/**
 * The one door into main from the renderer (as VS Code's validatedIpcMain):
 * every call is checked for who sent it and what it carries before a handler
 * runs, and every failure goes back as `{ code, message }`, never as a stack
 * trace or a path. Registered before the window opens, with the handlers still
 * to come while the library opens: a call waits for them rather than failing,
 * unless one of `early` can answer it already (the first page of the list).
 */
export function registerHandlers(
  schemas: Schemas,
  handlers: Handlers | Promise<Handlers>,
  early: EarlyHandlers = {},
): void {
  let ready = !(handlers instanceof Promise);
  if (handlers instanceof Promise)
    void handlers.then(
      () => (ready = true),
      () => (ready = true),
    );
  for (const method of Object.keys(channels) as Method[]) {
    const before = early[method] as EarlyHandler | undefined;
    const answer = (caller: Caller, args: unknown[]) =>
      !ready && before ? before(caller, ...args) : undefined;
    ipcMain.handle(channels[method], (event, ...args) =>
      dispatch(method, schemas, handlers, answer, event, args),
    );
  }
}

type EarlyHandler = (caller: Caller, ...args: unknown[]) => Promise<unknown>;

/** A call that is well formed but means nothing (a note on a bulletin that does not exist): its sentence is the user's. */
export class BridgeRefusal extends Error {
  constructor(
    readonly code: Exclude<BridgeErrorCode, 'failed'>,
    message: string,
  ) {
    super(message);
  }
}

/** Why the arguments were refused, in words: a text too long says so and names the limit. */
function invalidRequest(error: z.ZodError): string {
  const tooLong = error.issues.find((issue) => issue.code === 'too_big');
  if (tooLong?.code === 'too_big')
    return t(tooLong.origin === 'string' ? 'errors.textTooLong' : 'errors.tooMany', {
      max: Number(tooLong.maximum),
    });
  return t('errors.invalidRequest');
}

async function dispatch<M extends Method>(
  method: M,
  schemas: Schemas,
  handlers: Handlers | Promise<Handlers>,
  early: (caller: Caller, args: unknown[]) => Promise<unknown> | undefined,
  event: IpcMainInvokeEvent,
  args: unknown[],
): Promise<Reply<unknown>> {
  if (!isTrustedSender(event)) {
    return { ok: false, error: { code: 'forbidden', message: t('errors.forbidden') } };
  }
  const parsed = schemas[method].safeParse(args);
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid-request', message: invalidRequest(parsed.error) } };
  }
  try {
    const answer = await early({ sender: event.sender }, parsed.data as unknown[]);
    if (answer !== undefined) return { ok: true, value: answer };
    const ready = handlers instanceof Promise ? await handlers : handlers;
    const handler = ready[method] as (caller: Caller, ...args: unknown[]) => unknown;
    return { ok: true, value: await handler({ sender: event.sender }, ...(parsed.data as unknown[])) };
  } catch (error) {
    if (error instanceof BridgeRefusal)
      return { ok: false, error: { code: error.code, message: error.message } };
    console.error(`[ipc] ${channels[method]} failed`, error);
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      ok: false,
      error: {
        code: isDiskFull(error) ? 'disk-full' : 'failed',
        message: t('errors.unexpected', { reason: stripPaths(reason ?? '') }),
      },
    };
  }
}

/** Only our own page, in the top frame, may call: not an iframe, not a page navigated elsewhere. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/** A write refused for want of room: the window can say so, rather than a generic failure. */
function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

function stripPaths(text: string): string {
  return text.replace(/(?:[A-Za-z]:)?[\\/][^\s'"]+/g, '…');
}
