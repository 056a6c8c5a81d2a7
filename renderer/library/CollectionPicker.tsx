import { useTranslation } from 'react-i18next';
import type { CollectionInfo } from '../../preload/contract';
import { FolderIcon } from '../icons/Icons';
import { useDisclosure } from './useDisclosure';

interface CollectionPickerProps {
  collections: readonly CollectionInfo[];
  /** Ids of the collections the open bulletin is in. */
  memberOf: readonly string[];
  onChange: (collection: CollectionInfo, member: boolean) => void;
}

/** The reading pane's "Collections" button: a checkbox per collection, for the open bulletin. */
export function CollectionPicker({ collections, memberOf, onChange }: CollectionPickerProps) {
  const { t } = useTranslation();
  const { open, panelId, onKeyDown, buttonProps } = useDisclosure();
  const count = memberOf.length;

  return (
    <div className="collection-picker" onKeyDown={onKeyDown}>
      <button type="button" className="button" {...buttonProps}>
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
