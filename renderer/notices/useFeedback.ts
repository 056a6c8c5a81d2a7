import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createAnnouncements } from './announcements';
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
  const [announcements] = useState(createAnnouncements);
  const announce = announcements.say;
  const reportError = useCallback((error: unknown) => void notify(failureNotice(error, t)), [notify, t]);
  const offerUndo = useUndo(notices, notify, dismiss, reportError);
  return { notices, dismiss, notify, announcements, announce, reportError, offerUndo };
}
