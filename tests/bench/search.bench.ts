import { execFile } from 'node:child_process';
import { copyFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import type { Bulletin } from '../../preload/contract';
import { bulletinRow } from '../../main/ipc/bulletinRow';
import { buildIndexJson } from '../../main/search/buildIndex';
import { searchableFields } from '../../main/search/documentText';
import { htmlToText } from '../../main/search/htmlText';
import { INDEX_VERSION } from '../../main/search/indexOptions';
import { foldTerm } from '../../main/search/normalise';
import { fingerprintOf, writePersistedIndex } from '../../main/search/persistedIndex';
import { matchingIds, searchBulletins } from '../../main/search/searchBulletins';
import { createSearchIndex, type SearchIndex } from '../../main/search/searchIndex';
import { openLibrary } from '../../main/store/library';
import { percentile, time, type Figure, type Suite } from './harness';
import { random } from '../support/random';
import { CORPUS } from '../fixtures/searchCorpus';

const run = promisify(execFile);
const QUERIES = 500;
const RECALL_QUERIES = 100;
/** The regex scan is linear: at 100k it gets fewer queries so the run ends (p50/p95 are still comparable). */
const REGEX_QUERIES = (size: number) => (size > 20_000 ? 100 : QUERIES);

const wordsOf = (text: string): string[] => text.match(/[\p{L}\p{N}]+/gu) ?? [];

/** 1–3 words taken from bulletins' titles, the last one cut to a prefix half the time (typed). */
function generateQueries(bulletins: readonly Bulletin[], count: number): string[] {
  const next = random(7);
  return Array.from({ length: count }, () => {
    const words = wordsOf(bulletins[Math.floor(next() * bulletins.length)]?.title ?? '').filter(
      (w) => w.length > 3,
    );
    const n = 1 + Math.floor(next() * 3);
    const picked = Array.from({ length: n }, () => words[Math.floor(next() * words.length)] ?? 'migration');
    const last = picked.length - 1;
    if (next() < 0.5 && (picked[last]?.length ?? 0) > 5) picked[last] = picked[last]?.slice(0, 4) ?? '';
    return picked.join(' ');
  });
}

interface KnownItem {
  query: string;
  target: string;
}

/** Two title words of a target bulletin, one with a letter dropped (a typo) or its accents removed. */
function knownItems(bulletins: readonly Bulletin[], kind: 'typo' | 'accent'): KnownItem[] {
  const next = random(kind === 'typo' ? 11 : 13);
  const items: KnownItem[] = [];
  while (items.length < RECALL_QUERIES) {
    const target = bulletins[Math.floor(next() * bulletins.length)];
    if (!target) break;
    const words = wordsOf(target.title).filter((word) => word.length >= 6);
    const accented = words.filter((word) => foldTerm(word) !== word.toLowerCase());
    const changing = kind === 'typo' ? words[0] : accented[0];
    const other = words.find((word) => word !== changing);
    if (!changing || !other) continue;
    const changed =
      kind === 'typo'
        ? changing.slice(0, 3) + changing.slice(4)
        : changing.normalize('NFD').replace(/\p{M}+/gu, '');
    items.push({ query: `${other} ${changed}`, target: target.id });
  }
  return items;
}

/** Each query's time to its answer (ours answers in slices, awaited; the others synchronously). */
async function latencies(queries: readonly string[], search: (query: string) => unknown): Promise<number[]> {
  const times: number[] = [];
  for (const query of queries) {
    const start = performance.now();
    await search(query);
    times.push(performance.now() - start);
  }
  return times;
}

/** SQLite FTS5 (unicode61 tokenizer, its default diacritics folding), as Joplin and NetNewsWire search. */
function fts5(bulletins: readonly Bulletin[]) {
  const db = new Database(':memory:');
  db.exec(
    'CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, summary, body, source, countries, tags)',
  );
  const insert = db.prepare('INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?)');
  const buildMs = performance.now();
  db.transaction(() => {
    for (const b of bulletins) insert.run(b.id, ...searchableFields(b));
  })();
  const built = performance.now() - buildMs;
  const select = db.prepare('SELECT id FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 500');
  const selectAll = db.prepare('SELECT id FROM docs WHERE docs MATCH ?');
  const match = (query: string) => {
    const words = wordsOf(query);
    return words
      .map((word, i) => `"${word.replace(/"/g, '')}"${i === words.length - 1 ? '*' : ''}`)
      .join(' AND ');
  };
  return {
    built,
    search: (query: string) => (match(query) ? select.all(match(query)) : []),
    ids: (query: string) =>
      new Set((selectAll.all(match(query)) as Array<{ id: string }>).map((row) => row.id)),
    close: () => db.close(),
  };
}

/** A case-insensitive regex scan over every bulletin's text, as Fluent Reader searches. */
function regexScan(bulletins: readonly Bulletin[]) {
  const texts = bulletins.map((b) => ({
    id: b.id,
    text: [
      b.title,
      b.summary,
      b.bodyHtml ? htmlToText(b.bodyHtml) : '',
      b.source,
      b.countries.join(' '),
    ].join('\n'),
  }));
  const ids = (query: string) => {
    const patterns = wordsOf(query).map((word) => new RegExp(`\\b${word}`, 'i'));
    return texts.filter((doc) => patterns.every((pattern) => pattern.test(doc.text))).map((doc) => doc.id);
  };
  return { search: ids, ids: (query: string) => new Set(ids(query)) };
}

/**
 * The project's known items (tests/fixtures/searchCorpus.ts, real places and words of field
 * bulletins) as single-word queries: each title word of 6 letters or more that only its bulletin
 * has, spelled right and with one typo of each kind typed fast (a letter dropped, two swapped, one
 * doubled, one wrong), never on the first letter.
 */
function singleWordItems(archive: readonly Bulletin[]): Array<KnownItem & { typed: string }> {
  const common = new Set(archive.slice(0, 2000).flatMap((bulletin) => wordsOf(foldTerm(bulletin.title))));
  const elsewhere = (word: string, target: Bulletin) =>
    CORPUS.some((other) => other !== target && wordsOf(foldTerm(other.title)).includes(word));
  const next = random(17);
  const items: Array<KnownItem & { typed: string }> = [];
  for (const target of CORPUS) {
    for (const word of new Set(wordsOf(foldTerm(target.title)))) {
      if (word.length < 6 || common.has(word) || elsewhere(word, target)) continue;
      for (const kind of ['drop', 'swap', 'double', 'wrong'] as const) {
        const at = 1 + Math.floor(next() * (word.length - 2));
        const typed =
          kind === 'drop'
            ? word.slice(0, at) + word.slice(at + 1)
            : kind === 'swap'
              ? word.slice(0, at) + word.charAt(at + 1) + word.charAt(at) + word.slice(at + 2)
              : kind === 'double'
                ? word.slice(0, at + 1) + word.slice(at)
                : word.slice(0, at) + (word.charAt(at) === 'e' ? 'a' : 'e') + word.slice(at + 1);
        if (typed !== word) items.push({ query: word, typed, target: target.id });
      }
    }
  }
  return items;
}

async function recall(
  items: readonly KnownItem[],
  found: (query: string) => Set<string> | Promise<Set<string>>,
): Promise<number> {
  let hits = 0;
  for (const item of items) if ((await found(item.query)).has(item.target)) hits++;
  return (hits / items.length) * 100;
}

/** All results of ours (not only the rows sent), for recall. */
function ourIds(index: SearchIndex, library: Awaited<ReturnType<typeof openLibrary>>) {
  return async (query: string) => new Set(await matchingIds({ view: 'all', text: query }, library, index));
}

export const searchSuite: Suite = {
  name: 'search',
  async run(context) {
    const figures: Figure[] = [];
    for (const size of context.sizes) {
      const bulletins = context.bulletins(size);
      const folder = await context.archiveFolder(size);
      const file = join(folder, 'search-index.json');
      const figure = (name: string, value: number, unit: Figure['unit'], extra: Partial<Figure> = {}) =>
        figures.push({ suite: 'search', name, size, value, unit, ...extra });

      console.error(`  search ${size}: building the index…`);
      const build = await time(() =>
        // Written at once so the (large) JSON string is not kept alive for the rest of the run.
        writePersistedIndex(
          file,
          INDEX_VERSION,
          fingerprintOf(bulletins),
          buildIndexJson(bulletins, () => {}),
        ),
      );
      const sqlite = fts5(bulletins);
      figure('index build + save (whole archive, one thread)', build, 'ms', {
        baseline: { name: 'SQLite FTS5 build', value: sqlite.built },
      });
      figure('index size on disk', (await stat(file)).size / 2 ** 20, 'MB');

      console.error(`  search ${size}: launch to search-ready…`);
      const ready = fileURLToPath(new URL('./searchReady.ts', import.meta.url));
      const { stdout } = await run(process.execPath, ['--import', 'tsx', ready, folder], {
        maxBuffer: 1 << 20,
      });
      const launched = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as {
        ms: number;
        rssMB: number;
        state: string;
      };
      if (launched.state !== 'ready') throw new Error('the launch did not load the persisted index');
      figure('launch to search-ready (store + persisted index, fresh process)', launched.ms, 'ms', {
        goal: '≤ 3000 ms at 100k',
      });
      figure('main RSS after launch, index loaded', launched.rssMB, 'MB');

      console.error(`  search ${size}: queries…`);
      const library = await openLibrary(folder);
      const index = createSearchIndex({ file, bulletins: () => library.bulletins() });
      await index.ready;
      const toRow = (bulletin: Bulletin, excerpt: string) => bulletinRow(bulletin, library, excerpt);
      const queries = generateQueries(bulletins, QUERIES);
      const ours = await latencies(queries, (query) =>
        searchBulletins({ view: 'all', text: query }, library, index, toRow),
      );
      const sqliteTimes = await latencies(queries, sqlite.search);
      const regex = regexScan(bulletins);
      const regexTimes = await latencies(queries.slice(0, REGEX_QUERIES(size)), regex.search);
      for (const p of [50, 95]) {
        figure(
          `query p${p} (${QUERIES} queries of 1–3 words; rows, snippets, facets)`,
          percentile(ours, p),
          'ms',
          {
            baseline: { name: 'SQLite FTS5', value: percentile(sqliteTimes, p) },
            ...(p === 95 ? { goal: '≤ 30 ms at 100k' } : {}),
          },
        );
        figure(`regex scan p${p} (${REGEX_QUERIES(size)} queries)`, percentile(regexTimes, p), 'ms', {
          baseline: { name: 'ours', value: percentile(ours, p) },
        });
      }

      console.error(`  search ${size}: recall…`);
      const found = ourIds(index, library);
      for (const kind of ['typo', 'accent'] as const) {
        const items = knownItems(bulletins, kind);
        const mine = await recall(items, found);
        figure(`recall on ${kind} queries (${items.length}), %`, mine, '%', {
          baseline: { name: 'SQLite FTS5', value: await recall(items, sqlite.ids) },
        });
        figure(
          `recall on ${kind} queries (${items.length}), regex scan %`,
          await recall(items, regex.ids),
          '%',
          {
            baseline: { name: 'ours', value: mine },
          },
        );
      }
      sqlite.close();

      // The known items planted in a copy of the archive's index (the archive's own file stays as it is).
      console.error(`  search ${size}: single-word typos…`);
      const copy = join(folder, 'search-index.known-items.json');
      await copyFile(file, copy);
      const planted = createSearchIndex({ file: copy, bulletins: () => library.bulletins() });
      await planted.ready;
      await planted.add(CORPUS);
      const top3 = async (query: string) =>
        new Set((await matchingIds({ view: 'all', text: query }, library, planted)).slice(0, 3));
      const single = singleWordItems(bulletins);
      const right = await recall(single, top3);
      const typo = await recall(
        single.map((item) => ({ ...item, query: item.typed })),
        top3,
      );
      figure(`recall@3 of single known-item words, spelled right (${single.length}), %`, right, '%');
      figure(`recall@3 of the same words with one typo, %`, typo, '%', {
        baseline: { name: 'spelled right', value: right },
        goal: 'at most 2 points below',
      });
      await planted.flush();
      await rm(copy, { force: true });
    }
    return figures;
  },
};
