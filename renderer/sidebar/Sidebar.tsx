import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FixedView, View } from '../../preload/contract';
import { BookmarkIcon, InboxIcon, ImportIcon, UnreadIcon } from '../icons/Icons';
import { SidebarDock, type SidebarLayout } from '../layout/SidebarDock';
import { SidebarViewButton } from './SidebarViewButton';
import './sidebar.css';

interface SidebarProps {
  /** Its width, and whether the window is narrow enough to fold it into a button. */
  layout: SidebarLayout;
  view: View;
  onSelectView: (view: View) => void;
  onImport: () => void;
  importing: boolean;
  /** More sections (collections, subscriptions), shown between the views and the import button. */
  children?: ReactNode;
}

const VIEWS: ReadonlyArray<{ view: FixedView; icon: ReactNode }> = [
  { view: 'all', icon: <InboxIcon /> },
  { view: 'unread', icon: <UnreadIcon /> },
  { view: 'bookmarks', icon: <BookmarkIcon /> },
];

/**
 * The library's views with their counts, and the way in for new bulletins. The counts are read by
 * each view's button (SidebarViewButton), so a mark does not render the sidebar.
 */
export function Sidebar({ layout, view, onSelectView, onImport, importing, children }: SidebarProps) {
  const { t } = useTranslation();

  return (
    <SidebarDock layout={layout} view={view}>
      <div className="sidebar">
        <h1 className="sidebar-title">{t('app.title')}</h1>
        <ul className="sidebar-views" aria-label={t('sidebar.views')}>
          {VIEWS.map(({ view: item, icon }) => (
            <li key={item}>
              <SidebarViewButton
                view={item}
                icon={icon}
                current={item === view}
                onSelect={() => onSelectView(item)}
              />
            </li>
          ))}
        </ul>
        {children}
        <div className="sidebar-footer">
          <button
            type="button"
            className="button sidebar-import"
            onClick={onImport}
            disabled={importing}
            aria-describedby="sidebar-import-hint"
          >
            <ImportIcon />
            {importing ? t('sidebar.importing') : t('sidebar.import')}
          </button>
          <p id="sidebar-import-hint" className="sidebar-hint">
            {t('sidebar.importHint')}
          </p>
        </div>
      </div>
    </SidebarDock>
  );
}
