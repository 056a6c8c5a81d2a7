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

/** sendBulletins in the window's language, telling the user by a notice when only the first were taken. */
export function useSendBulletins(notify: (notice: NoticeInput) => void): SendBulletins {
  const { t, i18n } = useTranslation();
  return sendBulletins(t, i18n.language, (count) =>
    notify({ kind: 'info', message: t('send.limited', { count }) }),
  );
}
