import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Bulletin } from '../../preload/contract';
import { bridge } from '../bridge/bridge';
import type { NoticeInput } from '../notices/useNotices';
import { bulletinsAsText, linksAsText, mailtoDraftOfMany } from './bulletinText';
import { plainBulletin } from './plainBulletin';

/**
 * At most this many bulletins are fetched for one Copy or e-mail: each is a call to main and its
 * whole text; a clipboard of hundreds of bulletins is already more than anyone pastes.
 */
export const SEND_LIMIT = 200;

/**
 * Copy links, Copy as text and the e-mail draft of several bulletins (the selection bar's, and
 * the row context menu's): plain functions of the ids, in the list's order. Each resolves to the
 * text (or mailto address); `onLimited` is told when only the first SEND_LIMIT were taken.
 */
export function sendBulletins(t: TFunction, language: string, onLimited: (taken: number) => void) {
  const plains = async (ids: readonly string[]) => {
    if (ids.length > SEND_LIMIT) onLimited(SEND_LIMIT);
    const details = await Promise.all(ids.slice(0, SEND_LIMIT).map((id) => bridge().get(id)));
    return details
      .filter((detail): detail is { bulletin: Bulletin } & NonNullable<typeof detail> => detail !== null)
      .map((detail) => plainBulletin(detail.bulletin, language));
  };
  return {
    copyLinks: async (ids: readonly string[]) => linksAsText(await plains(ids)),
    copyText: async (ids: readonly string[]) => bulletinsAsText(await plains(ids)),
    mailto: async (ids: readonly string[]) =>
      mailtoDraftOfMany(await plains(ids), t('send.subject', { count: ids.length }), (count) =>
        t('send.more', { count }),
      ),
  };
}

export type SendBulletins = ReturnType<typeof sendBulletins>;

/** Send… of a row or a selection (sendActions): the texts, the app's one way out to a link, and where a result is said. */
export interface SelectionSend {
  actions: SendBulletins;
  onOpenLink: (url: string) => void;
  onStatus: (message: string) => void;
}

/** sendBulletins in the window's language; what happened (copied, only the first taken…) is a notice. */
export function useSendBulletins(
  notify: (notice: NoticeInput) => void,
  onOpenLink: (url: string) => void,
): SelectionSend {
  const { t, i18n } = useTranslation();
  const onStatus = (message: string) => notify({ kind: 'info', message });
  return {
    actions: sendBulletins(t, i18n.language, (count) => onStatus(t('send.limited', { count }))),
    onOpenLink,
    onStatus,
  };
}

/** Puts a text on the clipboard; resolves to the sentence saying how it went. */
export async function copyToClipboard(text: () => Promise<string>, t: TFunction): Promise<string> {
  try {
    const value = await text();
    // Copy links of bulletins none of which has a link: say so rather than empty the clipboard.
    if (value === '') return t('send.nothingToCopy');
    await navigator.clipboard.writeText(value);
    return t('send.copied');
  } catch {
    return t('send.copyFailed');
  }
}
