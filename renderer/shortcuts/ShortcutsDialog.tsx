import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from '../dialogs/useModalDialog';
import { SHORTCUTS, keyLabel } from './shortcutList';
import './shortcuts.css';

/** The keyboard shortcut reference (Help › Keyboard Shortcuts, or `?`). */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useModalDialog(onClose);
  const titleId = useId();
  const mac = navigator.userAgent.includes('Mac');
  return (
    <dialog {...dialog} className="modal-dialog shortcuts-dialog" aria-labelledby={titleId}>
      <h2 id={titleId} className="shortcuts-title">
        {t('shortcuts.title')}
      </h2>
      <dl className="shortcuts-list">
        {SHORTCUTS.map(({ action, keys }) => (
          <Fragment key={action}>
            <dt>
              {keys.map((combination, index) => (
                <Fragment key={combination}>
                  {index > 0 && ' '}
                  <kbd dir="ltr">{keyLabel(combination, mac)}</kbd>
                </Fragment>
              ))}
            </dt>
            <dd>{t(`shortcuts.action.${action}`)}</dd>
          </Fragment>
        ))}
      </dl>
      <div className="modal-actions shortcuts-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('shortcuts.close')}
        </button>
      </div>
    </dialog>
  );
}
