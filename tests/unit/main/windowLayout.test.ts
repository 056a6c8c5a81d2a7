import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { argumentSchemas } from '../../../main/ipc/schemas';
import { openWindowLayout } from '../../../main/windows/windowLayout';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bulletin-layout-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

describe('the window layout file', () => {
  it('is the defaults before anything is saved', async () => {
    expect(await openWindowLayout(folder).load()).toEqual({ textSize: 100 });
  });

  it('comes back as saved after a restart, from its own small file', async () => {
    await openWindowLayout(folder).save({ textSize: 150, listWidth: 480, sidebarWidth: 240 });
    expect(await openWindowLayout(folder).load()).toEqual({
      textSize: 150,
      listWidth: 480,
      sidebarWidth: 240,
    });
    expect(JSON.parse(await readFile(join(folder, 'window-layout.json'), 'utf8'))).toMatchObject({
      schemaVersion: 1,
    });
  });

  it('falls back to its copy when the file is damaged, and to the defaults when both are', async () => {
    await openWindowLayout(folder).save({ textSize: 125 });
    await writeFile(join(folder, 'window-layout.json'), '{"schemaVer');
    expect(await openWindowLayout(folder).load()).toEqual({ textSize: 125 });
    // Out of bounds (a hand edit) counts as damaged too.
    await writeFile(
      join(folder, 'backups', 'window-layout.json'),
      '{"schemaVersion":1,"layout":{"textSize":900}}',
    );
    expect(await openWindowLayout(folder).load()).toEqual({ textSize: 100 });
  });

  it('refuses at the door a size or a width out of bounds', () => {
    const save = argumentSchemas.saveWindowLayout;
    expect(save.safeParse([{ textSize: 200, listWidth: 260 }]).success).toBe(true);
    expect(save.safeParse([{ textSize: 201 }]).success).toBe(false);
    expect(save.safeParse([{ textSize: 79 }]).success).toBe(false);
    expect(save.safeParse([{ textSize: 100, listWidth: 100_000 }]).success).toBe(false);
    expect(save.safeParse([{ textSize: 100, extra: 1 }]).success).toBe(false);
  });
});
