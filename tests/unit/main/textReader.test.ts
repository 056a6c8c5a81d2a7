import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../main/store/library';
import { readInWorker, type TextReader } from '../../../main/store/textReader';
import { bulletin } from './storeFixtures';

const shim = new URL('./tsWorker.mjs', import.meta.url);
const workerSource = new URL('../../../main/store/textWorker.ts', import.meta.url).href;
const startReader = () => readInWorker(shim, { workerData: { file: workerSource } });

let folder: string;
let reader: TextReader | undefined;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bulletin-text-'));
});
afterEach(async () => {
  reader?.close();
  reader = undefined;
  await rm(folder, { recursive: true, force: true });
});

/** Texts whose bytes take each of the worker's ways back: ASCII and Latin-1, wider, not UTF-8. */
const SAMPLES: Record<string, string | Buffer> = {
  'ascii.json': '{"title":"Border crossings"}',
  'latin1.json': '{"title":"Réfugiés à la frontière, niños y señoras"}',
  'wide.json': '{"title":"اللاجئون على الحدود — 🚌 €"}',
  'bom.json': '\uFEFF{"title":"with a byte order mark"}',
  // A lone continuation byte and a cut-off sequence: what readFile makes of them is the reference.
  'broken.json': Buffer.from([0x7b, 0x22, 0x80, 0x61, 0xc3, 0x22, 0x7d]),
};

describe('reading the store’s files in a worker', () => {
  it('gives exactly the text a read on this thread gives, whatever the characters', async () => {
    for (const [name, content] of Object.entries(SAMPLES)) await writeFile(join(folder, name), content);
    reader = startReader();
    const paths = Object.keys(SAMPLES).map((name) => join(folder, name));
    reader.expect(paths);
    for (const path of paths) expect((await reader.readMonth(path)).text).toBe(await readFile(path, 'utf8'));
  });

  it('says a missing file is missing, as readFile does', async () => {
    reader = startReader();
    await expect(reader.readMonth(join(folder, 'absent.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('reads on this thread when the worker cannot start', async () => {
    await writeFile(join(folder, 'a.json'), '{"a":"é"}');
    reader = readInWorker(new URL('./no-such-worker.mjs', import.meta.url));
    expect((await reader.readMonth(join(folder, 'a.json'))).text).toBe('{"a":"é"}');
  });

  it('opens the same library through it as without it', async () => {
    const library = await openLibrary(folder);
    for (const month of ['2021-01', '2021-02', '2021-03', '2021-04', '2021-05', '2021-06'])
      await library.add([
        bulletin(`${month}-a`, `${month}-02`),
        { ...bulletin(`${month}-b`, `${month}-01`), title: 'Niños en la frontera — مخيم' },
      ]);
    library.close();
    reader = startReader();
    const viaWorker = await openLibrary(folder, { reader });
    const here = await openLibrary(folder);
    expect(viaWorker.bulletins()).toEqual(here.bulletins());
    expect(viaWorker.bulletins()).toHaveLength(12);
    viaWorker.close();
    here.close();
  });
});
