import type { KeepWhat, ListedFeed, SubscriptionList } from '../../preload/contract';
import { t } from '../i18n';
import type { Subscription } from '../store/schema';
import { BadFeedAddress, keptOf, type Subscriptions } from './subscriptions';

/** A request the user can correct (a bad address): its message is shown as is. */
export class SyncRefused extends Error {}

/**
 * Subscriptions as the window sees them: each with its last success and, in words,
 * its last error; and whether the computer is online, which the window shows quietly.
 */
export function createSyncService(
  subscriptions: Subscriptions,
  isOnline: () => boolean,
  changed: (list: SubscriptionList) => void,
) {
  const view = (): SubscriptionList => ({
    online: isOnline(),
    feeds: subscriptions.list().map(describe),
  });
  const after = async (work: Promise<unknown>) => {
    await work;
    const list = view();
    changed(list);
    return list;
  };
  return {
    list: view,
    async add(url: string, title?: string) {
      try {
        return await after(subscriptions.add(url, title).then((added) => subscriptions.refresh(added.id)));
      } catch (error) {
        if (error instanceof BadFeedAddress) throw new SyncRefused(t('sync.badAddress'));
        throw error;
      }
    },
    /**
     * Follows the feeds the user chose from an imported subscription list (one write), then
     * fetches those, in the background: the window gets the list at once.
     */
    async addMany(feeds: readonly ListedFeed[]) {
      const added = await subscriptions.addMany(feeds);
      if (added.length > 0) void after(subscriptions.refresh(new Set(added.map((feed) => feed.id))));
      const list = view();
      changed(list);
      return list;
    },
    rename: (id: string, title: string) => after(subscriptions.rename(id, title)),
    setKeep: (id: string, keep: KeepWhat) => after(subscriptions.setKeep(id, keep)),
    remove: (id: string) => after(subscriptions.remove(id)),
    refresh: (id?: string) => after(subscriptions.refresh(id)),
  };
}

export type SyncService = ReturnType<typeof createSyncService>;

function describe(subscription: Subscription) {
  const { lastError } = subscription;
  return {
    id: subscription.id,
    url: subscription.url,
    title: subscription.title,
    keep: keptOf(subscription) ?? { fullArticle: false, images: false },
    ...(subscription.lastSuccess ? { lastSuccess: subscription.lastSuccess } : {}),
    ...(lastError
      ? { lastError: t(`sync.problems.${lastError.problem}`, { status: lastError.status ?? '' }) }
      : {}),
  };
}
