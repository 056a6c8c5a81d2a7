import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNoteAutosave } from './useNoteAutosave';

interface NoteEditorProps {
  bulletinId: string;
  initial: string;
  onSave: (id: string, text: string) => Promise<void>;
}

/** The user's plain-text note on the open bulletin, saved as typed (mount it keyed by the bulletin). */
export function NoteEditor({ bulletinId, initial, onSave }: NoteEditorProps) {
  const { t } = useTranslation();
  const { text, setText, status, flush } = useNoteAutosave(bulletinId, initial, onSave);
  const fieldId = useId();
  const statusId = useId();

  return (
    <div className="note">
      <label htmlFor={fieldId} className="note-label">
        {t('notes.label')}
      </label>
      <textarea
        id={fieldId}
        className="note-field"
        value={text}
        rows={text === '' ? 2 : 4}
        maxLength={100_000}
        placeholder={t('notes.placeholder')}
        aria-describedby={statusId}
        onChange={(event) => setText(event.target.value)}
        onBlur={flush}
      />
      <p id={statusId} className={`note-status note-status--${status}`} role="status">
        {status === 'idle' ? '' : t(`notes.status.${status}`)}
      </p>
    </div>
  );
}
