import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Counts, FixedView, View } from '../../preload/contract';
import { BookmarkIcon, InboxIcon, ImportIcon, UnreadIcon } from '../icons/Icons';
import { SpokenLabel } from '../a11y/SpokenLabel';
import { SidebarDock, type SidebarLayout } from '../layout/SidebarDock';
import './sidebar.css';
import { formatCount } from '../i18n/formatCount';

interface SidebarProps {
  /** Its width, and whether the window is narrow enough to fold it into a button. */
  layout: SidebarLayout;
  view: View;
  counts: Counts | null;
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

/** The library's views with their counts, and the way in for new bulletins. */
export function Sidebar({ layout, view, counts, onSelectView, onImport, importing, children }: SidebarProps) {
  const { t, i18n } = useTranslation();

  return (
    <SidebarDock layout={layout} view={view}>
      <div className="sidebar">
        <h1 className="sidebar-title">{t('app.title')}</h1>
        <ul className="sidebar-views" aria-label={t('sidebar.views')}>
          {VIEWS.map(({ view: item, icon }) => {
            const name = t(`sidebar.view.${item}`);
            const count = counts?.[item];
            return (
              <li key={item}>
                <button
                  type="button"
                  className="sidebar-view"
                  aria-current={item === view ? 'page' : undefined}
                  onClick={() => onSelectView(item)}
                >
                  {icon}
                  <SpokenLabel
                    spoken={count === undefined ? name : t('sidebar.viewWithCount', { name, count })}
                  >
                    <span className="sidebar-view-name">{name}</span>
                    {count !== undefined && (
                      <span className="sidebar-view-count">{formatCount(count, i18n.language)}</span>
                    )}
                  </SpokenLabel>
                </button>
              </li>
            );
          })}
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
