import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { filesFromCommandLine } from '../../../main/importers/commandLineFiles';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bulletin-argv-'));
  await writeFile(join(folder, 'digest.txt'), 'x');
  await writeFile(join(folder, 'main.js'), 'x');
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

it('a second launch hands over the files it was given, not switches, folders or the app itself', async () => {
  const argv = ['/usr/bin/electron', join(folder, 'main.js'), '--flag', 'digest.txt', '.', 'missing.txt'];
  expect(await filesFromCommandLine(argv, folder, [join(folder, 'main.js')])).toEqual([
    join(folder, 'digest.txt'),
  ]);
});
