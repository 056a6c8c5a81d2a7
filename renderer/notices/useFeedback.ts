import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Announcement } from './Announcer';
import { failureNotice } from './failureNotice';
import { useMainNotices } from './useMainNotices';
import { useNotices } from './useNotices';
import { useUndo } from './useUndo';

/**
 * How the window tells the user things: notices (its own, main's, failures by their kind, undo
 * offers) and the screen reader's announcements. Every feature reports through these.
 */
export function useFeedback() {
  const { t } = useTranslation();
  const { notices, notify, dismiss } = useNotices();
  useMainNotices(notify);
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const announce = useCallback(
    (message: string) => setAnnouncement((previous) => ({ message, id: (previous?.id ?? 0) + 1 })),
    [],
  );
  const reportError = useCallback((error: unknown) => void notify(failureNotice(error, t)), [notify, t]);
  const offerUndo = useUndo(notices, notify, dismiss, reportError);
  return { notices, dismiss, notify, announcement, announce, reportError, offerUndo };
}
