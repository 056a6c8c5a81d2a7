import { useTranslation } from 'react-i18next';
import { ExportDialog } from '../export/ExportDialog';
import { ExportProgressBar } from '../export/ExportProgressBar';
import { defaultTitle } from '../export/exportScope';
import type { useExport } from '../export/useExport';
import { DropTarget, ImportProgress } from '../import/ImportProgress';
import type { useImports } from '../import/useImports';
import { ConfirmDialog } from '../library/ConfirmDialog';
import type { useDeleteBulletins } from '../library/useDeleteBulletins';
import { KeepQueueBar } from '../offline/KeepQueueBar';
import { KeepQueuePanel } from '../offline/KeepQueuePanel';
import type { useKeepOffline } from '../offline/useKeepOffline';
import { SettingsDialog } from '../settings/SettingsDialog';
import type { useSettingsDialog } from '../settings/useSettingsDialog';
import { FeedChoiceDialog } from '../subscriptions/FeedChoiceDialog';

interface AppOverlaysProps {
  deletion: ReturnType<typeof useDeleteBulletins>;
  exporting: ReturnType<typeof useExport>;
  settings: ReturnType<typeof useSettingsDialog>;
  imports: ReturnType<typeof useImports>;
  keeping: ReturnType<typeof useKeepOffline>;
}

/** What shows over the panes while it lasts: the dialogs, the progress bars, the drop target. */
export function AppOverlays({ deletion, exporting, settings, imports, keeping }: AppOverlaysProps) {
  const { t } = useTranslation();
  return (
    <>
      {deletion.asking && (
        <ConfirmDialog
          title={t('delete.title', { count: deletion.asking.ids.length })}
          message={t('delete.message', { count: deletion.asking.ids.length, title: deletion.asking.title })}
          confirmLabel={t('delete.confirm')}
          onConfirm={deletion.confirm}
          onCancel={deletion.cancel}
        />
      )}
      {exporting.asking && (
        <ExportDialog
          summary={t('export.summary', {
            count: exporting.asking.count,
            source: defaultTitle(exporting.asking.scope, t),
          })}
          initial={exporting.asking.initial}
          onExport={exporting.start}
          onClose={exporting.close}
        />
      )}
      {settings.shown && (
        <SettingsDialog
          initial={settings.shown.initial}
          limits={settings.shown.limits}
          onSave={settings.save}
          onClose={settings.close}
          onShowKeepQueue={() => {
            settings.close();
            keeping.showPanel();
          }}
        />
      )}
      {keeping.panelShown && keeping.queue && (
        <KeepQueuePanel
          model={keeping.queue.model}
          onCancel={keeping.cancel}
          onRetry={keeping.retry}
          onClearFinished={keeping.clearFinished}
          onClose={keeping.hidePanel}
        />
      )}
      {keeping.queue &&
        keeping.queue.model.counts.queued + keeping.queue.model.counts.running > 0 &&
        !keeping.panelShown && (
          <KeepQueueBar
            counts={keeping.queue.model.counts}
            onShow={keeping.showPanel}
            onCancel={() => keeping.cancel(null)}
          />
        )}
      {imports.feedChoice.offer && (
        <FeedChoiceDialog
          files={imports.feedChoice.offer.files}
          feeds={imports.feedChoice.offer.feeds}
          refreshMinutes={imports.feedChoice.offer.refreshMinutes}
          onFollow={imports.feedChoice.follow}
          onClose={imports.feedChoice.close}
        />
      )}
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
      {imports.drop.dragging && <DropTarget />}
    </>
  );
}
