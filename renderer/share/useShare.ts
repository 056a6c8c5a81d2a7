import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShareScope } from '../../preload/contract';
import { bridge } from '../app/bridge';
import type { NoticeInput } from '../notices/useNotices';

interface ShareEvents {
  notify: (notice: NoticeInput) => void;
  onError: (error: unknown) => void;
}

/**
 * Share…: main asks where to save and writes the share file; the window says what went where.
 * One share at a time: a second click while the save dialog is up does nothing.
 */
export function useShare({ notify, onError }: ShareEvents) {
  const { t } = useTranslation();
  const [running, setRunning] = useState(false);
  const share = useCallback(
    (scope: ShareScope) => {
      if (running) return;
      setRunning(true);
      bridge()
        .shareBulletins(scope)
        .then((outcome) => {
          if (!outcome) return;
          notify({
            kind: 'info',
            message:
              outcome.status === 'empty'
                ? t('share.empty')
                : t('share.done', { count: outcome.count, file: outcome.fileName }),
          });
        }, onError)
        .finally(() => setRunning(false));
    },
    [running, notify, onError, t],
  );
  return { share, running };
}
