import { useTranslation } from 'react-i18next';
import type { KeepQueueCounts } from '../../preload/contract';
import './offline.css';

interface KeepQueueBarProps {
  counts: KeepQueueCounts;
  onShow: () => void;
  onCancel: () => void;
}

/** While bulletins are being kept offline: how far it is, the panel, and the way to stop it. */
export function KeepQueueBar({ counts, onShow, onCancel }: KeepQueueBarProps) {
  const { t } = useTranslation();
  const waiting = counts.queued + counts.running;
  const finished = counts.done + counts.failed + counts.cancelled;
  const total = waiting + finished;
  return (
    <section className="progress-panel keep-bar" aria-label={t('offline.barLabel')}>
      <p className="keep-bar-text" role="status">
        {counts.online
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
