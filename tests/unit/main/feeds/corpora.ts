import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * A folder of the shared third-party corpora ($BULLETIN_CORPORA, else ../shared/corpora
 * beside the repository), or undefined after printing why the tests using it are skipped.
 */
export function corpus(...parts: string[]): string | undefined {
  const root = process.env.BULLETIN_CORPORA ?? resolve(repoRoot, '../shared/corpora');
  const folder = join(root, ...parts);
  if (existsSync(folder)) return folder;
  console.log(`skipped: corpus ${folder} not found (set BULLETIN_CORPORA)`);
  return undefined;
}
