import { createHash } from 'node:crypto';
import type { Bulletin, ImportedFile, KeepWhat } from '../../preload/contract';
import type { ImportSource } from '../importers/importFiles';
import type { Subscription } from '../store/schema';
import { charsetOf } from '../importers/feeds/decodeText';
import { fetchableUrl, type FetchWithPolicy } from '../net/fetchWithPolicy';
import { fetchFeed } from './fetchFeed';

export interface SubscriptionStore {
  subscriptions(): readonly Subscription[];
  saveSubscriptions(subscriptions: Subscription[]): Promise<void>;
}

export interface SubscriptionDeps {
  store: SubscriptionStore;
  fetch: FetchWithPolicy;
  /** Imports one fetched feed (through the import runner, so it queues with other imports). */
  importFeed(source: ImportSource): Promise<ImportedFile | undefined>;
  isOnline(): boolean;
  /**
   * Keeps a kept subscription's new items offline (the keep queue: quiet while offline). Called
   * after a refresh brought new items, once they are on disk.
   */
  keepOffline?(bulletins: readonly Bulletin[], what: KeepWhat): void;
  /** The import size cap in bytes (a setting): a larger feed is not downloaded further. */
  maxBytes?: () => number;
  now?: () => Date;
  timeoutMs?: number;
}

export type RefreshResult = 'updated' | 'not-modified' | 'failed' | 'offline';

/** Not an http(s) address: refused before anything is stored or fetched. */
export class BadFeedAddress extends Error {}

/**
 * The feeds the user follows: add, rename, remove, refresh one or all. Each refresh is
 * a conditional GET; what it learns (validators, last success, last error) is stored
 * with the subscription. Offline is a normal state: nothing is attempted and nothing
 * is recorded as an error.
 */
export function createSubscriptions(deps: SubscriptionDeps) {
  const now = () => (deps.now ?? (() => new Date()))().toISOString();
  const list = () => [...deps.store.subscriptions()];
  const save = (subscriptions: Subscription[]) => deps.store.saveSubscriptions(subscriptions);
  const patch = async (id: string, change: Partial<Subscription>) =>
    save(
      list().map((subscription) => (subscription.id === id ? { ...subscription, ...change } : subscription)),
    );

  async function refresh(subscription: Subscription): Promise<RefreshResult> {
    if (!deps.isOnline()) return 'offline';
    const attempt = now();
    const outcome = await fetchFeed(subscription.url, {
      fetch: deps.fetch,
      validators: { etag: subscription.etag, lastModified: subscription.lastModified },
      ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
      ...(deps.maxBytes ? { maxBytes: deps.maxBytes() } : {}),
    });
    if (outcome.kind === 'not-modified') {
      await patch(subscription.id, { lastAttempt: attempt, lastSuccess: attempt, lastError: undefined });
      return 'not-modified';
    }
    if (outcome.kind === 'failed') {
      // A network failure while the machine went offline is being offline, not an error.
      if (outcome.problem === 'network' && !deps.isOnline()) return 'offline';
      await patch(subscription.id, {
        lastAttempt: attempt,
        lastError: { problem: outcome.problem, ...(outcome.status ? { status: outcome.status } : {}) },
      });
      return 'failed';
    }
    const keep = keptOf(subscription);
    const file = await deps.importFeed({
      name: subscription.title,
      size: () => Promise.resolve(outcome.bytes.byteLength),
      bytes: () => Promise.resolve(outcome.bytes),
      ...(keep && deps.keepOffline
        ? {
            onWritten: (added: readonly Bulletin[]) => {
              if (added.length > 0) deps.keepOffline?.(added, keep);
            },
          }
        : {}),
      feed: {
        source: subscription.title,
        documentUrl: outcome.url,
        ...(outcome.contentLanguage ? { documentLanguage: outcome.contentLanguage } : {}),
        ...(charsetOf(outcome.contentType) ? { httpCharset: charsetOf(outcome.contentType) } : {}),
      },
    });
    if (file?.error) {
      await patch(subscription.id, { lastAttempt: attempt, lastError: { problem: 'notAFeed' } });
      return 'failed';
    }
    await patch(subscription.id, {
      lastAttempt: attempt,
      lastSuccess: attempt,
      lastError: undefined,
      etag: outcome.validators.etag,
      lastModified: outcome.validators.lastModified,
    });
    return 'updated';
  }

  return {
    list: () => list(),
    async add(url: string, title?: string): Promise<Subscription> {
      const subscription = newSubscription(url, title, now());
      if (!subscription) throw new BadFeedAddress(url);
      const existing = list().find((candidate) => candidate.url === subscription.url);
      if (existing) return existing;
      await save([...list(), subscription]);
      return subscription;
    },
    /**
     * Follows the feeds the user chose from a subscription list, in one write of state.json
     * (one write per feed made a 2,000-feed list take 36 s). Addresses already followed, repeated
     * or not fetchable are skipped; resolves to the subscriptions added.
     */
    async addMany(feeds: readonly { url: string; title?: string }[]): Promise<Subscription[]> {
      const known = new Set(list().map((subscription) => subscription.url));
      const added: Subscription[] = [];
      for (const feed of feeds) {
        const subscription = newSubscription(feed.url, feed.title, now());
        if (!subscription || known.has(subscription.url)) continue;
        known.add(subscription.url);
        added.push(subscription);
      }
      if (added.length > 0) await save([...list(), ...added]);
      return added;
    },
    rename: (id: string, title: string) => patch(id, { title: title.trim() }),
    /** What of the subscription's new items to keep offline from its next refresh on. */
    setKeep: (id: string, keep: KeepWhat) =>
      patch(id, { keep: keep.fullArticle || keep.images ? { ...keep } : undefined }),
    async remove(id: string): Promise<void> {
      await save(list().filter((subscription) => subscription.id !== id));
    },
    /** Refreshes one subscription, some, or all of them one after another. */
    async refresh(which?: string | ReadonlySet<string>): Promise<RefreshResult[]> {
      const chosen = (id: string) =>
        which === undefined || (typeof which === 'string' ? id === which : which.has(id));
      const results: RefreshResult[] = [];
      for (const subscription of list().filter((candidate) => chosen(candidate.id))) {
        results.push(await refresh(subscription));
      }
      return results;
    },
  };
}

export type Subscriptions = ReturnType<typeof createSubscriptions>;

/** What a subscription keeps of its new items, or null when it keeps nothing. */
export function keptOf(subscription: Subscription): KeepWhat | null {
  const keep = subscription.keep;
  return keep && (keep.fullArticle || keep.images) ? keep : null;
}

/** A subscription to a web address (http(s), no user-info, no spaces), or null for anything else. */
function newSubscription(url: string, title: string | undefined, addedAt: string): Subscription | null {
  const address = url.trim();
  const parsed = /\s/.test(address) ? null : fetchableUrl(address);
  if (!parsed) return null;
  return {
    id: createHash('sha256').update(address).digest('hex').slice(0, 16),
    url: address,
    title: title?.trim() || parsed.hostname,
    addedAt,
  };
}

/**
 * Runs `refresh` every `minutes` while online. Returns the function that changes the interval
 * (a setting): the new one starts counting from the change.
 */
export function scheduleRefresh(
  refresh: () => void,
  minutes: number,
  isOnline: () => boolean,
): (minutes: number) => void {
  const start = (every: number) => {
    const timer = setInterval(() => {
      if (isOnline()) refresh();
    }, every * 60_000);
    timer.unref?.();
    return timer;
  };
  let current = minutes;
  let timer = start(minutes);
  return (next) => {
    if (next === current) return;
    clearInterval(timer);
    current = next;
    timer = start(next);
  };
}
