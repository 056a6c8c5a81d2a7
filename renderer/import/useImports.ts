import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProgress, ImportReport } from '../../preload/contract';
import { bridge } from '../bridge/bridge';
import type { NoticeInput } from '../notices/useNotices';
import { summariseImport } from './importReport';
import { useFeedChoice } from '../subscriptions/useFeedChoice';
import { importDroppedFiles } from './importDropped';
import { useFileDrop } from './useFileDrop';

/**
 * Imports, however they start: File › Import… or the sidebar's button, files dropped on the window,
 * and those main starts itself (menu, command line, the OS), with their progress, a cancel, and
 * the report as a notice. Lists and counts follow main's change event, not the report.
 */
export function useImports(notify: (notice: NoticeInput) => void, onError: (error: unknown) => void) {
  const { t } = useTranslation();
  const [importing, setImporting] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [cancelling, setCancelling] = useState(false);

  // The feeds of an imported subscription list wait for the user's choice.
  const feedChoice = useFeedChoice(notify, onError);
  /** A drop is imported file by file (importDropped.ts): its progress is the window's, not main's. */
  const dropping = useRef({ running: false, cancelled: false });

  const showReport = (report: ImportReport) => {
    const summary = summariseImport(report, t);
    notify({
      kind: summary.hasProblems ? 'warning' : 'info',
      message: summary.message,
      details: summary.problems,
    });
    feedChoice.offerFrom(report);
  };
  const finished = () => {
    setProgress(null);
    setCancelling(false);
  };

  /** Runs an import the window started; null: the user closed the file dialog. */
  const run = (start: () => Promise<ImportReport | null>) => {
    setImporting(true);
    start()
      .then((report) => report && showReport(report), onError)
      .finally(() => {
        setImporting(false);
        finished();
      });
  };

  const onFinished = useEffectEvent((report: ImportReport) => {
    finished();
    showReport(report);
  });
  useEffect(() => {
    const api = bridge();
    const unsubscribers = [
      api.subscribe('import:finished', onFinished),
      // Progress of a batch with more than one file: a single file needs no bar.
      api.subscribe('import:progress', (next) => {
        if (!dropping.current.running) setProgress(next.total > 1 && next.done < next.total ? next : null);
      }),
    ];
    return () => {
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
  }, []);

  return {
    importing,
    progress,
    cancelling,
    chooseFiles: () => run(() => bridge().importFiles()),
    drop: useFileDrop((files) => {
      dropping.current = { running: true, cancelled: false };
      run(() =>
        importDroppedFiles(files, {
          api: bridge(),
          onProgress: (next) => setProgress(next.total > 1 ? next : null),
          cancelled: () => dropping.current.cancelled,
        }).finally(() => (dropping.current.running = false)),
      );
    }),
    feedChoice,
    cancel: () => {
      dropping.current.cancelled = true;
      setCancelling(true);
      bridge().cancelImport().catch(onError);
    },
  };
}
