import { useTranslation } from 'react-i18next';
import type { ImportProgress as Progress } from '../../preload/contract';
import './import.css';

interface Props {
  progress: Progress;
  onCancel: () => void;
  cancelling: boolean;
}

/** A running import: how many files of how many, and a way to stop it. */
export function ImportProgress({ progress, onCancel, cancelling }: Props) {
  const { t } = useTranslation('ui');
  return (
    <div className="progress-panel import-progress" role="status">
      <span className="import-progress-text">
        {t('import.progress', { done: progress.done + 1, total: progress.total, file: progress.file ?? '' })}
      </span>
      <progress
        value={progress.done}
        max={Math.max(progress.total, 1)}
        aria-label={t('import.progressLabel')}
      />
      <button type="button" className="button" onClick={onCancel} disabled={cancelling}>
        {cancelling ? t('import.cancelling') : t('import.cancel')}
      </button>
    </div>
  );
}

/** Shown over the window while files are dragged over it. */
export function DropTarget() {
  const { t } = useTranslation('ui');
  return (
    <div className="drop-target" aria-hidden="true">
      <p>{t('import.dropHere')}</p>
    </div>
  );
}
