import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedSearchInfo } from '../../preload/contract';
import { SearchIcon } from '../icons/Icons';
import { NameForm } from '../library/NameForm';
import { SidebarItem } from '../library/SidebarItem';
import { useFocusReturn } from '../library/useFocusReturn';
import './savedSearches.css';
import { formatCount } from '../i18n/formatters';

interface SavedSearchesSectionProps {
  saved: readonly SavedSearchInfo[];
  /** The saved search the list shows now, if any. */
  currentId: string | null;
  onOpen: (search: SavedSearchInfo) => void;
  /** Resolves once main has it; a rejection's message is shown by the name field. */
  onRename: (id: string, name: string) => Promise<void>;
  onDelete: (search: SavedSearchInfo) => void;
  /** Export…: every match, titled with the saved search's name. */
  onExport: (search: SavedSearchInfo) => void;
}

/**
 * Saved searches ("smart collections") in the sidebar: each with its count and the matches
 * imported since it was last opened; opened, renamed, exported and deleted (with undo) in place.
 * Nothing to show until one is saved (the search box's Save search… does that).
 */
export function SavedSearchesSection(props: SavedSearchesSectionProps) {
  const { saved, currentId } = props;
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [renaming, setRenaming] = useState<string | null>(null);
  const section = useRef<HTMLElement>(null);
  const returnFocus = useFocusReturn(section);
  if (saved.length === 0) return null;

  const closeRename = (id: string) => {
    setRenaming(null);
    returnFocus(id);
  };

  return (
    <section ref={section} className="collections saved-searches" aria-labelledby={headingId}>
      <div className="collections-heading">
        <h2 id={headingId} className="collections-title">
          {t('savedSearches.title')}
        </h2>
      </div>
      <ul className="sidebar-views" aria-label={t('savedSearches.title')}>
        {saved.map((search) => {
          if (renaming === search.id)
            return (
              <li key={search.id}>
                <NameForm
                  label={t('savedSearches.renameLabel', { name: search.name })}
                  initial={search.name}
                  submitLabel={t('collections.save')}
                  placeholder={t('savedSearches.namePlaceholder')}
                  problemOf={(name) => (name.trim() === '' ? t('savedSearches.nameEmpty') : null)}
                  onSave={async (name) => {
                    await props.onRename(search.id, name);
                    closeRename(search.id);
                  }}
                  onCancel={() => closeRename(search.id)}
                />
              </li>
            );
          return (
            <SidebarItem
              key={search.id}
              focusKey={search.id}
              current={search.id === currentId}
              onSelect={() => props.onOpen(search)}
              icon={<SearchIcon />}
              label={t('savedSearches.withCounts', {
                name: search.name,
                count: search.count,
                fresh: search.fresh,
              })}
              title={search.query.text}
              actions={[
                { id: 'rename', label: t('itemMenu.rename'), run: () => setRenaming(search.id) },
                { id: 'export', label: t('itemMenu.export'), run: () => props.onExport(search) },
                { id: 'delete', label: t('itemMenu.delete'), run: () => props.onDelete(search) },
              ]}
              actionsLabel={t('itemMenu.actions', { name: search.name })}
            >
              <span className="sidebar-view-name">{search.name}</span>
              {search.fresh > 0 && (
                <span className="saved-search-fresh" aria-hidden="true">
                  {t('savedSearches.fresh', { count: search.fresh })}
                </span>
              )}
              <span className="sidebar-view-count" aria-hidden="true">
                {formatCount(search.count, i18n.language)}
              </span>
            </SidebarItem>
          );
        })}
      </ul>
    </section>
  );
}
