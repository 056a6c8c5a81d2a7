import { useCallback, useEffect, useEffectEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isTyping } from '../commands/isTyping';
import type { Notice, NoticeInput } from './useNotices';

interface UndoOffer {
  noticeId: number;
  undo: () => Promise<void>;
}

/**
 * Undo for what the user just did (a delete): a notice with an Undo button, and Ctrl/Cmd+Z
 * while that notice is on screen and the user is not typing (where Ctrl+Z undoes text).
 */
export function useUndo(
  notices: readonly Notice[],
  notify: (input: NoticeInput) => number,
  dismiss: (id: number) => void,
  onError: (error: unknown) => void,
) {
  const { t } = useTranslation();
  const offer = useRef<UndoOffer | null>(null);

  const runUndo = useCallback(
    (current: UndoOffer) => {
      if (offer.current === current) offer.current = null;
      dismiss(current.noticeId);
      current.undo().catch(onError);
    },
    [dismiss, onError],
  );

  const offerUndo = useCallback(
    (message: string, undo: () => Promise<void>) => {
      const current: UndoOffer = { noticeId: 0, undo };
      current.noticeId = notify({
        kind: 'info',
        message,
        actions: [{ label: t('notices.undo'), run: () => runUndo(current) }],
      });
      offer.current = current;
    },
    [notify, runUndo, t],
  );

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    const current = offer.current;
    if (!current || event.defaultPrevented || isTyping(event.target)) return;
    if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey) return;
    if (event.key.toLowerCase() !== 'z' && event.code !== 'KeyZ') return;
    if (!notices.some((notice) => notice.id === current.noticeId)) return;
    event.preventDefault();
    runUndo(current);
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return offerUndo;
}
