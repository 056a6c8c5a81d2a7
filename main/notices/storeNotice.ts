import { t } from '../i18n';
import type { StoreEvent } from '../store/events';
import type { NoticeInput } from './noticeBoard';

const REASONS: Record<string, string> = {
  ENOSPC: 'storeNotices.reason.full',
  EDQUOT: 'storeNotices.reason.full',
  EROFS: 'storeNotices.reason.readOnly',
  EACCES: 'storeNotices.reason.denied',
  EPERM: 'storeNotices.reason.denied',
  EBUSY: 'storeNotices.reason.busy',
};

/** What the user reads about a store event; null for what needs no word (a migration). */
export function describeStoreEvent(
  event: StoreEvent,
  formatDate: (iso: string) => string,
): NoticeInput | null {
  switch (event.type) {
    case 'recovered': {
      const what = event.kind === 'state' ? 'state' : 'shard';
      const month = event.file.replace(/^bulletins\/|\.json$/g, '');
      const message =
        event.backup === null
          ? t(`storeNotices.recovered.${what}NoBackup`, { month })
          : t(`storeNotices.recovered.${what}`, {
              month,
              date: formatDate(event.backup),
              count: event.items,
            });
      return { kind: 'warning', message, details: [t('storeNotices.keptAs', { file: event.movedTo })] };
    }
    case 'newer-version':
      return {
        kind: 'warning',
        message: t('storeNotices.newerVersion', { file: event.file }),
        details: [t('storeNotices.newerVersionDetail')],
      };
    case 'write-failed':
      return {
        kind: 'error',
        message: t('storeNotices.writeFailed', {
          reason: t(REASONS[event.code] ?? 'storeNotices.reason.other', { code: event.code }),
        }),
        details: [t('storeNotices.writeFailedDetail')],
      };
    case 'write-resumed':
      return { kind: 'info', message: t('storeNotices.writeResumed'), details: [] };
    case 'journal-damaged':
      return {
        kind: 'warning',
        message: t('storeNotices.journalDamaged', { count: event.kept }),
        details: [t('storeNotices.keptAs', { file: event.movedTo })],
      };
    case 'migrated':
      return null;
  }
}
