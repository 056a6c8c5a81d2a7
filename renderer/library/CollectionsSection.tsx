import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectionInfo, View } from '../../preload/contract';
import { CloseIcon, FolderIcon, PencilIcon, PlusIcon, ShareIcon } from '../icons/Icons';
import { NameForm } from './NameForm';
import { carriesBulletinIds, readBulletinIds } from './dragIds';
import { nameProblem } from './names';
import { SpokenLabel } from '../a11y/SpokenLabel';
import './library.css';

interface CollectionsSectionProps {
  collections: readonly CollectionInfo[];
  view: View;
  onSelectView: (view: View) => void;
  /** Each resolves once main has it; a rejection's message is shown by the caller. */
  onCreate: (name: string) => Promise<void>;
  onRename: (id: string, name: string) => Promise<void>;
  onDelete: (collection: CollectionInfo) => void;
  /** Share…: the collection, its name and the user's notes on it, as one file for a colleague. */
  onShare?: (collection: CollectionInfo) => void;
  /** Bulletins dropped on a collection (a row, or a selection). */
  onDropIds: (collection: CollectionInfo, ids: string[]) => void;
}

/** The user's collections in the sidebar: views with counts, drop targets, made and renamed in place. */
export function CollectionsSection(props: CollectionsSectionProps) {
  const { collections, view } = props;
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const headingId = useId();
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const section = useRef<HTMLElement>(null);
  // Where focus goes once a name form closes (it would fall to the page otherwise): a collection, or '+'.
  const focusAfter = useRef<string | null>(null);
  useEffect(() => {
    if (focusAfter.current === null) return;
    const key = CSS.escape(focusAfter.current);
    const target = section.current?.querySelector<HTMLElement>(`[data-focus-key="${key}"]`);
    if (!target) return;
    focusAfter.current = null;
    target.focus();
  });

  const dragOver = (event: DragEvent, id: string) => {
    if (!carriesBulletinIds(event.dataTransfer)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDropTarget(id);
  };
  const drop = (event: DragEvent, collection: CollectionInfo) => {
    if (!carriesBulletinIds(event.dataTransfer)) return;
    event.preventDefault();
    setDropTarget(null);
    const ids = readBulletinIds(event.dataTransfer);
    if (ids.length > 0) props.onDropIds(collection, ids);
  };

  return (
    <section ref={section} className="collections" aria-labelledby={headingId}>
      <div className="collections-heading">
        <h2 id={headingId} className="collections-title">
          {t('collections.title')}
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('collections.new')}
          title={t('collections.new')}
          aria-expanded={creating}
          data-focus-key="new"
          onClick={() => setCreating(true)}
        >
          <PlusIcon />
        </button>
      </div>
      {creating && (
        <NameForm
          label={t('collections.nameLabel')}
          initial=""
          submitLabel={t('collections.create')}
          placeholder={t('collections.namePlaceholder')}
          problemOf={(name) => nameProblem(name, collections, t)}
          onSave={async (name) => {
            await props.onCreate(name);
            setCreating(false);
            focusAfter.current = 'new';
          }}
          onCancel={() => {
            setCreating(false);
            focusAfter.current = 'new';
          }}
        />
      )}
      {collections.length === 0 && !creating && <p className="collections-empty">{t('collections.none')}</p>}
      <ul className="sidebar-views" aria-label={t('collections.title')}>
        {collections.map((collection) => {
          const own: View = `collection:${collection.id}`;
          if (renaming === collection.id)
            return (
              <li key={collection.id}>
                <NameForm
                  label={t('collections.renameLabel', { name: collection.name })}
                  initial={collection.name}
                  submitLabel={t('collections.save')}
                  placeholder={t('collections.namePlaceholder')}
                  problemOf={(name) =>
                    nameProblem(
                      name,
                      collections.filter((other) => other.id !== collection.id),
                      t,
                    )
                  }
                  onSave={async (name) => {
                    await props.onRename(collection.id, name);
                    setRenaming(null);
                    focusAfter.current = collection.id;
                  }}
                  onCancel={() => {
                    setRenaming(null);
                    focusAfter.current = collection.id;
                  }}
                />
              </li>
            );
          return (
            <li
              key={collection.id}
              className={dropTarget === collection.id ? 'collection collection--drop' : 'collection'}
              onDragOver={(event) => dragOver(event, collection.id)}
              onDragLeave={() => setDropTarget(null)}
              onDrop={(event) => drop(event, collection)}
            >
              <button
                type="button"
                className="sidebar-view"
                data-focus-key={collection.id}
                aria-current={own === view ? 'page' : undefined}
                onClick={() => props.onSelectView(own)}
              >
                <FolderIcon />
                <SpokenLabel
                  spoken={t('collections.withCounts', {
                    name: collection.name,
                    count: collection.count,
                    unread: collection.unread,
                  })}
                >
                  <span className="sidebar-view-name">{collection.name}</span>
                  {collection.unread > 0 && (
                    <span className="collection-unread">{number.format(collection.unread)}</span>
                  )}
                  <span className="sidebar-view-count">{number.format(collection.count)}</span>
                </SpokenLabel>
              </button>
              <span className="collection-tools">
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('collections.rename', { name: collection.name })}
                  title={t('collections.rename', { name: collection.name })}
                  onClick={() => setRenaming(collection.id)}
                >
                  <PencilIcon />
                </button>
                {props.onShare && (
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t('share.collection', { name: collection.name })}
                    title={t('share.collection', { name: collection.name })}
                    onClick={() => props.onShare?.(collection)}
                  >
                    <ShareIcon />
                  </button>
                )}
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('collections.delete', { name: collection.name })}
                  title={t('collections.delete', { name: collection.name })}
                  onClick={() => props.onDelete(collection)}
                >
                  <CloseIcon />
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
