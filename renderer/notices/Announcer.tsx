export interface Announcement {
  message: string;
  /** Changes with every announcement, so the same words said twice are read twice. */
  id: number;
}

/**
 * A visually hidden polite live region for short status lines ("12 results for
 * “darien”") that sighted users already see in the list header.
 */
export function Announcer({ announcement }: { announcement: Announcement | null }) {
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {announcement && <span key={announcement.id}>{announcement.message}</span>}
    </div>
  );
}
