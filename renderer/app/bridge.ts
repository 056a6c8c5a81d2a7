import type { BulletinsApi } from '../../preload/api';

/**
 * The API main offers, read at call time from `window.bulletins` (never
 * cached at import, so a test page can install its own before calling).
 */
export function bridge(): BulletinsApi {
  return window.bulletins;
}

/**
 * The sentence to show for a failure. Bridge calls reject with an Error whose
 * message main has already translated for the user; anything else (a bug here)
 * gets the generic sentence instead of a stack trace.
 */
export function userMessage(error: unknown, fallback: string): string {
  if (error instanceof Error && error.message.trim() !== '') return error.message;
  return fallback;
}
