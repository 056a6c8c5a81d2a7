import { useTranslation } from 'react-i18next';
import type { KeepQueueStatus } from '../../preload/contract';
import './offline.css';

interface KeepQueueBarProps {
  status: KeepQueueStatus;
  onShow: () => void;
  onCancel: () => void;
}

/** While bulletins are being kept offline: how far it is, the panel, and the way to stop it. */
export function KeepQueueBar({ status, onShow, onCancel }: KeepQueueBarProps) {
  const { t } = useTranslation();
  const waiting = status.queued + status.running;
  const total = status.jobs.length;
  const finished = total - waiting;
  return (
    <section className="progress-panel keep-bar" aria-label={t('offline.barLabel')}>
      <p className="keep-bar-text" role="status">
        {status.online
          ? t('offline.progress', { done: finished, total })
          : t('offline.waitingForNetwork', { count: waiting })}
      </p>
      <progress max={Math.max(total, 1)} value={finished} aria-label={t('offline.barLabel')} />
      <button type="button" className="button" onClick={onShow}>
        {t('offline.show')}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {t('offline.cancelAll')}
      </button>
    </section>
  );
}
