import { useId } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { KeepJob } from '../../preload/contract';
import { useModalDialog } from '../dialogs/useModalDialog';
import { firstJobs, type KeepQueueModel } from './keepQueueModel';
import './offline.css';

interface KeepQueuePanelProps {
  /** Main's queue as the window holds it, patched by each change (useKeepQueue). */
  model: KeepQueueModel;
  onCancel: (ids: string[] | null) => void;
  onRetry: (ids: string[] | null) => void;
  onClearFinished: () => void;
  onClose: () => void;
}

/** Rows shown at once: the panel is a view of the queue, not a second list of the archive. */
const SHOWN = 300;

/** What is queued, running, kept, failed (and why) or cancelled, with cancel and retry. */
export function KeepQueuePanel({ model, onCancel, onRetry, onClearFinished, onClose }: KeepQueuePanelProps) {
  const { t } = useTranslation();
  const dialog = useModalDialog(onClose);
  const titleId = useId();
  // At most SHOWN rows read, in the panel's order: an event costs the same for 10 jobs or 50,000.
  const jobs = firstJobs(model, SHOWN);
  const status = model.counts;
  const finished = status.done + status.failed + status.cancelled;
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

function stateText(job: KeepJob, t: TFunction): string {
  if (job.state !== 'failed') return t(`offline.state.${job.state}`);
  const problem = job.problem ?? 'network';
  return t('offline.failedBecause', { reason: t(`offline.problems.${problem}`) });
}
