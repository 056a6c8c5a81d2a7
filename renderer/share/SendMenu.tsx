import './share.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bulletin } from '../../preload/contract';
import { bulletinAsText, mailtoDraft } from './bulletinText';
import { plainBulletin } from './plainBulletin';
import { copyToClipboard } from './sendBulletins';

interface SendChoicesProps {
  /** What Copy link(s) puts on the clipboard; no such item when undefined. */
  copyLinks?: () => Promise<string>;
  copyLinksLabel?: string;
  /** What Copy as text puts on the clipboard. */
  copyText: () => Promise<string>;
  /** The mailto address of the e-mail draft. */
  mailto: () => Promise<string>;
  /** The app's one way out to a link (it shows the real address first). */
  onOpenLink: (url: string) => void;
  disabled?: boolean;
}

/** Send…: copy the link(s), copy as text, or start an e-mail; the reader's and the selection bar's. */
export function SendChoices({
  copyLinks,
  copyLinksLabel,
  copyText,
  mailto,
  onOpenLink,
  disabled,
}: SendChoicesProps) {
  const { t } = useTranslation();
  const [status, setStatus] = useState('');
  const copy = (text: () => Promise<string>) => copyToClipboard(text, t).then(setStatus);
  return (
    <details className="send-menu" onToggle={() => setStatus('')}>
      <summary className="button" aria-disabled={disabled}>
        {t('send.button')}
      </summary>
      <div className="send-menu-items" role="group" aria-label={t('send.button')}>
        {copyLinks && (
          <button type="button" className="button" disabled={disabled} onClick={() => void copy(copyLinks)}>
            {copyLinksLabel ?? t('send.copyLink')}
          </button>
        )}
        <button type="button" className="button" disabled={disabled} onClick={() => void copy(copyText)}>
          {t('send.copyText')}
        </button>
        <button
          type="button"
          className="button"
          disabled={disabled}
          onClick={() => void mailto().then(onOpenLink, () => setStatus(t('send.failed')))}
        >
          {t('send.email')}
        </button>
        <span className="send-menu-status" role="status">
          {status}
        </span>
      </div>
    </details>
  );
}

interface SendMenuProps {
  bulletin: Bulletin;
  onOpenLink: (url: string) => void;
}

/** The reader's Send…: the open bulletin. */
export function SendMenu({ bulletin, onOpenLink }: SendMenuProps) {
  const { i18n } = useTranslation();
  const plain = () => plainBulletin(bulletin, i18n.language);
  const link = bulletin.link;
  return (
    <SendChoices
      copyLinks={link ? () => Promise.resolve(link) : undefined}
      copyText={() => Promise.resolve(bulletinAsText(plain()))}
      mailto={() => Promise.resolve(mailtoDraft(plain()))}
      onOpenLink={onOpenLink}
    />
  );
}
