import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportOptions, ExportProgress, ExportScope } from '../../preload/contract';
import { bridge } from '../bridge/bridge';
import type { NoticeInput } from '../notices/useNotices';
import { defaultTitle } from './exportScope';

interface Asking {
  scope: ExportScope;
  count: number;
  initial: ExportOptions;
}

interface ExportEvents {
  notify: (notice: NoticeInput) => void;
  onError: (error: unknown) => void;
}

/**
 * An export from start to finish: the options dialog (with the remembered
 * choices), main's save dialog, progress with Cancel, and a notice that offers
 * to show or open the file.
 */
export function useExport({ notify, onError }: ExportEvents) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<Asking | null>(null);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [cancelling, setCancelling] = useState(false);

  useEffect(() => bridge().subscribe('export:progress', setProgress), []);

  /** Opens the options dialog for `scope` (`count` bulletins). */
  const ask = useCallback(
    (scope: ExportScope, count: number) => {
      if (running) return;
      bridge()
        .exportOptions()
        .then(
          (remembered) =>
            setAsking({ scope, count, initial: { ...remembered, title: defaultTitle(scope, t) } }),
          onError,
        );
    },
    [running, t, onError],
  );

  const close = useCallback(() => setAsking(null), []);

  const start = useCallback(
    (options: ExportOptions) => {
      if (!asking) return;
      const { scope } = asking;
      setAsking(null);
      setRunning(true);
      setProgress(null);
      bridge()
        .exportBulletins({ scope, options })
        .then((outcome) => {
          if (!outcome) return; // the save dialog was cancelled
          if (outcome.status === 'cancelled') notify({ kind: 'info', message: t('export.cancelled') });
          else if (outcome.status === 'empty') notify({ kind: 'warning', message: t('export.empty') });
          else {
            const { exportId } = outcome;
            notify({
              kind: 'info',
              message: t('export.done', { count: outcome.count, file: outcome.fileName }),
              actions: [
                {
                  label: t('export.showInFolder'),
                  run: () => void bridge().revealExport(exportId).catch(onError),
                },
                { label: t('export.open'), run: () => void bridge().openExport(exportId).catch(onError) },
              ],
            });
          }
        }, onError)
        .finally(() => {
          setRunning(false);
          setCancelling(false);
          setProgress(null);
        });
    },
    [asking, notify, onError, t],
  );

  const cancel = useCallback(() => {
    setCancelling(true);
    bridge().cancelExport().catch(onError);
  }, [onError]);

  return { asking, running, progress, cancelling, ask, close, start, cancel };
}
