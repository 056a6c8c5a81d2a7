import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectionInfo, View } from '../../preload/contract';
import { FolderIcon, PlusIcon } from '../icons/Icons';
import { NameForm } from './NameForm';
import { carriesBulletinIds, readBulletinIds } from './dragIds';
import { nameProblem } from './names';
import { SpokenLabel } from '../a11y/SpokenLabel';
import { SidebarItem } from './SidebarItem';
import { useFocusReturn } from './useFocusReturn';
import './library.css';
import { formatCount } from '../i18n/formatters';

interface CollectionsSectionProps {
  collections: readonly CollectionInfo[];
  view: View;
  onSelectView: (view: View) => void;
  /** Each resolves once main has it; a rejection's message is shown by the caller. */
  onCreate: (name: string) => Promise<void>;
  onRename: (id: string, name: string) => Promise<void>;
  onDelete: (collection: CollectionInfo) => void;
  /** Every bulletin of the collection queued to keep offline (the keep queue's own). */
  onKeepOffline: (collection: CollectionInfo) => void;
  /** Export…: every bulletin of the collection, in the export dialog. */
  onExport: (collection: CollectionInfo) => void;
  /** Share…: the collection, its name and the user's notes on it, as one file for a colleague. */
  onShare?: (collection: CollectionInfo) => void;
  /** Bulletins dropped on a collection (a row, or a selection). */
  onDropIds: (collection: CollectionInfo, ids: string[]) => void;
}

/** The user's collections in the sidebar: views with counts and a menu of actions, drop targets, made and renamed in place. */
export function CollectionsSection(props: CollectionsSectionProps) {
  const { collections, view } = props;
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const section = useRef<HTMLElement>(null);
  // Once a name form closes: back to its collection, or to '+'.
  const returnFocus = useFocusReturn(section);

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
            returnFocus('new');
          }}
          onCancel={() => {
            setCreating(false);
            returnFocus('new');
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
                    returnFocus(collection.id);
                  }}
                  onCancel={() => {
                    setRenaming(null);
                    returnFocus(collection.id);
                  }}
                />
              </li>
            );
          const empty = collection.count === 0;
          const actions = [
            { id: 'rename', label: t('itemMenu.rename'), run: () => setRenaming(collection.id) },
            {
              id: 'keep',
              label: t('itemMenu.keepOffline'),
              disabled: empty,
              run: () => props.onKeepOffline(collection),
            },
            {
              id: 'export',
              label: t('itemMenu.export'),
              disabled: empty,
              run: () => props.onExport(collection),
            },
            ...(props.onShare
              ? [{ id: 'share', label: t('itemMenu.share'), run: () => props.onShare?.(collection) }]
              : []),
            { id: 'delete', label: t('itemMenu.delete'), run: () => props.onDelete(collection) },
          ];
          return (
            <SidebarItem
              key={collection.id}
              focusKey={collection.id}
              current={own === view}
              onSelect={() => props.onSelectView(own)}
              icon={<FolderIcon />}
              actions={actions}
              actionsLabel={t('itemMenu.actions', { name: collection.name })}
              dropTarget={dropTarget === collection.id}
              onDragOver={(event) => dragOver(event, collection.id)}
              onDragLeave={() => setDropTarget(null)}
              onDrop={(event) => drop(event, collection)}
            >
              <SpokenLabel
                spoken={t('collections.withCounts', {
                  name: collection.name,
                  count: collection.count,
                  unread: collection.unread,
                })}
              >
                <span className="sidebar-view-name">{collection.name}</span>
                {collection.unread > 0 && (
                  <span className="collection-unread">{formatCount(collection.unread, i18n.language)}</span>
                )}
                <span className="sidebar-view-count">{formatCount(collection.count, i18n.language)}</span>
              </SpokenLabel>
            </SidebarItem>
          );
        })}
      </ul>
    </section>
  );
}
