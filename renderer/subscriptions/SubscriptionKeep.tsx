import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeepWhat, SubscriptionInfo } from '../../preload/contract';

interface SubscriptionKeepProps {
  feed: SubscriptionInfo;
  busy: boolean;
  onChange: (keep: KeepWhat) => void;
}

/** A subscription's keep-offline setting: what of its new items is kept after each refresh. */
export function SubscriptionKeep({ feed, busy, onChange }: SubscriptionKeepProps) {
  const { t } = useTranslation('ui');
  const hintId = useId();
  const box = (key: keyof KeepWhat, label: string) => (
    <label className="subscription-keep-choice">
      <input
        type="checkbox"
        checked={feed.keep[key]}
        disabled={busy}
        aria-describedby={hintId}
        onChange={(event) => onChange({ ...feed.keep, [key]: event.target.checked })}
      />
      {label}
    </label>
  );
  return (
    <fieldset className="subscription-keep">
      <legend>{t('subscriptions.keepLegend', { title: feed.title })}</legend>
      {box('fullArticle', t('subscriptions.keepArticles'))}
      {box('images', t('subscriptions.keepImages'))}
      <p id={hintId} className="subscription-status">
        {t('subscriptions.keepHint')}
      </p>
    </fieldset>
  );
}
