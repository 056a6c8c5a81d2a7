import type { Bulletin } from '../../preload/contract';
import type { MonthBodies } from './monthBodies';

/** A bulletin as main holds it: its body stays in its month file, read through `Bodies`. */
export type StoredBulletin = Omit<Bulletin, 'bodyHtml'>;

/**
 * The one way to a bulletin's body: main holds bulletins without them (at 100,000 bulletins they
 * were 175 MB of its 567 MB heap, twice that on text with non-Latin-1 characters), and reads them
 * from their month files when something needs them: the open bulletin, a search page's snippets,
 * an export a batch at a time.
 */
export interface Bodies {
  /** The bodies of these bulletins that have one, by id (an id not in the archive has none). */
  read(ids: readonly string[]): Promise<Map<string, string>>;
}

/** The archive's side of the bodies: told when a bulletin's body may have changed. */
export interface ArchiveBodies extends Bodies {
  forget(...ids: string[]): void;
  forgetAll(): void;
}

/**
 * Bodies read lately, bounded in characters: the open bulletin and a search page's rows (200 rows
 * of a few KB each) read again without the disk. 4 M characters is at most 8 MB.
 */
const CACHE_CHARACTERS = 4_000_000;

export function createBodies(
  monthOf: (id: string) => MonthBodies | undefined,
  budget = CACHE_CHARACTERS,
): ArchiveBodies {
  /** Least recently used first (a Map keeps insertion order). */
  const cache = new Map<string, string>();
  let cached = 0;
  /** Bumped by every forget: a read begun before one does not cache what it found. */
  let epoch = 0;

  const drop = (id: string) => {
    const body = cache.get(id);
    if (body === undefined) return;
    cache.delete(id);
    cached -= body.length;
  };
  const remember = (id: string, body: string) => {
    if (body.length > budget) return;
    drop(id);
    cache.set(id, body);
    cached += body.length;
    for (const [oldest, old] of cache) {
      if (cached <= budget) break;
      cache.delete(oldest);
      cached -= old.length;
    }
  };

  return {
    async read(ids) {
      const found = new Map<string, string>();
      const byMonth = new Map<MonthBodies, string[]>();
      for (const id of ids) {
        const body = cache.get(id);
        if (body !== undefined) {
          // Used again: to the back of the queue.
          cache.delete(id);
          cache.set(id, body);
          found.set(id, body);
          continue;
        }
        const month = monthOf(id);
        if (!month) continue;
        const wanted = byMonth.get(month);
        if (wanted) wanted.push(id);
        else byMonth.set(month, [id]);
      }
      const began = epoch;
      // One month at a time: what a read holds is what it returns.
      for (const [month, wanted] of byMonth)
        for (const [id, body] of await month.read(wanted)) {
          found.set(id, body);
          if (epoch === began) remember(id, body);
        }
      return found;
    },
    forget(...ids) {
      epoch++;
      for (const id of ids) drop(id);
    },
    forgetAll() {
      epoch++;
      cache.clear();
      cached = 0;
    },
  };
}

/**
 * The bulletins with their bodies, `batch` at a time, in their order: an export or a backup of
 * the whole archive never holds more than a batch's bodies (besides what it writes).
 */
export async function* withBodies(
  bodies: Bodies,
  bulletins: readonly StoredBulletin[],
  batch = 200,
): AsyncGenerator<Bulletin[]> {
  for (let from = 0; from < bulletins.length; from += batch) {
    const slice = bulletins.slice(from, from + batch);
    const found = await bodies.read(slice.map((bulletin) => bulletin.id));
    yield slice.map((bulletin) => {
      const bodyHtml = found.get(bulletin.id);
      return bodyHtml === undefined ? { ...bulletin } : { ...bulletin, bodyHtml };
    });
  }
}

/** One bulletin with its body (the reading pane, an offline keep, remote images). */
export async function withBody(bodies: Bodies, bulletin: StoredBulletin): Promise<Bulletin> {
  const bodyHtml = (await bodies.read([bulletin.id])).get(bulletin.id);
  return bodyHtml === undefined ? { ...bulletin } : { ...bulletin, bodyHtml };
}

/**
 * Every one of the bulletins with its body, read a batch at a time: for what holds them all in
 * its output anyway (a share file, an export), which then holds them once, not twice.
 */
export async function allWithBodies(
  bodies: Bodies,
  bulletins: readonly StoredBulletin[],
): Promise<Bulletin[]> {
  const all: Bulletin[] = [];
  for await (const batch of withBodies(bodies, bulletins)) all.push(...batch);
  return all;
}
