import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Counts, FixedView } from '../../preload/contract';
import { SpokenLabel } from '../a11y/SpokenLabel';
import { formatCount } from '../i18n/formatters';
import { useCounts } from '../store/useLibraryStore';

interface SidebarViewButtonProps {
  view: FixedView;
  icon: ReactNode;
  current: boolean;
  onSelect: () => void;
}

/**
 * One of the library's views (all, unread, bookmarks) with its count, read from the store itself:
 * a mark changes one or two of these numbers, and only the buttons that show them render, not the
 * sidebar with its collections, saved searches and subscriptions (which grow with the user's
 * library, and rendered on every key press's change event).
 */
export function SidebarViewButton({ view, icon, current, onSelect }: SidebarViewButtonProps) {
  const { t, i18n } = useTranslation();
  const count = useCounts((counts: Counts | null) => counts?.[view]);
  const name = t(`sidebar.view.${view}`);
  return (
    <button
      type="button"
      className="sidebar-view"
      aria-current={current ? 'page' : undefined}
      onClick={onSelect}
    >
      {icon}
      <SpokenLabel spoken={count === undefined ? name : t('sidebar.viewWithCount', { name, count })}>
        <span className="sidebar-view-name">{name}</span>
        {count !== undefined && (
          <span className="sidebar-view-count">{formatCount(count, i18n.language)}</span>
        )}
      </SpokenLabel>
    </button>
  );
}
