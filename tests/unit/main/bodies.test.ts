import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Bulletin } from '../../../preload/contract';
import { resolveScope } from '../../../main/export/resolveScope';
import { createBodyPhrases } from '../../../main/search/bodyPhrases';
import { createPhraseSearch } from '../../../main/search/phraseSearch';
import { searchPage } from '../../../main/search/pageSnippets';
import { matchingIds, searchBulletins } from '../../../main/search/searchBulletins';
import { createSearchIndex } from '../../../main/search/searchIndex';
import { allWithBodies, createBodies, type ArchiveBodies } from '../../../main/store/bodies';
import { openLibrary, type Library } from '../../../main/store/library';
import { libraryBackupText } from '../../../main/store/libraryBackup';
import { createMonthBodies } from '../../../main/store/monthBodies';
import { bodiesOutOf, readMonthFile, serialiseMonth } from '../../../main/store/monthLayout';
import { readInWorker } from '../../../main/store/textReader';
import { whole } from '../../../main/mainThread/slices';
import { bulletin } from './storeFixtures';

const shim = new URL('./tsWorker.mjs', import.meta.url);
const workerSource = new URL('../../../main/store/textWorker.ts', import.meta.url).href;

/** A body with what JSON escapes, non-Latin-1 text and a key-like sequence, so byte ranges are tested. */
const bodyOf = (id: string, size = 1) =>
  `<p>${id}: «${'réfugiés — اللاجئون 🚌 '.repeat(size)}» "quoted" \\ \n "bodyHtml":"not a key"</p>`;
const withBody = (id: string, published: string, size = 1): Bulletin => ({
  ...bulletin(id, published),
  bodyHtml: bodyOf(id, size),
});

const bodiless = (one: Bulletin) => {
  const fields: Partial<Bulletin> = { ...one };
  delete fields.bodyHtml;
  return fields as Omit<Bulletin, 'bodyHtml'>;
};

let folder: string;
const opened: Library[] = [];
const open = async (options: Parameters<typeof openLibrary>[1] = {}) => {
  const library = await openLibrary(folder, options);
  opened.push(library);
  return library;
};
const bodiesOf = async (library: Library, ids: string[]) =>
  Object.fromEntries(await library.bodies.read(ids));

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bulletin-bodies-'));
});
afterEach(async () => {
  for (const library of opened.splice(0)) library.close();
  await rm(folder, { recursive: true, force: true });
});

describe('a month file, bulletin by bulletin', () => {
  it('is serialised with a place to pause after each bulletin, so main is never held for a whole month', () => {
    const month = Array.from({ length: 5 }, (_, at) => withBody(`b${at}`, `2020-01-0${at + 1}`));
    const work = serialiseMonth(month.map(bodiless), (id) => month.find((one) => one.id === id)?.bodyHtml);
    let pauses = 0;
    let step = work.next();
    for (; !step.done; step = work.next()) pauses++;
    expect(pauses).toBe(month.length);
    expect(JSON.parse(step.value.bytes.toString('utf8'))).toEqual({ schemaVersion: 1, bulletins: month });
  });

  it('is exactly JSON.stringify of the month, and each range holds that bulletin’s body', () => {
    const month = [
      withBody('a', '2020-01-02'),
      bulletin('no-body', '2020-01-03'),
      withBody('c', '2020-01-04', 9),
    ];
    const bodies = new Map(month.map((one) => [one.id, one.bodyHtml]));
    const stored = month.map(bodiless);
    const { bytes, starts, lengths } = whole(serialiseMonth(stored, (id) => bodies.get(id)));
    const text = bytes.toString('utf8');
    expect(JSON.parse(text)).toEqual({ schemaVersion: 1, bulletins: month });
    expect(text).toBe(JSON.stringify(JSON.parse(text)));
    month.forEach((one, at) => {
      if (!one.bodyHtml) return expect(starts[at]).toBe(-1);
      const range = bytes.subarray(starts[at], (starts[at] as number) + (lengths[at] as number));
      expect(JSON.parse(range.toString('utf8'))).toBe(one.bodyHtml);
    });
    // Read back: the same ranges, and the month without its bodies.
    const split = bodiesOutOf(text);
    expect(split && [...split.starts]).toEqual([...starts]);
    expect(JSON.parse(split?.text ?? '')).toEqual({ schemaVersion: 1, bulletins: stored });
  });

  it('takes the body out wherever its key is: first, in the middle (an older app’s order), last', () => {
    const { bodyHtml = '', ...fields } = withBody('a', '2020-01-02');
    const entries = Object.entries(fields);
    const orders = [0, 2, entries.length].map((at) =>
      Object.fromEntries([...entries.slice(0, at), ['bodyHtml', bodyHtml], ...entries.slice(at)]),
    );
    for (const one of orders) {
      const text = JSON.stringify({ schemaVersion: 1, bulletins: [one, fields] });
      const split = bodiesOutOf(text);
      expect(JSON.parse(split?.text ?? '')).toEqual({ schemaVersion: 1, bulletins: [fields, fields] });
      const range = Buffer.from(text).subarray(
        split?.starts[0],
        (split?.starts[0] ?? 0) + (split?.lengths[0] ?? 0),
      );
      expect(JSON.parse(range.toString('utf8'))).toBe(bodyHtml);
    }
  });

  it('finds no ranges in a month written otherwise (spaced, or not a month)', () => {
    const month = { schemaVersion: 1, bulletins: [withBody('a', '2020-01-02')] };
    expect(bodiesOutOf(JSON.stringify(month, null, 2))).toBeNull();
    expect(bodiesOutOf(`${JSON.stringify(month)} `)).toBeNull();
    expect(bodiesOutOf('{"schemaVersion":1,"bulletins":[{"id":{"bodyHtml":"x"}}]}')).toBeNull();
    expect(bodiesOutOf('{"schemaVersion":1,"bulletins":[')).toBeNull();
  });
});

describe('bulletin bodies stay out of main’s heap', () => {
  it('holds no body after opening, with or without the worker, and reads each on demand', async () => {
    const first = await open();
    const months = ['2019-11', '2020-01', '2020-02'];
    await first.add(
      months.flatMap((month, at) => [
        withBody(`${month}-a`, `${month}-03`, at),
        withBody(`${month}-b`, `${month}-04`),
      ]),
    );
    first.close();
    const ids = months.flatMap((month) => [`${month}-a`, `${month}-b`]);
    for (const reader of [undefined, readInWorker(shim, { workerData: { file: workerSource } })]) {
      const library = await open({ reader });
      reader?.close();
      expect(library.bulletins()).toHaveLength(6);
      for (const held of library.bulletins()) expect(held).not.toHaveProperty('bodyHtml');
      expect(library.get('2020-01-a')).not.toHaveProperty('bodyHtml');
      expect(await bodiesOf(library, ids)).toEqual(
        Object.fromEntries(
          months.flatMap((month, at) => [
            [`${month}-a`, bodyOf(`${month}-a`, at)],
            [`${month}-b`, bodyOf(`${month}-b`)],
          ]),
        ),
      );
    }
  });

  it('holds no body of an import either, once its month is written', async () => {
    const library = await open();
    await library.add([withBody('new', '2020-05-05')]);
    expect(library.get('new')).not.toHaveProperty('bodyHtml');
    expect(await bodiesOf(library, ['new', 'absent'])).toEqual({ new: bodyOf('new') });
  });

  it('reads the right body after its month was rewritten: an update, a merge undone, a restore', async () => {
    const library = await open();
    await library.add([
      withBody('kept', '2020-03-01'),
      withBody('changed', '2020-03-02'),
      withBody('leaving', '2020-03-03'),
    ]);
    expect(await bodiesOf(library, ['kept', 'changed'])).toEqual({
      kept: bodyOf('kept'),
      changed: bodyOf('changed'),
    });
    // A corrected item: a longer body, so every range after it moves.
    await library.add([{ ...withBody('changed', '2020-03-02', 30), contentHash: 'v2' }]);
    await library.unstage(['leaving']);
    await library.commit();
    await library.add([withBody('arrived', '2020-03-01', 4)]);
    const expected = { kept: bodyOf('kept'), changed: bodyOf('changed', 30), arrived: bodyOf('arrived', 4) };
    expect(await bodiesOf(library, ['kept', 'changed', 'leaving', 'arrived'])).toEqual(expected);
    library.close();
    const reopened = await open();
    expect(await bodiesOf(reopened, ['kept', 'changed', 'leaving', 'arrived'])).toEqual(expected);

    await reopened.restore({
      state: reopened.snapshot().state,
      bulletins: [withBody('kept', '2020-03-01', 7), withBody('other', '2020-04-01', 2)],
    });
    const restored = { kept: bodyOf('kept', 7), other: bodyOf('other', 2) };
    expect(await bodiesOf(reopened, ['kept', 'changed', 'other'])).toEqual(restored);
    reopened.close();
    expect(await bodiesOf(await open(), ['kept', 'changed', 'other'])).toEqual(restored);
  });

  it('reads the bodies of a month from before (spaced JSON), and writes it canonically next time', async () => {
    const library = await open();
    library.close();
    const month = join(folder, 'bulletins', '2020-06.json');
    const old = [withBody('old-1', '2020-06-01'), withBody('old-2', '2020-06-02', 3)];
    await writeFile(month, JSON.stringify({ schemaVersion: 1, bulletins: old }, null, 2));
    const reopened = await open();
    expect(await bodiesOf(reopened, ['old-1', 'old-2'])).toEqual({
      'old-1': bodyOf('old-1'),
      'old-2': bodyOf('old-2', 3),
    });
    expect((await readMonthFile(month)).layout).toBeNull();

    await reopened.add([withBody('new', '2020-06-03')]);
    const text = await readFile(month, 'utf8');
    expect(text).toBe(JSON.stringify(JSON.parse(text)));
    expect((await readMonthFile(month)).layout).not.toBeNull();
    const all = { 'old-1': bodyOf('old-1'), 'old-2': bodyOf('old-2', 3), new: bodyOf('new') };
    expect(await bodiesOf(reopened, Object.keys(all))).toEqual(all);
    reopened.close();
    expect(await bodiesOf(await open(), Object.keys(all))).toEqual(all);
  });

  it('never returns another bulletin’s body while its month is rewritten again and again', async () => {
    const library = await open();
    const fixed = ['f1', 'f2', 'f3'].map((id, at) => withBody(id, `2020-07-0${at + 2}`, at + 1));
    await library.add(fixed);
    const wanted = fixed.map((one) => one.id);
    const expected = Object.fromEntries(fixed.map((one) => [one.id, one.bodyHtml]));
    let rewriting = true;
    const rewrites = (async () => {
      // Each commit puts a bulletin of another size first in the month: every range moves.
      for (let round = 0; round < 40; round++)
        await library.add([
          { ...withBody(`moving-${round}`, '2020-07-01', (round * 7) % 13), contentHash: `${round}` },
        ]);
      rewriting = false;
    })();
    let reads = 0;
    while (rewriting) {
      // Past the cache: every read goes to the file.
      (library.bodies as ArchiveBodies).forgetAll();
      const found = await library.bodies.read(wanted);
      expect(Object.fromEntries(found)).toEqual(expected);
      reads++;
    }
    await rewrites;
    expect(reads).toBeGreaterThan(5);
  });

  it('a file replaced behind the ranges’ back is read whole, never by the old ranges', async () => {
    const path = join(folder, 'month.json');
    // Same-sized fields: once a and b swap places, each old range falls exactly on the other's body.
    const month = [withBody('a', '2020-01-01'), withBody('b', '2020-01-01')];
    const stored = month.map(bodiless);
    await writeFile(path, whole(serialiseMonth(stored, bodyOf)).bytes);
    const { layout } = await readMonthFile(path);
    const bodies = createMonthBodies({
      path,
      bulletins: () => stored,
      layout,
      order: ['a', 'b'],
      beforeReplace: async () => undefined,
      refusal: () => null,
    });
    expect(Object.fromEntries(await bodies.read(['a']))).toEqual({ a: bodyOf('a') });
    // Another file in its place (as a restore or another program would put it): b now comes first.
    const swapped = whole(serialiseMonth([...stored].reverse(), bodyOf));
    expect(swapped.starts).toEqual(whole(serialiseMonth(stored, bodyOf)).starts);
    await writeFile(`${path}.new`, swapped.bytes);
    await rename(`${path}.new`, path);
    expect(Object.fromEntries(await bodies.read(['a', 'b']))).toEqual({ a: bodyOf('a'), b: bodyOf('b') });
  });
});

describe('the bodies read lately', () => {
  it('are kept within their budget, least recently used first out, and a forgotten one is read again', async () => {
    const asked: string[] = [];
    const month = {
      read: async (ids: readonly string[]) => {
        asked.push(...ids);
        return new Map(ids.map((id) => [id, id.repeat(10)]));
      },
      hold: () => undefined,
      release: () => undefined,
      write: async () => undefined,
    };
    // Room for three bodies of 20 characters.
    const bodies = createBodies(() => month, 60);
    await bodies.read(['aa', 'bb', 'cc']);
    await bodies.read(['aa']);
    await bodies.read(['dd']);
    asked.length = 0;
    // bb was the least recently used: out; aa, cc and dd stay.
    expect(Object.fromEntries(await bodies.read(['aa', 'bb', 'cc', 'dd']))).toEqual({
      aa: 'aa'.repeat(10),
      bb: 'bb'.repeat(10),
      cc: 'cc'.repeat(10),
      dd: 'dd'.repeat(10),
    });
    expect(asked).toEqual(['bb']);
    asked.length = 0;
    bodies.forget('dd');
    await bodies.read(['dd']);
    expect(asked).toEqual(['dd']);
  });
});

describe('readers that take many bodies', () => {
  const spread = (count: number) =>
    Array.from({ length: count }, (_, n) =>
      withBody(`m${n}`, `${2000 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}-15`, n % 5),
    );

  it('an export of a selection across many months gets every body, in the selection’s order', async () => {
    const library = await open();
    const all = spread(60);
    await library.add(all);
    const index = createSearchIndex({ bulletins: () => library.bulletins() });
    await index.ready;
    const ids = all.map((one) => one.id).reverse();
    const chosen = await allWithBodies(
      library.bodies,
      await resolveScope({ kind: 'ids', ids, label: 'x' }, library, index),
    );
    expect(chosen.map((one) => one.id)).toEqual(ids);
    expect(chosen.map((one) => one.bodyHtml)).toEqual(
      ids.map((id) => all.find((one) => one.id === id)?.bodyHtml),
    );
  });

  it('a library backup holds every body, as JSON.stringify of the whole would', async () => {
    const library = await open();
    const all = spread(450);
    await library.add(all);
    let text = '';
    for await (const piece of libraryBackupText(library, '2026-01-01T00:00:00.000Z')) text += piece;
    const backup = JSON.parse(text) as { bulletins: Bulletin[]; state: unknown; createdAt: string };
    expect(text).toBe(JSON.stringify(backup));
    expect(new Map(backup.bulletins.map((one) => [one.id, one.bodyHtml]))).toEqual(
      new Map(all.map((one) => [one.id, one.bodyHtml])),
    );
  });

  it('a search page’s passage comes from the body when the summary lacks the word, reading only those', async () => {
    const library = await open();
    const both = [
      { ...withBody('in-summary', '2020-01-01'), summary: 'Caravan reaches Tapachula' },
      {
        ...bulletin('in-body', '2020-01-02'),
        bodyHtml: '<p>Long text.</p><p>The caravan reached Tapachula at dawn.</p>',
      },
    ];
    await library.add(both);
    const index = createSearchIndex();
    await index.add(both);
    const asked: string[][] = [];
    const counting = { read: (ids: readonly string[]) => (asked.push([...ids]), library.bodies.read(ids)) };
    const page = await searchPage(
      (toRow) => searchBulletins({ view: 'all', text: 'Tapachula' }, library, index, toRow),
      (one, excerpt) => ({
        id: one.id,
        title: one.title,
        published: one.published,
        source: one.source,
        language: one.language,
        excerpt,
        bookmarked: false,
        read: false,
        noted: false,
      }),
      counting,
    );
    const excerpts = Object.fromEntries(page.rows.map((row) => [row.id, row.excerpt]));
    expect(excerpts['in-body']).toContain('reached Tapachula at dawn');
    expect(excerpts['in-summary']).toBe('Caravan reaches Tapachula');
    expect(asked).toEqual([['in-body']]);
  });

  it('a quoted phrase only in a body is found, and the same words out of order are not', async () => {
    const library = await open();
    const all = [
      { ...bulletin('phrase', '2020-01-01'), bodyHtml: '<p>The caravan reached Tapachula at dawn.</p>' },
      {
        ...bulletin('scattered', '2020-02-01'),
        bodyHtml: '<p>At dawn, Tapachula: the caravan had reached it.</p>',
      },
    ];
    await library.add(all);
    const index = createSearchIndex();
    await index.add(all);
    const phrases = createPhraseSearch([
      createBodyPhrases(library.bodies, (id) => library.get(id)?.contentHash),
    ]);
    const ids = async (text: string) =>
      (await phrases((kept) => matchingIds({ view: 'all', text }, library, index, [], kept))).answer;
    expect(await ids('"reached Tapachula at dawn"')).toEqual(['phrase']);
    expect((await ids('Tapachula dawn')).sort()).toEqual(['phrase', 'scattered']);
    expect(await ids('Tapachula -"reached Tapachula"')).toEqual(['scattered']);
  });
});
