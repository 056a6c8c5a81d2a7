import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubscriptionInfo } from '../../preload/contract';
import { bridge } from '../bridge/bridge';
import { formatPublished } from '../i18n/formatDate';
import { SubscriptionKeep } from './SubscriptionKeep';
import { useSubscriptions } from './useSubscriptions';
import './subscriptions.css';

/** Feeds the user follows: add by address, refresh, rename, remove; offline said quietly. */
export function SubscriptionsPanel({ onError }: { onError: (error: unknown) => void }) {
  const { t } = useTranslation('ui');
  const { list, busy, run } = useSubscriptions(onError);
  const [address, setAddress] = useState('');

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (address.trim() === '') return;
    void run(() => bridge().addSubscription(address.trim())).then((ok) => ok && setAddress(''));
  };

  return (
    <section className="subscriptions" aria-labelledby="subscriptions-heading" aria-busy={busy}>
      <h2 id="subscriptions-heading" className="subscriptions-heading">
        {t('subscriptions.heading')}
      </h2>
      {list && !list.online && <p className="subscriptions-offline">{t('subscriptions.offline')}</p>}
      {list && list.feeds.length > 0 && (
        <>
          <ul className="subscriptions-list">
            {list.feeds.map((feed) => (
              <SubscriptionRow key={feed.id} feed={feed} busy={busy} run={run} />
            ))}
          </ul>
          <button
            type="button"
            className="button subscriptions-action"
            disabled={busy || !list.online}
            onClick={() => void run(() => bridge().refreshSubscriptions(null))}
          >
            {t('subscriptions.refreshAll')}
          </button>
        </>
      )}
      <form className="subscriptions-add" onSubmit={add}>
        <label htmlFor="subscription-address">{t('subscriptions.address')}</label>
        <input
          id="subscription-address"
          className="field-input"
          type="url"
          // Addresses read left to right in every UI language.
          dir="ltr"
          inputMode="url"
          placeholder="https://"
          value={address}
          onChange={(event) => setAddress(event.target.value)}
        />
        <button type="submit" className="button" disabled={busy || address.trim() === ''}>
          {t('subscriptions.add')}
        </button>
      </form>
    </section>
  );
}

interface RowProps {
  feed: SubscriptionInfo;
  busy: boolean;
  run: ReturnType<typeof useSubscriptions>['run'];
}

function SubscriptionRow({ feed, busy, run }: RowProps) {
  const { t, i18n } = useTranslation('ui');
  const [renaming, setRenaming] = useState<string | null>(null);
  const [keepShown, setKeepShown] = useState(false);
  const keepId = useId();

  const rename = (event: FormEvent) => {
    event.preventDefault();
    if (!renaming?.trim()) return;
    void run(() => bridge().renameSubscription(feed.id, renaming.trim())).then(
      (ok) => ok && setRenaming(null),
    );
  };

  return (
    <li className="subscription">
      {renaming === null ? (
        <span className="subscription-title" title={feed.url}>
          {feed.title}
        </span>
      ) : (
        <form className="subscription-rename" onSubmit={rename}>
          <input
            className="field-input"
            aria-label={t('subscriptions.newName', { title: feed.title })}
            value={renaming}
            onChange={(event) => setRenaming(event.target.value)}
            autoFocus
          />
          <button type="submit" className="button" disabled={busy}>
            {t('subscriptions.save')}
          </button>
          <button type="button" className="button" onClick={() => setRenaming(null)}>
            {t('subscriptions.cancel')}
          </button>
        </form>
      )}
      <span
        className={feed.lastError ? 'subscription-status subscription-status--error' : 'subscription-status'}
      >
        {feed.lastError ??
          (feed.lastSuccess
            ? t('subscriptions.updated', { date: formatPublished(feed.lastSuccess, i18n.language) })
            : t('subscriptions.never'))}
      </span>
      <span className="subscription-actions">
        <button
          type="button"
          className="button"
          disabled={busy}
          aria-label={t('subscriptions.refreshOne', { title: feed.title })}
          onClick={() => void run(() => bridge().refreshSubscriptions(feed.id))}
        >
          {t('subscriptions.refresh')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          aria-label={t('subscriptions.renameOne', { title: feed.title })}
          onClick={() => setRenaming(feed.title)}
        >
          {t('subscriptions.rename')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          aria-label={t('subscriptions.removeOne', { title: feed.title })}
          onClick={() => void run(() => bridge().removeSubscription(feed.id))}
        >
          {t('subscriptions.remove')}
        </button>
        <button
          type="button"
          className="button"
          aria-expanded={keepShown}
          aria-controls={keepId}
          aria-label={t('subscriptions.keepOne', { title: feed.title })}
          onClick={() => setKeepShown((shown) => !shown)}
        >
          {t('subscriptions.keep')}
        </button>
      </span>
      <div id={keepId} hidden={!keepShown}>
        {keepShown && (
          <SubscriptionKeep
            feed={feed}
            busy={busy}
            onChange={(keep) => run(() => bridge().setSubscriptionKeep(feed.id, keep))}
          />
        )}
      </div>
    </li>
  );
}
