import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from '../dialogs/useModalDialog';
import { NameForm } from '../library/NameForm';

interface SaveSearchDialogProps {
  /** The query as typed, shown so the user knows what is kept. */
  text: string;
  /** Resolves once saved; a rejection's message (a name taken) is shown by the field. */
  onSave: (name: string) => Promise<void>;
  onClose: () => void;
}

/** Save search…: the name to keep the current search under (query, facets and order). */
export function SaveSearchDialog({ text, onSave, onClose }: SaveSearchDialogProps) {
  const { t } = useTranslation();
  const dialog = useModalDialog(onClose);
  const titleId = useId();
  const describedId = useId();

  return (
    <dialog
      {...dialog}
      className="modal-dialog save-search-dialog"
      aria-labelledby={titleId}
      aria-describedby={describedId}
    >
      <h2 id={titleId} className="confirm-dialog-title">
        {t('savedSearches.dialogTitle')}
      </h2>
      <p id={describedId}>
        {text === ''
          ? t('savedSearches.dialogFacetsOnly')
          : t('savedSearches.dialogMessage', { query: text })}
      </p>
      <NameForm
        label={t('savedSearches.nameLabel')}
        initial={text.slice(0, 200)}
        submitLabel={t('savedSearches.save')}
        placeholder={t('savedSearches.namePlaceholder')}
        problemOf={(name) => (name.trim() === '' ? t('savedSearches.nameEmpty') : null)}
        onSave={onSave}
        onCancel={onClose}
      />
    </dialog>
  );
}
