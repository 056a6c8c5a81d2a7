import { t } from '../i18n';
import type { StateCounts, StoreEvent } from '../store/events';
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
    case 'recovered':
      return event.kind === 'state' ? stateRecovered(event, formatDate) : shardRecovered(event, formatDate);
    case 'journal-recovered':
      return {
        kind: 'warning',
        message: t(`storeNotices.journalRecovered.${event.movedTo === null ? 'missing' : 'damaged'}`, {
          count: event.kept,
        }),
        details: keptAs(event.movedTo),
      };
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
        details: keptAs(event.movedTo),
      };
    case 'migrated':
      return null;
  }
}

type Recovered<Kind> = Extract<StoreEvent, { type: 'recovered'; kind: Kind }>;

const keptAs = (movedTo: string | null) =>
  movedTo === null ? [] : [t('storeNotices.keptAs', { file: movedTo })];

/** "12 bookmarks, 340 read marks, 2 notes and 1 collection", each with its plural. */
const countsOf = (counts: StateCounts) =>
  t('storeNotices.counts.all', {
    bookmarks: t('storeNotices.counts.bookmarks', { count: counts.bookmarks }),
    read: t('storeNotices.counts.read', { count: counts.read }),
    notes: t('storeNotices.counts.notes', { count: counts.notes }),
    collections: t('storeNotices.counts.collections', { count: counts.collections }),
  });

/** Says whether everything came back, and if not, exactly which kinds of change may be missing. */
function stateRecovered(event: Recovered<'state'>, formatDate: (iso: string) => string): NoticeInput {
  const cause = event.movedTo === null ? 'missing' : 'damaged';
  const details = [t('storeNotices.state.holds', { counts: countsOf(event.restored) })];
  if (event.backup === null) {
    if (event.replayed > 0) details.push(t('storeNotices.state.replayedOnly', { count: event.replayed }));
    return {
      kind: 'warning',
      message: t(`storeNotices.state.noCopy.${cause}`),
      details: [...details, ...keptAs(event.movedTo)],
    };
  }
  const date = formatDate(event.backup);
  if (event.complete) {
    return {
      kind: 'info',
      message: t(`storeNotices.state.whole.${cause}`, { date }),
      details: [...details, ...keptAs(event.movedTo)],
    };
  }
  details.push(t('storeNotices.state.structureSince', { date }));
  if (event.marksLost) details.push(t('storeNotices.state.marksSince', { date }));
  return {
    kind: 'warning',
    message: t(`storeNotices.state.partial.${cause}`, { date }),
    details: [...details, ...keptAs(event.movedTo)],
  };
}

function shardRecovered(event: Recovered<'shard'>, formatDate: (iso: string) => string): NoticeInput {
  const month = event.file.replace(/^bulletins\/|\.json$/g, '');
  const cause = event.movedTo === null ? 'missing' : 'damaged';
  if (event.backup === null)
    return {
      kind: 'warning',
      message: t('storeNotices.shard.noCopy', { month }),
      details: keptAs(event.movedTo),
    };
  const values = { month, date: formatDate(event.backup), count: event.bulletins };
  return event.complete
    ? {
        kind: 'info',
        message: t(`storeNotices.shard.whole.${cause}`, values),
        details: keptAs(event.movedTo),
      }
    : {
        kind: 'warning',
        message: t(`storeNotices.shard.partial.${cause}`, values),
        details: keptAs(event.movedTo),
      };
}
