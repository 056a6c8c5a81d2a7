import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat, ExportOptions } from '../../preload/contract';
import { useModalDialog } from '../dialogs/useModalDialog';
import './export.css';

const FORMATS: readonly ExportFormat[] = ['pdf', 'html', 'markdown', 'json'];
const isFormat = (value: string): value is ExportFormat => (FORMATS as readonly string[]).includes(value);

interface ExportDialogProps {
  /** What is being exported, e.g. "10 bulletins from Bookmarks". */
  summary: string;
  initial: ExportOptions;
  onExport: (options: ExportOptions) => void;
  onClose: () => void;
}

/**
 * The export options. A modal <dialog>: the rest of the window is inert while
 * it is open (focus stays inside), Esc closes it, and focus returns to where
 * it was when it closes.
 */
export function ExportDialog({ summary, initial, onExport, onClose }: ExportDialogProps) {
  const { t } = useTranslation();
  const dialog = useModalDialog(onClose);
  const [options, setOptions] = useState(initial);
  const titleId = useId();
  const ids = { title: useId(), pageSize: useId(), format: useId(), orientation: useId(), flow: useId() };
  const { format } = options;

  const set = <K extends keyof ExportOptions>(key: K, value: ExportOptions[K]) =>
    setOptions((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const title = options.title.trim();
    if (title === '') return;
    onExport({ ...options, title });
  };

  const checkbox = (key: 'cover' | 'tableOfContents' | 'includeLinks' | 'includeNotes', label: string) => (
    <label className="export-check">
      <input type="checkbox" checked={options[key]} onChange={(event) => set(key, event.target.checked)} />
      {label}
    </label>
  );

  return (
    <dialog {...dialog} className="modal-dialog export-dialog" aria-labelledby={titleId}>
      <form onSubmit={submit}>
        <h2 id={titleId} className="export-dialog-title">
          {t('export.dialogTitle')}
        </h2>
        <p className="export-dialog-summary">{summary}</p>

        <label htmlFor={ids.title} className="export-label">
          {t('export.titleLabel')}
        </label>
        <input
          id={ids.title}
          className="field-input export-input"
          type="text"
          required
          maxLength={200}
          value={options.title}
          onChange={(event) => set('title', event.target.value)}
          autoFocus
        />

        <label htmlFor={ids.format} className="export-label">
          {t('export.format')}
        </label>
        <select
          id={ids.format}
          className="field-input export-input"
          value={format}
          onChange={(event) => {
            if (isFormat(event.target.value)) set('format', event.target.value);
          }}
        >
          {FORMATS.map((item) => (
            <option key={item} value={item}>
              {t(`export.formats.${item}`)}
            </option>
          ))}
        </select>

        {format !== 'json' && (
          <fieldset className="export-group">
            <legend>{t('export.contents')}</legend>
            {checkbox('cover', t('export.cover'))}
            {checkbox('tableOfContents', t('export.tableOfContents'))}
            {checkbox('includeLinks', t('export.includeLinks'))}
            {checkbox('includeNotes', t('export.includeNotes'))}
          </fieldset>
        )}

        {format === 'pdf' && (
          <fieldset className="export-group">
            <legend>{t('export.layout')}</legend>
            <label htmlFor={ids.pageSize} className="export-label">
              {t('export.pageSize')}
            </label>
            <select
              id={ids.pageSize}
              className="field-input export-input"
              value={options.pageSize}
              onChange={(event) => set('pageSize', event.target.value === 'Letter' ? 'Letter' : 'A4')}
            >
              <option value="A4">{t('export.a4')}</option>
              <option value="Letter">{t('export.letter')}</option>
            </select>
            <div role="radiogroup" aria-label={t('export.orientation')} className="export-choices">
              <label className="export-check">
                <input
                  type="radio"
                  name={ids.orientation}
                  checked={!options.landscape}
                  onChange={() => set('landscape', false)}
                />
                {t('export.portrait')}
              </label>
              <label className="export-check">
                <input
                  type="radio"
                  name={ids.orientation}
                  checked={options.landscape}
                  onChange={() => set('landscape', true)}
                />
                {t('export.landscape')}
              </label>
            </div>
            <div role="radiogroup" aria-label={t('export.flow')} className="export-choices">
              <label className="export-check">
                <input
                  type="radio"
                  checked={options.newPagePerBulletin}
                  onChange={() => set('newPagePerBulletin', true)}
                />
                {t('export.newPage')}
              </label>
              <label className="export-check">
                <input
                  type="radio"
                  checked={!options.newPagePerBulletin}
                  onChange={() => set('newPagePerBulletin', false)}
                />
                {t('export.flowing')}
              </label>
            </div>
          </fieldset>
        )}

        <div className="export-actions modal-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('export.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={options.title.trim() === ''}>
            {t('export.export')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
