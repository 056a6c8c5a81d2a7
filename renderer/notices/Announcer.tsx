import { useSyncExternalStore } from 'react';
import type { Announcements } from './announcements';

/**
 * A visually hidden polite live region for short status lines ("12 results for
 * “darien”") that sighted users already see in the list header.
 */
export function Announcer({ announcements }: { announcements: Announcements }) {
  const announcement = useSyncExternalStore(announcements.subscribe, announcements.current);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {announcement && <span key={announcement.id}>{announcement.message}</span>}
    </div>
  );
}
