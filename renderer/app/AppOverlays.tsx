import { useTranslation } from 'react-i18next';
import { ExportDialog } from '../export/ExportDialog';
import { defaultTitle } from '../export/exportScope';
import type { useExport } from '../export/useExport';
import { DropTarget } from '../import/ImportProgress';
import type { useImports } from '../import/useImports';
import { ConfirmDialog } from '../library/ConfirmDialog';
import type { useDeleteBulletins } from '../library/useDeleteBulletins';
import { KeepQueuePanel } from '../offline/KeepQueuePanel';
import type { useKeepOffline } from '../offline/useKeepOffline';
import { SaveSearchDialog } from '../savedSearches/SaveSearchDialog';
import type { useShownSavedSearches } from '../savedSearches/useShownSavedSearches';
import { SettingsDialog } from '../settings/SettingsDialog';
import type { useSettingsDialog } from '../settings/useSettingsDialog';
import { ShortcutsDialog } from '../shortcuts/ShortcutsDialog';
import type { useShortcutsReference } from '../shortcuts/useShortcutsReference';
import { FeedChoiceDialog } from '../subscriptions/FeedChoiceDialog';

interface AppOverlaysProps {
  deletion: ReturnType<typeof useDeleteBulletins>;
  exporting: ReturnType<typeof useExport>;
  settings: ReturnType<typeof useSettingsDialog>;
  imports: ReturnType<typeof useImports>;
  keeping: ReturnType<typeof useKeepOffline>;
  savedSearches: ReturnType<typeof useShownSavedSearches>;
  shortcutsReference: ReturnType<typeof useShortcutsReference>;
}

/** What shows over the panes while it lasts: the dialogs and the drop target (the progress bars are in the window's foot, WindowFoot). */
export function AppOverlays({
  deletion,
  exporting,
  settings,
  imports,
  keeping,
  savedSearches,
  shortcutsReference,
}: AppOverlaysProps) {
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
      {imports.feedChoice.offer && (
        <FeedChoiceDialog
          files={imports.feedChoice.offer.files}
          feeds={imports.feedChoice.offer.feeds}
          refreshMinutes={imports.feedChoice.offer.refreshMinutes}
          onFollow={imports.feedChoice.follow}
          onClose={imports.feedChoice.close}
        />
      )}
      {savedSearches.dialog && <SaveSearchDialog {...savedSearches.dialog} />}
      {shortcutsReference.open && <ShortcutsDialog onClose={shortcutsReference.close} />}
      {imports.drop.dragging && <DropTarget />}
    </>
  );
}
