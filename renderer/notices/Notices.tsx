import { useTranslation } from 'react-i18next';
import { CloseIcon } from '../icons/Icons';
import type { Notice } from './useNotices';
import './notices.css';

interface NoticesProps {
  notices: Notice[];
  onDismiss: (id: number) => void;
}

const newestFirst = (notices: readonly Notice[]) => notices.toReversed();

/**
 * The stack of notices along the window's foot, newest first (on top, and first to Tab to). The
 * container is a polite live region that exists from the start, so screen readers announce what
 * is added to it without taking focus away from the reader's work.
 */
export function Notices({ notices, onDismiss }: NoticesProps) {
  const { t } = useTranslation();
  return (
    <section className="notices" aria-label={t('notices.label')}>
      <div className="notices-stack" aria-live="polite" aria-relevant="additions text">
        {newestFirst(notices).map((notice) => (
          <div key={notice.id} className={`notice notice--${notice.kind}`}>
            <div className="notice-body">
              <p className="notice-message">{notice.message}</p>
              {/* Its buttons (Undo, Open) beside the message they answer, the details under both. */}
              {notice.actions && notice.actions.length > 0 && (
                <div className="notice-actions">
                  {notice.actions.map((action) => (
                    <button key={action.label} type="button" className="button" onClick={action.run}>
                      {action.label}
                    </button>
                  ))}
                </div>
              )}
              {notice.details.length > 0 && (
                <ul className="notice-details">
                  {notice.details.map((detail, index) => (
                    <li key={index}>{detail}</li>
                  ))}
                </ul>
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
