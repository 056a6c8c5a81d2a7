import type { TFunction } from 'i18next';
import { failureCode, userMessage } from '../bridge/bridge';
import type { NoticeInput } from './useNotices';

/**
 * The notice for a failed call, by the kind of failure. A full disk gets its own words: main's
 * message for it names the system's error, while the user needs to hear that what they have is
 * safe and what to do. Every other kind shows main's message (already translated and specific, say
 * a refused file); anything that is not a bridge failure (a bug here) the generic sentence.
 */
export function failureNotice(error: unknown, t: TFunction): NoticeInput {
  if (failureCode(error) === 'disk-full') return { kind: 'error', message: t('notices.diskFull') };
  return { kind: 'error', message: userMessage(error, t('notices.unexpected')) };
}
