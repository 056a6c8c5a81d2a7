import { useTranslation } from 'react-i18next';
import { CloseIcon } from '../icons/Icons';
import type { Notice } from './useNotices';
import './notices.css';

interface NoticesProps {
  notices: Notice[];
  onDismiss: (id: number) => void;
}

/**
 * The stack of notices along the window's foot. The container is a polite live
 * region that exists from the start, so screen readers announce what is added
 * to it without taking focus away from the reader's work.
 */
export function Notices({ notices, onDismiss }: NoticesProps) {
  const { t } = useTranslation();
  return (
    <section className="notices" aria-label={t('notices.label')}>
      <div className="notices-stack" aria-live="polite" aria-relevant="additions text">
        {notices.map((notice) => (
          <div key={notice.id} className={`notice notice--${notice.kind}`}>
            <div className="notice-body">
              <p className="notice-message">{notice.message}</p>
              {notice.details.length > 0 && (
                <ul className="notice-details">
                  {notice.details.map((detail, index) => (
                    <li key={index}>{detail}</li>
                  ))}
                </ul>
              )}
              {notice.actions && notice.actions.length > 0 && (
                <div className="notice-actions">
                  {notice.actions.map((action) => (
                    <button key={action.label} type="button" className="button" onClick={action.run}>
                      {action.label}
                    </button>
                  ))}
                </div>
              )}
            </div>
            <button
              type="button"
              className="icon-button notice-dismiss"
              aria-label={t('notices.dismiss')}
              title={t('notices.dismiss')}
              onClick={() => onDismiss(notice.id)}
            >
              <CloseIcon />
            </button>
          </div>
        ))}
      </div>
    </section>
  );
}
