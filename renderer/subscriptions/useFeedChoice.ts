import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport, ListedFeed } from '../../preload/contract';
import { bridge, userMessage } from '../bridge/bridge';
import type { NoticeInput } from '../notices/useNotices';

export interface FeedChoiceOffer {
  files: string[];
  feeds: ListedFeed[];
  refreshMinutes: number;
}

/**
 * After an import that brought subscription lists (OPML): the feeds they name, offered in the
 * feed-choice dialog. Nothing is followed until the user chooses; the chosen ones are followed in
 * one call (one write in main).
 */
export function useFeedChoice(notify: (notice: NoticeInput) => void, onError: (error: unknown) => void) {
  const { t } = useTranslation();
  const [offer, setOffer] = useState<FeedChoiceOffer | null>(null);

  const offerFrom = (report: ImportReport) => {
    const lists = report.files.filter((file) => (file.feeds?.length ?? 0) > 0);
    if (lists.length === 0) return;
    const byUrl = new Map<string, ListedFeed>();
    for (const feed of lists.flatMap((file) => file.feeds ?? []))
      if (!byUrl.has(feed.url)) byUrl.set(feed.url, feed);
    bridge()
      .settings()
      .then(
        ({ refreshMinutes }) =>
          setOffer({ files: lists.map((file) => file.name), feeds: [...byUrl.values()], refreshMinutes }),
        onError,
      );
  };

  const follow = async (feeds: ListedFeed[]) => {
    try {
      await bridge().addSubscriptions(feeds);
    } catch (error) {
      throw new Error(userMessage(error, t('feedChoice.failed')), { cause: error });
    }
    setOffer(null);
    notify({ kind: 'info', message: t('feedChoice.followed', { count: feeds.length }) });
  };

  return { offer, offerFrom, follow, close: () => setOffer(null) };
}
