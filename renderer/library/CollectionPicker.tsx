import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectionInfo } from '../../preload/contract';
import { FolderIcon } from '../icons/Icons';

interface CollectionPickerProps {
  collections: readonly CollectionInfo[];
  /** Ids of the collections the open bulletin is in. */
  memberOf: readonly string[];
  onChange: (collection: CollectionInfo, member: boolean) => void;
}

/** The reading pane's "Collections" button: a checkbox per collection, for the open bulletin. */
export function CollectionPicker({ collections, memberOf, onChange }: CollectionPickerProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const count = memberOf.length;
  // Esc closes the panel and goes back to its button, rather than leaving the reading pane.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    event.stopPropagation();
    setOpen(false);
    toggle.current?.focus();
  };

  return (
    <div className="collection-picker" onKeyDown={onKeyDown}>
      <button
        ref={toggle}
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <FolderIcon />
        {count === 0 ? t('collections.picker') : t('collections.pickerCount', { count })}
      </button>
      {open && (
        <fieldset id={panelId} className="collection-picker-panel">
          <legend className="visually-hidden">{t('collections.pickerLegend')}</legend>
          {collections.length === 0 && <p className="collections-empty">{t('collections.noneYet')}</p>}
          {collections.map((collection) => (
            <label key={collection.id} className="collection-picker-option">
              <input
                type="checkbox"
                checked={memberOf.includes(collection.id)}
                onChange={(event) => onChange(collection, event.target.checked)}
              />
              {collection.name}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
