import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectionInfo } from '../../preload/contract';
import { FolderIcon } from '../icons/Icons';

interface AddToCollectionMenuProps {
  collections: readonly CollectionInfo[];
  disabled: boolean;
  onChoose: (collection: CollectionInfo) => void;
}

/** The selection bar's "Add to collection…": one button per collection, in a panel under it. */
export function AddToCollectionMenu({ collections, disabled, onChoose }: AddToCollectionMenuProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  // Esc closes the panel only: the selection it was opened for stays.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    event.stopPropagation();
    close();
  };

  return (
    <div className="collection-picker" onKeyDown={onKeyDown}>
      <button
        ref={toggle}
        type="button"
        className="button"
        disabled={disabled}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
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
