import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeptUsage } from '../../preload/contract';
import { bridge, userMessage } from '../bridge/bridge';
import './offline.css';

/** Ages the user can clear kept content by, in days; 0: all of it. */
const AGES = [30, 90, 365, 0] as const;

interface KeptContentSettingsProps {
  onShowQueue: () => void;
}

/** Settings' part on kept content: what it takes on disk, and removing what is older than an age. */
export function KeptContentSettings({ onShowQueue }: KeptContentSettingsProps) {
  const { t, i18n } = useTranslation();
  const [usage, setUsage] = useState<KeptUsage | null>(null);
  const [age, setAge] = useState<number>(90);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const selectId = useId();
  useEffect(() => {
    void bridge()
      .keptUsage()
      .then(setUsage, () => setUsage(null));
  }, []);
  const megabytes = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const remove = () => {
    setBusy(true);
    setError(null);
    bridge()
      .removeKept(age)
      .then(setUsage, (failure: unknown) => setError(userMessage(failure, t('notices.unexpected'))))
      .finally(() => setBusy(false));
  };
  return (
    <section className="kept-settings" aria-labelledby={`${selectId}-title`}>
      <h3 id={`${selectId}-title`} className="settings-label">
        {t('offline.settings.title')}
      </h3>
      <p className="settings-hint" role="status">
        {usage
          ? t('offline.settings.usage', {
              count: usage.articles,
              size: megabytes.format(usage.bytes / (1024 * 1024)),
            })
          : t('offline.settings.measuring')}
      </p>
      <div className="settings-field">
        <label htmlFor={selectId} className="settings-label">
          {t('offline.settings.removeLabel')}
        </label>
        <select
          id={selectId}
          className="field-input"
          value={age}
          onChange={(event) => setAge(Number(event.target.value))}
        >
          {AGES.map((days) => (
            <option key={days} value={days}>
              {days === 0 ? t('offline.settings.all') : t('offline.settings.olderThan', { count: days })}
            </option>
          ))}
        </select>
        <button type="button" className="button" disabled={busy || usage?.articles === 0} onClick={remove}>
          {t('offline.settings.remove')}
        </button>
        <button type="button" className="button" onClick={onShowQueue}>
          {t('offline.settings.showQueue')}
        </button>
      </div>
      {error && (
        <p role="alert" className="settings-error">
          {error}
        </p>
      )}
    </section>
  );
}
