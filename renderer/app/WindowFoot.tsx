import { ExportProgressBar } from '../export/ExportProgressBar';
import type { useExport } from '../export/useExport';
import { ImportProgress } from '../import/ImportProgress';
import type { useImports } from '../import/useImports';
import { KeepQueueBar } from '../offline/KeepQueueBar';
import type { useKeepOffline } from '../offline/useKeepOffline';
import { Notices } from '../notices/Notices';
import type { Notice } from '../notices/useNotices';

interface TaskBarsProps {
  exporting: ReturnType<typeof useExport>;
  imports: ReturnType<typeof useImports>;
  keeping: ReturnType<typeof useKeepOffline>;
}

/**
 * The bars of the long tasks running (export, import, keeping offline), in the window's foot above
 * the notices: like them in the layout's flow, so the panes give them their last lines rather than
 * lie under them (floating, the import's lay over the reader's top corner, the export's and the
 * keep queue's over the panes' last lines).
 */
function TaskBars({ exporting, imports, keeping }: TaskBarsProps) {
  const keepCounts = keeping.queue?.model.counts;
  const keepingRuns = !!keepCounts && keepCounts.queued + keepCounts.running > 0 && !keeping.panelShown;
  if (!exporting.running && !imports.progress && !keepingRuns) return null;
  return (
    <div className="task-bars">
      {exporting.running && (
        <ExportProgressBar
          progress={exporting.progress}
          cancelling={exporting.cancelling}
          onCancel={exporting.cancel}
        />
      )}
      {imports.progress && (
        <ImportProgress
          progress={imports.progress}
          onCancel={imports.cancel}
          cancelling={imports.cancelling}
        />
      )}
      {keepingRuns && (
        <KeepQueueBar counts={keepCounts} onShow={keeping.showPanel} onCancel={() => keeping.cancel(null)} />
      )}
    </div>
  );
}

/** The window's foot, in the layout's flow: the running tasks' bars above the notices. */
export function WindowFoot({
  tasks,
  notices,
  onDismiss,
}: {
  tasks: TaskBarsProps;
  notices: Notice[];
  onDismiss: (id: number) => void;
}) {
  return (
    <div className="window-foot">
      <TaskBars {...tasks} />
      <Notices notices={notices} onDismiss={onDismiss} />
    </div>
  );
}
