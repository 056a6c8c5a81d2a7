import type { TFunction } from 'i18next';
import type { MenuAction } from '../menus/menuActions';
import { copyToClipboard, type SelectionSend } from './sendBulletins';

/**
 * Copy link(s), Copy as text, E-mail draft… of these bulletins, as menu items: the row's context
 * menu (one) and the selection bar's More… (several). Each says how it went through `onStatus`
 * (copied, nothing to copy, refused); the draft goes out through the app's one way to a link.
 */
export function sendActions(
  { actions, onOpenLink, onStatus }: SelectionSend,
  ids: readonly string[],
  t: TFunction,
  disabled = false,
): MenuAction[] {
  return [
    {
      id: 'copy-links',
      label: t(ids.length === 1 ? 'send.copyLink' : 'send.copyLinks'),
      run: () => void copyToClipboard(() => actions.copyLinks(ids), t).then(onStatus),
      disabled,
    },
    {
      id: 'copy-text',
      label: t('send.copyText'),
      run: () => void copyToClipboard(() => actions.copyText(ids), t).then(onStatus),
      disabled,
    },
    {
      id: 'email',
      label: t('send.email'),
      run: () => void actions.mailto(ids).then(onOpenLink, () => onStatus(t('send.failed'))),
      disabled,
    },
  ];
}
