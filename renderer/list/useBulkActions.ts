import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoticeInput } from '../notices/useNotices';
import { useLibraryStore } from '../store/useLibraryStore';
import { bridge } from '../bridge/bridge';

/** The marks a bulk action sets or clears. */
export type BulkMark = 'bookmark' | 'read';

interface BulkEvents {
  notify: (notice: NoticeInput) => void;
  onError: (error: unknown) => void;
  /** After a bulk action or its undo changed something (main's change event also patches the store). */
  onDone: (mark: BulkMark, on: boolean) => void;
}

const call = (mark: BulkMark, ids: string[], on: boolean) =>
  mark === 'bookmark' ? bridge().setBookmarked(ids, on) : bridge().setRead(ids, on);

const marksOf = (mark: BulkMark, on: boolean) => (mark === 'bookmark' ? { bookmarked: on } : { read: on });

/**
 * Bookmarking or marking read many bulletins in one call to main (one write,
 * whatever the count), then a notice that says what changed and offers Undo:
 * a slip on "Mark all read" in a view of thousands is put right in one click.
 */
export function useBulkActions({ notify, onError, onDone }: BulkEvents) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const store = useLibraryStore();

  const run = useCallback(
    async (mark: BulkMark, ids: string[], on: boolean) => {
      setBusy(true);
      try {
        const changed = await call(mark, ids, on);
        // Main's change event says the same; patched here too so the rows follow the reply at once.
        store.patch(changed, marksOf(mark, on));
        onDone(mark, on);
        const key = `${mark}${on ? 'On' : 'Off'}`;
        if (changed.length === 0) {
          notify({ kind: 'info', message: t(`bulk.unchanged.${key}`, { count: ids.length }) });
          return;
        }
        notify({
          kind: 'info',
          message: t(`bulk.done.${key}`, { count: changed.length }),
          actions: [
            {
              label: t('bulk.undo'),
              run: () =>
                void call(mark, changed, !on).then((undone) => {
                  store.patch(undone, marksOf(mark, !on));
                  onDone(mark, !on);
                  notify({ kind: 'info', message: t('bulk.undone') });
                }, onError),
            },
          ],
        });
      } catch (error) {
        onError(error);
      } finally {
        setBusy(false);
      }
    },
    [notify, onError, onDone, t, store],
  );

  return { busy, run };
}
