import { useEffect, useEffectEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulletinDetail } from '../../preload/contract';
import { bridge } from '../bridge/bridge';
import { useLibraryStore } from '../store/useLibraryStore';

/** A bulletin counts as read once open this long: enough to have read it, not just passed by with j/k. */
const AUTO_READ_MS = 3000;

interface ReadMarkEvents {
  /** The mark to show: update the row and the pane (main's change event brings the counts). */
  onMarked: (id: string, read: boolean) => void;
  announce: (message: string) => void;
  onError: (error: unknown) => void;
}

/**
 * Read marks of the open bulletin: set after it has been open a few seconds, or by hand (M, the
 * button, the menu). Once the user set it by hand, the timer leaves that bulletin alone until it
 * is opened again. `open` is the detail as fetched: its mark now is the store's, read when needed
 * (a subscription here would render the whole window on every mark).
 */
export function useReadMarks(open: BulletinDetail | null, events: ReadMarkEvents) {
  const { t } = useTranslation();
  const store = useLibraryStore();
  /** The opening (detail object's bulletin) whose mark the user set by hand. */
  const byHand = useRef<string | null>(null);
  const openId = open?.bulletin.id ?? null;
  const onMarked = useEffectEvent(events.onMarked);
  const onError = useEffectEvent(events.onError);

  // A new bulletin opened: the hand-set mark was for the previous opening.
  useEffect(() => {
    if (byHand.current !== openId) byHand.current = null;
  }, [openId]);

  const autoReadId = open && !open.read ? open.bulletin.id : null;
  useEffect(() => {
    if (autoReadId === null || byHand.current === autoReadId) return;
    const timer = window.setTimeout(() => {
      // Marked meanwhile: by hand (either way), or read elsewhere (a bulk action, Mark all read).
      if (byHand.current === autoReadId || store.bulletin(autoReadId)?.read) return;
      bridge()
        .markRead(autoReadId, true)
        .then(() => onMarked(autoReadId, true), onError);
    }, AUTO_READ_MS);
    return () => window.clearTimeout(timer);
  }, [autoReadId, store]);

  const toggleRead = () => {
    if (!open) return;
    const { id } = open.bulletin;
    const read = !(store.bulletin(id)?.read ?? open.read);
    byHand.current = id;
    // Shown at once, as a bookmark is (see useMarkActions); a refusal puts the mark back.
    events.onMarked(id, read);
    bridge()
      .markRead(id, read)
      .then(
        () => events.announce(t(read ? 'reader.markedRead' : 'reader.markedUnread')),
        (error: unknown) => {
          events.onMarked(id, !read);
          events.onError(error);
        },
      );
  };

  return { toggleRead };
}
