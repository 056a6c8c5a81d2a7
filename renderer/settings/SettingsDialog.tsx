import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings, SettingsLimits } from '../../preload/contract';
import { useModalDialog } from '../app/useModalDialog';
import { KeptContentSettings } from '../offline/KeptContentSettings';
import { readSetting } from './readSetting';
import './settings.css';

type Field = keyof Settings;
const FIELDS: readonly Field[] = ['importCapMegabytes', 'refreshMinutes'];

interface SettingsDialogProps {
  initial: Settings;
  limits: SettingsLimits;
  /** Saves; rejects with the sentence to show when main refuses or the disk fails. */
  onSave: (settings: Settings) => Promise<void>;
  onClose: () => void;
  /** Closes the dialog and opens the keep-offline queue's panel. */
  onShowKeepQueue: () => void;
}

/**
 * File › Settings…: a modal dialog (Esc closes it, focus stays inside and returns where it was).
 * A value out of range is named under its field and nothing is saved; a failed save keeps the
 * dialog open with what the user typed.
 */
export function SettingsDialog({ initial, limits, onSave, onClose, onShowKeepQueue }: SettingsDialogProps) {
  const { t } = useTranslation();
  const dialog = useModalDialog(onClose);
  const [text, setText] = useState<Record<Field, string>>(() => ({
    importCapMegabytes: String(initial.importCapMegabytes),
    refreshMinutes: String(initial.refreshMinutes),
  }));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const titleId = useId();
  const baseId = useId();
  const inputs = useRef<Partial<Record<Field, HTMLInputElement | null>>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    const values: Partial<Settings> = {};
    for (const field of FIELDS) {
      const value = readSetting(text[field], limits[field]);
      if (value === null) found[field] = t('settings.outOfRange', limits[field]);
      else values[field] = value;
    }
    setErrors(found);
    const firstWrong = FIELDS.find((field) => found[field] !== undefined);
    if (firstWrong) {
      inputs.current[firstWrong]?.focus();
      return;
    }
    setSaving(true);
    setSaveError(null);
    onSave({ ...initial, ...values }).catch((error: unknown) => {
      setSaveError(error instanceof Error && error.message ? error.message : t('settings.saveFailed'));
      setSaving(false);
    });
  };

  return (
    <dialog {...dialog} className="modal-dialog settings-dialog" aria-labelledby={titleId}>
      <form onSubmit={submit} noValidate>
        <h2 id={titleId} className="settings-title">
          {t('settings.title')}
        </h2>
        {FIELDS.map((field, position) => {
          const id = `${baseId}-${field}`;
          const error = errors[field];
          return (
            <div className="settings-field" key={field}>
              <label htmlFor={id} className="settings-label">
                {t(`settings.${field}.label`)}
              </label>
              <input
                ref={(element) => {
                  inputs.current[field] = element;
                }}
                id={id}
                className="field-input settings-input"
                type="number"
                inputMode="numeric"
                step={1}
                min={limits[field].min}
                max={limits[field].max}
                value={text[field]}
                onChange={(event) => setText((current) => ({ ...current, [field]: event.target.value }))}
                aria-invalid={error !== undefined}
                aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
                autoFocus={position === 0}
              />
              <p id={`${id}-hint`} className="settings-hint">
                {t(`settings.${field}.hint`, limits[field])}
              </p>
              {error && (
                <p id={`${id}-error`} className="settings-error">
                  {error}
                </p>
              )}
            </div>
          );
        })}
        <KeptContentSettings onShowQueue={onShowKeepQueue} />
        {saveError && (
          <p role="alert" className="settings-error">
            {saveError}
          </p>
        )}
        <div className="settings-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('settings.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={saving}>
            {t('settings.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
