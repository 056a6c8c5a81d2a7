import { useId } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { KeepJob, KeepQueueStatus } from '../../preload/contract';
import { useModalDialog } from '../dialogs/useModalDialog';
import './offline.css';

interface KeepQueuePanelProps {
  status: KeepQueueStatus;
  onCancel: (ids: string[] | null) => void;
  onRetry: (ids: string[] | null) => void;
  onClearFinished: () => void;
  onClose: () => void;
}

/** Rows shown at once: the panel is a view of the queue, not a second list of the archive. */
const SHOWN = 300;

/** What is queued, running, kept, failed (and why) or cancelled, with cancel and retry. */
export function KeepQueuePanel({ status, onCancel, onRetry, onClearFinished, onClose }: KeepQueuePanelProps) {
  const { t } = useTranslation();
  const dialog = useModalDialog(onClose);
  const titleId = useId();
  const jobs = [...status.jobs].sort((a, b) => ORDER[a.state] - ORDER[b.state]).slice(0, SHOWN);
  const finished = status.jobs.length - status.queued - status.running;
  return (
    <dialog {...dialog} className="modal-dialog keep-panel" aria-labelledby={titleId}>
      <h2 id={titleId} className="keep-panel-title">
        {t('offline.panelTitle')}
      </h2>
      <p className="keep-panel-summary" role="status">
        {t('offline.summary', {
          queued: status.queued + status.running,
          done: status.done,
          failed: status.failed,
        })}
        {!status.online && ` ${t('offline.offlineNow')}`}
      </p>
      {jobs.length === 0 ? (
        <p className="keep-panel-empty">{t('offline.empty')}</p>
      ) : (
        <ul className="keep-panel-list" aria-label={t('offline.listLabel')}>
          {jobs.map((job) => (
            <li key={job.bulletinId} className={`keep-job keep-job--${job.state}`}>
              <span className="keep-job-title" dir="auto">
                {job.title}
              </span>
              <span className="keep-job-state">{stateText(job, t)}</span>
              {(job.state === 'queued' || job.state === 'running') && (
                <button
                  type="button"
                  className="button selection-quiet"
                  aria-label={t('offline.cancelOne', { title: job.title })}
                  onClick={() => onCancel([job.bulletinId])}
                >
                  {t('offline.cancel')}
                </button>
              )}
              {(job.state === 'failed' || job.state === 'cancelled') && (
                <button
                  type="button"
                  className="button selection-quiet"
                  aria-label={t('offline.retryOne', { title: job.title })}
                  onClick={() => onRetry([job.bulletinId])}
                >
                  {t('offline.retry')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="keep-panel-actions">
        <button type="button" className="button" disabled={status.failed === 0} onClick={() => onRetry(null)}>
          {t('offline.retryFailed')}
        </button>
        <button
          type="button"
          className="button"
          disabled={status.queued + status.running === 0}
          onClick={() => onCancel(null)}
        >
          {t('offline.cancelAll')}
        </button>
        <button type="button" className="button" disabled={finished === 0} onClick={onClearFinished}>
          {t('offline.clearFinished')}
        </button>
        <button type="button" className="button button--primary" onClick={onClose} autoFocus>
          {t('offline.close')}
        </button>
      </div>
    </dialog>
  );
}

const ORDER: Record<KeepJob['state'], number> = { running: 0, failed: 1, queued: 2, cancelled: 3, done: 4 };

function stateText(job: KeepJob, t: TFunction): string {
  if (job.state !== 'failed') return t(`offline.state.${job.state}`);
  const problem = job.problem ?? 'network';
  return t('offline.failedBecause', { reason: t(`offline.problems.${problem}`) });
}
