import { useEffect, useEffectEvent } from 'react';
import type { AppNotice } from '../../preload/contract';
import { bridge } from '../bridge/bridge';
import type { NoticeInput } from './useNotices';

/**
 * Shows what main has to tell the user (a file recovered at start, a full
 * disk, a restore): those said before the window listened, fetched once, and
 * those said later, as they come; each once.
 */
export function useMainNotices(notify: (notice: NoticeInput) => void) {
  const show = useEffectEvent((notice: AppNotice) =>
    notify({ kind: notice.kind, message: notice.message, details: notice.details }),
  );

  useEffect(() => {
    const api = bridge();
    const seen = new Set<number>();
    const showOnce = (notice: AppNotice) => {
      if (seen.has(notice.id)) return;
      seen.add(notice.id);
      show(notice);
    };
    const unsubscribe = api.subscribe('notice:added', showOnce);
    api.notices().then(
      (notices) => notices.forEach(showOnce),
      () => undefined, // a notice that cannot be fetched is not itself worth a notice
    );
    return unsubscribe;
  }, []);
}
