import { useTranslation } from 'react-i18next';
import type { ExportProgress } from '../../preload/contract';
import './export.css';

interface ExportProgressBarProps {
  progress: ExportProgress | null;
  cancelling: boolean;
  onCancel: () => void;
}

/** The running export: what it is doing, how far it is, and the way to stop it. */
export function ExportProgressBar({ progress, cancelling, onCancel }: ExportProgressBarProps) {
  const { t } = useTranslation();
  const phase = progress?.phase ?? 'preparing';
  const label = t(`export.phase.${phase}`);
  return (
    <section className="progress-panel export-progress" aria-label={t('export.progressLabel')}>
      <p className="export-progress-text" role="status">
        {cancelling ? t('export.cancelling') : label}
      </p>
      <progress max={1} value={progress?.fraction ?? 0} aria-label={t('export.progressLabel')} />
      <button type="button" className="button" onClick={onCancel} disabled={cancelling}>
        {t('export.cancel')}
      </button>
    </section>
  );
}
