import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectionInfo, View } from '../../preload/contract';
import { CloseIcon, FolderIcon, PencilIcon, PlusIcon, ShareIcon } from '../icons/Icons';
import { NameForm } from './NameForm';
import { carriesBulletinIds, readBulletinIds } from './dragIds';
import { nameProblem } from './names';
import { SpokenLabel } from '../a11y/SpokenLabel';
import { SidebarItem } from './SidebarItem';
import { useFocusReturn } from './useFocusReturn';
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
          const tools = [
            {
              id: 'rename',
              label: t('collections.rename', { name: collection.name }),
              icon: <PencilIcon />,
              run: () => setRenaming(collection.id),
            },
            ...(props.onShare
              ? [
                  {
                    id: 'share',
                    label: t('share.collection', { name: collection.name }),
                    icon: <ShareIcon />,
                    run: () => props.onShare?.(collection),
                  },
                ]
              : []),
            {
              id: 'delete',
              label: t('collections.delete', { name: collection.name }),
              icon: <CloseIcon />,
              run: () => props.onDelete(collection),
            },
          ];
          return (
            <SidebarItem
              key={collection.id}
              focusKey={collection.id}
              current={own === view}
              onSelect={() => props.onSelectView(own)}
              icon={<FolderIcon />}
              tools={tools}
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
                  <span className="collection-unread">{number.format(collection.unread)}</span>
                )}
                <span className="sidebar-view-count">{number.format(collection.count)}</span>
              </SpokenLabel>
            </SidebarItem>
          );
        })}
      </ul>
    </section>
  );
}
