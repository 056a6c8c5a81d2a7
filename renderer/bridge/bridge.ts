import type { BulletinsApi } from '../../preload/api';
import type { BridgeFailure } from '../../preload/channels';
import type { BridgeErrorCode } from '../../preload/contract';

/**
 * A call main refused or failed, with the kind of failure to act on (a full disk is not a
 * refused file) and the sentence main has already translated for the user.
 */
export class BridgeError extends Error {
  readonly code: BridgeErrorCode;
  constructor(failure: BridgeFailure) {
    super(failure.message);
    this.name = 'BridgeError';
    this.code = failure.code;
  }
}

const isFailure = (value: unknown): value is BridgeFailure =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as BridgeFailure).code === 'string' &&
  typeof (value as BridgeFailure).message === 'string';

/** The API with each failure as a BridgeError (the preload rejects with plain data: see preload/api.ts). */
const wrapped = new WeakMap<BulletinsApi, BulletinsApi>();

function withErrors(api: BulletinsApi): BulletinsApi {
  const calls = Object.fromEntries(
    Object.entries(api).map(([name, method]) => [
      name,
      typeof method !== 'function' || name === 'subscribe'
        ? method
        : (...args: unknown[]) =>
            (method as (...args: unknown[]) => Promise<unknown>)(...args).catch((error: unknown) => {
              throw isFailure(error) && !(error instanceof Error) ? new BridgeError(error) : error;
            }),
    ]),
  );
  return calls as BulletinsApi;
}

/**
 * The API main offers, read at call time from `window.bulletins` (never
 * cached at import, so a test page can install its own before calling).
 */
export function bridge(): BulletinsApi {
  const api = window.bulletins;
  let shown = wrapped.get(api);
  if (!shown) wrapped.set(api, (shown = withErrors(api)));
  return shown;
}

/** The kind of failure, when a bridge call failed; undefined for anything else (a bug here). */
export function failureCode(error: unknown): BridgeErrorCode | undefined {
  return error instanceof BridgeError ? error.code : undefined;
}

/**
 * The sentence to show for a failure. Bridge calls reject with a BridgeError whose message main
 * has already translated for the user; anything else (a bug here) gets the generic sentence
 * instead of a stack trace.
 */
export function userMessage(error: unknown, fallback: string): string {
  if (error instanceof Error && error.message.trim() !== '') return error.message;
  return fallback;
}
