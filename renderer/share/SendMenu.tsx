import './share.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bulletin } from '../../preload/contract';
import { formatPublished } from '../i18n/formatDate';
import { bulletinAsText, mailtoDraft, plainText, type PlainBulletin } from './bulletinText';

interface SendMenuProps {
  bulletin: Bulletin;
  /** The app's one way out to a link (it shows the real address first). */
  onOpenLink: (url: string) => void;
}

/** Send…: copy the link, copy the bulletin as text, or start an e-mail with it. */
export function SendMenu({ bulletin, onOpenLink }: SendMenuProps) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState('');
  const plain = (): PlainBulletin => ({
    title: bulletin.title,
    date: formatPublished(bulletin.published, i18n.language),
    source: bulletin.source,
    text: plainText(bulletin),
    ...(bulletin.link ? { link: bulletin.link } : {}),
  });
  const copy = (text: string) =>
    navigator.clipboard.writeText(text).then(
      () => setStatus(t('send.copied')),
      () => setStatus(t('send.copyFailed')),
    );
  return (
    <details className="send-menu" onToggle={() => setStatus('')}>
      <summary className="button">{t('send.button')}</summary>
      <div className="send-menu-items" role="group" aria-label={t('send.button')}>
        {bulletin.link && (
          <button type="button" className="button" onClick={() => void copy(bulletin.link ?? '')}>
            {t('send.copyLink')}
          </button>
        )}
        <button type="button" className="button" onClick={() => void copy(bulletinAsText(plain()))}>
          {t('send.copyText')}
        </button>
        <button type="button" className="button" onClick={() => onOpenLink(mailtoDraft(plain()))}>
          {t('send.email')}
        </button>
        <span className="send-menu-status" role="status">
          {status}
        </span>
      </div>
    </details>
  );
}
