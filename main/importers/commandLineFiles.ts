import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';

/**
 * The files a launch was given (`bulletin-reader a.txt b.txt`, or the OS
 * opening a file with the app): the arguments after the executable (and the
 * app folder, when run as `electron .`) that are existing files. Switches
 * (`--x`) and Chromium's own arguments are skipped, and so are `ownPaths`
 * (the app's folder and main script, which a development launch passes).
 */
export async function filesFromCommandLine(
  argv: readonly string[],
  workingDirectory: string,
  ownPaths: readonly string[] = [],
): Promise<string[]> {
  const own = new Set(ownPaths.map((path) => resolve(path)));
  const files: string[] = [];
  for (const argument of argv.slice(1)) {
    if (argument.startsWith('-')) continue;
    const path = isAbsolute(argument) ? argument : resolve(workingDirectory, argument);
    if (own.has(path)) continue;
    const found = await stat(path).catch(() => null);
    if (found?.isFile()) files.push(path);
  }
  return files;
}
