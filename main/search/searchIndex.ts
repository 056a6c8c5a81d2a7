import MiniSearch from 'minisearch';
import type { Bulletin } from '../../preload/contract';
import type { IndexStatus } from '../../preload/searchTypes';
import { buildIndexJson } from './buildIndex';
import { foldedWords } from './documentText';
import type { BuildIndex } from './buildInWorker';
import { createDocColumns } from './docColumns';
import { dropFieldLengths } from './fieldLengths';
import { documentNumber, indexMatcher, indexVocabulary } from './indexMatcher';
import {
  INDEX_VERSION,
  fuzzyFor,
  indexOptions,
  indexedDocWith,
  toIndexedDoc,
  withKeptText,
  type IndexedDoc,
} from './indexOptions';
import { fingerprintInSlices, readPersistedIndex, writePersistedIndex } from './persistedIndex';
import { slicedIndexJson } from './slicedIndexJson';
import { slicedIndexLoad } from './slicedIndexLoad';
import { parseQuery } from './queryParser';
import type { Matcher } from './runSearch';
import { scanMatcher } from './scanMatcher';
import { eachOf, inSlices } from '../mainThread/slices';
import { correctQuery, type Vocabulary } from './spelling';

export interface SearchIndexOptions {
  /** Where the index is persisted (`<userData>/search-index.json`); without it, memory only. */
  file?: string;
  /** The archive, read when the index is (re)built and to fingerprint it. */
  bulletins?: () => readonly Bulletin[];
  /**
   * How a whole index is built: in a worker thread from the shard files in the app
   * (buildInWorker), in-thread from `bulletins` by default.
   */
  build?: BuildIndex;
  onStatus?: (status: IndexStatus) => void;
  /**
   * The full articles kept offline (main/offline) of these bulletins, or of all when no ids are
   * given, by id: indexed with each bulletin's own text, so a kept article's words find it.
   */
  keptTexts?: (ids?: readonly string[]) => Promise<ReadonlyMap<string, string>>;
  /** The archive's bulletin of an id as it is now (a kept text is indexed with its latest version). */
  bulletin?: (id: string) => Bulletin | undefined;
  /**
   * The bodies of the archive's bulletins (main/store/bodies.ts: the store keeps none in memory),
   * for a bulletin indexed again with its kept article. Without it, `bulletin`'s own is used.
   */
  bodies?: (ids: readonly string[]) => Promise<ReadonlyMap<string, string>>;
}

export interface SearchIndex {
  /**
   * Indexes new bulletins (ones already indexed are skipped). Called by importers, with the text
   * of each body by id as the parse worker made it (toIndexedDoc's `bodyText`).
   */
  add(bulletins: readonly Bulletin[], bodyTexts?: ReadonlyMap<string, string>): Promise<void>;
  /** Re-indexes bulletins whose content changed. */
  update(bulletins: readonly Bulletin[], bodyTexts?: ReadonlyMap<string, string>): Promise<void>;
  remove(ids: readonly string[]): Promise<void>;
  /** Indexes again bulletins whose kept full article came, changed or went (main/offline). */
  keptChanged(ids: readonly string[]): Promise<void>;
  /** The index's matcher once ready; a slower scan of the archive while it builds. */
  matcher(): Matcher;
  /**
   * Completions of the words being typed (folded), best first; the query with its typos
   * corrected comes first (words of `keep`, folded, are never corrected).
   */
  suggest(text: string, keep?: ReadonlySet<string>): string[];
  /** The archive's words, for spelling correction; null while the index builds. */
  vocabulary(): Vocabulary | null;
  status(): IndexStatus;
  /** Settles once the index is loaded or built. */
  readonly ready: Promise<void>;
  /** Settles once the index on disk reflects every change so far. */
  flush(): Promise<void>;
}

const SUGGESTIONS = 6;
/** Suggestions complete the last few words of a query, each no longer than a real word. */
const SUGGEST_WORDS = 3;
const SUGGEST_WORD_LENGTH = 40;
/** Changes arrive in bursts (an import, file by file): persist once they settle. */
const PERSIST_DELAY_MS = 1500;

/**
 * The search index: loaded from disk when the archive has not changed since it
 * was saved, else built (in a worker, in the app) while searches fall back to a
 * scan; kept up to date as bulletins come and go, and saved again after changes.
 */
export function createSearchIndex(options: SearchIndexOptions = {}): SearchIndex {
  const bulletins = options.bulletins ?? (() => []);
  const build = options.build ?? ((onProgress) => Promise.resolve(buildIndexJson(bulletins(), onProgress)));
  let index: MiniSearch<IndexedDoc> | null = null;
  let status: IndexStatus = { state: 'building', progress: 0 };
  /** Changes made while the index was being built, applied when it is ready. */
  const pending: Array<(ready: MiniSearch<IndexedDoc>) => Promise<void>> = [];
  /** Changes apply one after another, each a slice at a time (see inSlices). */
  let applying: Promise<void> = Promise.resolve();
  const fallback = scanMatcher(bulletins);
  /** Filters, facets and dates of the indexed bulletins by document number; kept with the index. */
  let columns = createDocColumns();
  const record = (ready: MiniSearch<IndexedDoc>, bulletin: Bulletin) => {
    const doc = documentNumber(ready, bulletin.id);
    if (doc !== undefined) columns.set(doc, bulletin);
  };
  /** Called before the document is discarded or replaced (the matcher's lengths then skip it). */
  const forget = (ready: MiniSearch<IndexedDoc>, id: string) => {
    const doc = documentNumber(ready, id);
    if (doc === undefined) return;
    columns.drop(doc);
    dropFieldLengths(ready, doc);
  };
  let persistTimer: NodeJS.Timeout | undefined;
  let lastPersist: Promise<void> = Promise.resolve();

  const setStatus = (next: IndexStatus) => {
    status = next;
    options.onStatus?.(next);
  };

  const persistSoon = () => {
    if (!options.file) return;
    clearTimeout(persistTimer);
    persistTimer = setTimeout(() => {
      persistTimer = undefined;
      void persistNow();
    }, PERSIST_DELAY_MS);
  };
  /** Changes to the index so far: a save that sees the count move was overtaken, and gives up. */
  let changes = 0;
  /**
   * Saves the index off main's critical path: the archive's digest and minisearch's JSON are made
   * in slices of a few milliseconds (see slicedIndexJson.ts), never in one synchronous go.
   */
  const persistNow = () => {
    const file = options.file;
    const current = index;
    if (!file || !current) return lastPersist;
    lastPersist = lastPersist
      .then(async () => {
        const at = changes;
        const dirt = current.dirtCount;
        const stale = () => changes !== at || current.dirtCount !== dirt || current.isVacuuming;
        const fingerprint = await fingerprintInSlices(bulletins(), stale);
        const chunks = fingerprint === null ? null : await slicedIndexJson(current, stale);
        // Overtaken by a change, which scheduled the next save.
        if (fingerprint === null || chunks === null) return;
        await writePersistedIndex(file, INDEX_VERSION, fingerprint, chunks);
      })
      .catch((error: unknown) => console.error('[search] could not save the index', error));
    return lastPersist;
  };

  /** Runs `work` after the changes before it; its caller hears how it went, the next change runs regardless. */
  const apply = (ready: MiniSearch<IndexedDoc>, work: (ready: MiniSearch<IndexedDoc>) => Promise<void>) => {
    const done = applying.then(() => work(ready));
    applying = done.catch(() => undefined).then(persistSoon);
    return done;
  };
  const change = (work: (ready: MiniSearch<IndexedDoc>) => Promise<void>): Promise<void> => {
    changes++;
    if (index) return apply(index, work);
    pending.push(work);
    return Promise.resolve();
  };
  /**
   * Applies `each` to `items` in slices (see slices.ts): minisearch indexes about 1,000 bulletins
   * in 600 ms (3 s on a loaded machine), which in one go held main's thread, and searches typed
   * meanwhile, for all of it. A save started before sees the change count move at each pause and
   * gives up (the next one carries it).
   */
  const eachInSlices = <T>(items: readonly T[], each: (item: T) => void) =>
    inSlices(eachOf(items, each), { onPause: () => changes++ });

  /**
   * Adds their kept full articles to these bulletins' documents (or to every kept one's, without
   * ids). After add and update too: a re-imported bulletin keeps its kept text findable. Only the
   * bulletins with a kept article are replaced; a removed bulletin is left out.
   */
  const indexKept = async (ids?: readonly string[]) => {
    if (!options.keptTexts || ids?.length === 0) return;
    const texts = await options.keptTexts(ids);
    const targets = ids ?? [...texts.keys()];
    if (targets.length === 0) return;
    const bodies = await options.bodies?.(targets.filter((id) => texts.has(id)));
    await change((ready) =>
      eachInSlices(targets, (id) => {
        const stored = options.bulletin?.(id);
        if (!stored || !ready.has(id) || (ids === undefined && !texts.has(id))) return;
        const bulletin = bodies ? { ...stored, bodyHtml: bodies.get(id) } : stored;
        forget(ready, id);
        ready.replace(withKeptText(toIndexedDoc(bulletin), texts.get(id)));
        record(ready, bulletin);
      }),
    );
  };

  const start = async (): Promise<void> => {
    let builtNow = false;
    const all = bulletins();
    {
      // Both below grow with the archive (at 100,000 bulletins ~190 ms and ~90 ms in one go): sliced.
      // Never null here: nothing makes it stale (a change meanwhile waits in `pending`).
      const fingerprint = (await fingerprintInSlices(all)) ?? '';
      const saved = options.file ? await readPersistedIndex(options.file, INDEX_VERSION, fingerprint) : null;
      let loaded: MiniSearch<IndexedDoc> | null = null;
      if (saved !== null) {
        try {
          loaded = await load(saved);
        } catch (error) {
          console.error('[search] the saved index is unreadable; rebuilding', error);
        }
      }
      if (!loaded) {
        builtNow = true;
        const json = await build((progress) => setStatus({ state: 'building', progress }));
        loaded = await load(json);
        // Built from the files, which can lack what the store holds in memory (a shard restored
        // from a backup where the damaged file could not be moved aside): add those now.
        const missing = all.filter((bulletin) => !loaded?.has(bulletin.id));
        if (missing.length > 0) {
          const bodies = await options.bodies?.(missing.map((bulletin) => bulletin.id));
          loaded.addAll(
            missing.map((bulletin) =>
              toIndexedDoc(bodies ? { ...bulletin, bodyHtml: bodies.get(bulletin.id) } : bulletin),
            ),
          );
        }
        if (options.file) {
          const file = options.file;
          lastPersist = lastPersist
            .then(() => writePersistedIndex(file, INDEX_VERSION, fingerprint, json))
            .catch((error: unknown) => console.error('[search] could not save the index', error));
        }
      }
      // Only what the archive holds now counts (a bulletin deleted since the index was saved does not).
      const into = loaded;
      columns = createDocColumns();
      await inSlices(eachOf(bulletins(), (bulletin) => record(into, bulletin)));
      index = loaded;
    }
    const ready = index;
    for (const work of pending.splice(0))
      apply(ready, work).catch((error: unknown) =>
        console.error('[search] could not update the index', error),
      );
    if (ready.documentCount !== bulletins().length) persistSoon();
    setStatus({ state: 'ready', progress: 1 });
    // Built from the archive's files, which hold no kept article: add them now (a loaded index has them).
    if (builtNow) await indexKept();
  };

  // A memory-only index of nothing is ready at once: imports and tests can use it straight away.
  let ready: Promise<void>;
  if (!options.file && bulletins().length === 0) {
    index = new MiniSearch<IndexedDoc>(indexOptions);
    status = { state: 'ready', progress: 1 };
    ready = Promise.resolve();
  } else ready = start();

  return {
    ready,
    add: (added, bodyTexts) =>
      change((ready) =>
        eachInSlices(added, (bulletin) => {
          if (!ready.has(bulletin.id)) ready.add(indexedDocWith(bulletin, bodyTexts?.get(bulletin.id)));
          // Every one counts again, fresh or not: a deleted bulletin the saved index still held comes back by an undo.
          record(ready, bulletin);
        }),
      ).then(() => indexKept(added.map((bulletin) => bulletin.id))),
    update: (changed, bodyTexts) =>
      change((ready) =>
        eachInSlices(changed, (bulletin) => {
          // Replacing gives the bulletin a new document number: the old one stops counting.
          forget(ready, bulletin.id);
          const doc = indexedDocWith(bulletin, bodyTexts?.get(bulletin.id));
          if (ready.has(bulletin.id)) ready.replace(doc);
          else ready.add(doc);
          record(ready, bulletin);
        }),
      ).then(() => indexKept(changed.map((bulletin) => bulletin.id))),
    keptChanged: (ids) => indexKept(ids),
    remove: (ids) =>
      change((ready) =>
        eachInSlices(ids, (id) => {
          forget(ready, id);
          if (ready.has(id)) ready.discard(id);
        }),
      ),
    matcher: () => (index ? indexMatcher(index, columns.read()) : fallback),
    suggest(text, keep = new Set()) {
      if (!index || text.trim() === '' || !isPlainWords(text)) return [];
      // Only the words being typed are completed: each word costs a fuzzy walk of the whole
      // vocabulary, and a pasted paragraph held main for ~28 s at 100k bulletins.
      const words = text.trim().split(/\s+/);
      const typing = words.slice(-SUGGEST_WORDS);
      if (typing.some((word) => word.length > SUGGEST_WORD_LENGTH)) return [];
      const before = words.slice(0, -SUGGEST_WORDS).join(' ').toLowerCase();
      const completions = index
        .autoSuggest(typing.join(' '), {
          prefix: (_term, position, terms) => position === terms.length - 1,
          fuzzy: fuzzyFor,
        })
        .slice(0, SUGGESTIONS)
        .map(({ suggestion }) => (before ? `${before} ${suggestion}` : suggestion));
      // The corrected query first (spelling.ts bounds its own work on long queries).
      const corrected = correctQuery(text, indexVocabulary(index), keep);
      const first = corrected ? [foldedWords(corrected.text).join(' ')] : [];
      return [...new Set([...first, ...completions])].slice(0, SUGGESTIONS);
    },
    vocabulary: () => (index ? indexVocabulary(index) : null),
    status: () => status,
    async flush() {
      await ready;
      await applying;
      if (persistTimer !== undefined) {
        clearTimeout(persistTimer);
        persistTimer = undefined;
        await persistNow();
      }
      await lastPersist;
    },
  };
}

/** Suggestions complete plain words; a query with syntax (filters, phrases, -, OR) gets none. */
function isPlainWords(text: string): boolean {
  const query = parseQuery(text);
  const { filters } = query;
  return (
    query.hints.length === 0 &&
    query.exclude.length === 0 &&
    query.clauses.every((clause) => clause.length === 1 && clause[0]?.phrase === false) &&
    filters.sources.length +
      filters.countries.length +
      filters.languages.length +
      filters.collections.length ===
      0 &&
    !filters.bookmarked &&
    !filters.unread &&
    filters.before === undefined &&
    filters.after === undefined
  );
}

/**
 * Loads index JSON a term at a time, in slices (see slicedIndexLoad.ts): neither the whole parse
 * tree at once (loadJSON's peak) nor main's thread held for the whole load. Not minisearch's
 * loadJSONAsync: it parses the whole text first too, then pauses with setTimeout(0) every 1000
 * entries, and timers wait at least 1 ms (at 100k bulletins, over 15 s instead of about 2).
 */
function load(json: string): Promise<MiniSearch<IndexedDoc>> {
  return slicedIndexLoad(json, indexOptions);
}
