import { statSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The files named on a command line (`bulletin-reader news.xml digest.txt`, or what the
 * OS passes for "Open with"): arguments after the app's own, that are not switches and
 * name an existing file, resolved against the folder the command ran in.
 */
export function filesFromArgv(argv: readonly string[], cwd: string, firstArgument: number): string[] {
  return argv
    .slice(firstArgument)
    .filter((argument) => !argument.startsWith('-'))
    .map((argument) => resolve(cwd, argument))
    .filter((path) => {
      try {
        return statSync(path).isFile();
      } catch {
        return false;
      }
    });
}
