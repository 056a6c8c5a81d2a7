import { useTranslation } from 'react-i18next';
import type { CollectionInfo } from '../../preload/contract';
import { FolderIcon } from '../icons/Icons';
import { useDisclosure } from './useDisclosure';

interface AddToCollectionMenuProps {
  collections: readonly CollectionInfo[];
  disabled: boolean;
  onChoose: (collection: CollectionInfo) => void;
}

/** The selection bar's "Add to collection…": one button per collection, in a panel under it. */
export function AddToCollectionMenu({ collections, disabled, onChoose }: AddToCollectionMenuProps) {
  const { t } = useTranslation();
  const { open, panelId, close, onKeyDown, buttonProps } = useDisclosure();

  return (
    <div className="collection-picker" onKeyDown={onKeyDown}>
      <button type="button" className="button" disabled={disabled} {...buttonProps}>
        <FolderIcon />
        {t('selection.addToCollection')}
      </button>
      {open && (
        <div
          id={panelId}
          role="group"
          aria-label={t('selection.chooseCollection')}
          className="collection-picker-panel"
        >
          {collections.length === 0 && <p className="collections-empty">{t('collections.noneYet')}</p>}
          {collections.map((collection) => (
            <button
              key={collection.id}
              type="button"
              className="button selection-quiet"
              onClick={() => {
                close();
                onChoose(collection);
              }}
            >
              {collection.name}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
