import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings, SettingsLimits } from '../../preload/contract';
import type { NumericSetting } from '../../preload/settings';
import { useModalDialog } from '../dialogs/useModalDialog';
import { LanguageField } from './LanguageField';
import { readAllowedHosts } from './readAllowedHosts';
import { KeptContentSettings } from '../offline/KeptContentSettings';
import { readSetting } from './readSetting';
import './settings.css';
import { ThemeField } from './ThemeField';

type Field = NumericSetting;
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
  const [language, setLanguage] = useState(initial.language);
  const [theme, setTheme] = useState(initial.theme);
  const [senderName, setSenderName] = useState(initial.senderName ?? '');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [hostsText, setHostsText] = useState(() => initial.allowedLocalHosts.join('\n'));
  const [hostsError, setHostsError] = useState<string | null>(null);
  const hostsInput = useRef<HTMLTextAreaElement | null>(null);
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
    const hosts = readAllowedHosts(hostsText, limits.allowedLocalHosts.max);
    setHostsError(
      hosts.kind === 'notHosts'
        ? t('settings.allowedLocalHosts.notHosts', { entries: hosts.entries.join(', ') })
        : hosts.kind === 'tooMany'
          ? t('settings.allowedLocalHosts.tooMany', { max: hosts.max })
          : null,
    );
    const firstWrong = FIELDS.find((field) => found[field] !== undefined);
    if (firstWrong) {
      inputs.current[firstWrong]?.focus();
      return;
    }
    if (hosts.kind !== 'hosts') {
      hostsInput.current?.focus();
      return;
    }
    setSaving(true);
    setSaveError(null);
    // An emptied name is no name: the computer's user name is used again.
    const name = senderName.trim();
    const saved: Settings = {
      ...initial,
      ...values,
      allowedLocalHosts: hosts.hosts,
      language,
      theme,
      senderName: name,
    };
    if (!name) delete saved.senderName;
    onSave(saved).catch((error: unknown) => {
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
        <LanguageField value={language} onChange={setLanguage} autoFocus />
        <ThemeField value={theme} onChange={setTheme} />
        {FIELDS.map((field) => {
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
        <div className="settings-field">
          <label htmlFor={`${baseId}-hosts`} className="settings-label">
            {t('settings.allowedLocalHosts.label')}
          </label>
          <textarea
            ref={hostsInput}
            id={`${baseId}-hosts`}
            className="field-input settings-hosts"
            rows={3}
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            placeholder={t('settings.allowedLocalHosts.placeholder')}
            value={hostsText}
            onChange={(event) => setHostsText(event.target.value)}
            aria-invalid={hostsError !== null}
            aria-describedby={`${baseId}-hosts-hint${hostsError ? ` ${baseId}-hosts-error` : ''}`}
          />
          <p id={`${baseId}-hosts-hint`} className="settings-hint">
            {t('settings.allowedLocalHosts.hint')}
          </p>
          {hostsError && (
            <p id={`${baseId}-hosts-error`} className="settings-error">
              {hostsError}
            </p>
          )}
        </div>
        <div className="settings-field">
          <label htmlFor={`${baseId}-senderName`} className="settings-label">
            {t('settings.senderName.label')}
          </label>
          <input
            id={`${baseId}-senderName`}
            className="field-input settings-input"
            type="text"
            maxLength={200}
            value={senderName}
            aria-describedby={`${baseId}-senderName-hint`}
            onChange={(event) => setSenderName(event.target.value)}
          />
          <p id={`${baseId}-senderName-hint`} className="settings-hint">
            {t('settings.senderName.hint')}
          </p>
        </div>
        <KeptContentSettings onShowQueue={onShowKeepQueue} />
        {saveError && (
          <p role="alert" className="settings-error">
            {saveError}
          </p>
        )}
        <div className="settings-actions modal-actions">
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
