import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeepWhat, SubscriptionInfo } from '../../preload/contract';

interface SubscriptionKeepProps {
  feed: SubscriptionInfo;
  busy: boolean;
  /** Saves the setting; resolves to false when it could not be saved (the failure is shown elsewhere). */
  onChange: (keep: KeepWhat) => Promise<boolean>;
}

/** A subscription's keep-offline setting: what of its new items is kept after each refresh. */
export function SubscriptionKeep({ feed, busy, onChange }: SubscriptionKeepProps) {
  const { t } = useTranslation('ui');
  const hintId = useId();
  // Ticked at once, as the user expects; put back if main could not save it.
  const [keep, setKeep] = useState(feed.keep);
  const change = (next: KeepWhat) => {
    setKeep(next);
    void onChange(next).then((saved) => !saved && setKeep(feed.keep));
  };
  const box = (key: keyof KeepWhat, label: string) => (
    <label className="subscription-keep-choice">
      <input
        type="checkbox"
        checked={keep[key]}
        disabled={busy}
        aria-describedby={hintId}
        onChange={(event) => change({ ...keep, [key]: event.target.checked })}
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
