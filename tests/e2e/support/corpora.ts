import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Third-party test corpora live in ../shared/corpora (never copied into the
 * project); BULLETIN_CORPORA overrides the place. Null when absent, so specs
 * skip with a message and a fresh clone elsewhere still passes.
 */
export function corporaFolder(): string | null {
  const folder =
    process.env.BULLETIN_CORPORA ?? fileURLToPath(new URL('../../../../shared/corpora', import.meta.url));
  return existsSync(folder) ? folder : null;
}

/** The DOMPurify XSS payloads, or none when the corpora are absent (the caller skips, saying so). */
export function xssPayloads(): { title: string | null; payload: string }[] {
  const folder = corporaFolder();
  return folder ? JSON.parse(readFileSync(join(folder, 'xss', 'dompurify-payloads.json'), 'utf8')) : [];
}
