import { useTranslation } from 'react-i18next';
import type { BulletinDetail, CollectionInfo } from '../../preload/contract';
import { BookmarkIcon, ExternalIcon, TrashIcon, UnreadIcon } from '../icons/Icons';
import { CollectionPicker } from '../library/CollectionPicker';
import { SendMenu } from '../share/SendMenu';
import type { KeptContent } from './useKeptContent';

/** What the user can do to the open bulletin: its marks, collections, note and deletion. */
export interface ReaderMarkActions {
  onToggleBookmark: () => void;
  onToggleRead: () => void;
  collections: readonly CollectionInfo[];
  onChangeCollection: (collection: CollectionInfo, member: boolean) => void;
  onSaveNote: (id: string, text: string) => Promise<void>;
  /** Asks to delete the open bulletin (the caller confirms first). */
  onDelete: () => void;
}

interface ReaderActionsProps {
  detail: BulletinDetail;
  actions: ReaderMarkActions;
  kept: KeptContent;
  onKeepOffline: (id: string) => void;
  onOpenLink: (url: string) => void;
  /** The original's address when it is a web link, and its host name. */
  original: { link: string; host: string } | null;
}

/** The row of buttons under the open bulletin's title. */
export function ReaderActions({
  detail,
  actions,
  kept,
  onKeepOffline,
  onOpenLink,
  original,
}: ReaderActionsProps) {
  const { t } = useTranslation();
  const { bulletin, bookmarked, read } = detail;
  return (
    <div className="reader-actions">
      <button
        type="button"
        className="button reader-bookmark"
        aria-pressed={bookmarked}
        aria-keyshortcuts="B"
        onClick={actions.onToggleBookmark}
      >
        <BookmarkIcon filled={bookmarked} />
        {t('reader.bookmark')}
      </button>
      <button
        type="button"
        className="button reader-read"
        aria-keyshortcuts="M"
        onClick={actions.onToggleRead}
      >
        <UnreadIcon />
        {read ? t('reader.markUnread') : t('reader.markRead')}
      </button>
      <CollectionPicker
        collections={actions.collections}
        memberOf={detail.collections}
        onChange={actions.onChangeCollection}
      />
      <SendMenu bulletin={bulletin} onOpenLink={onOpenLink} />
      <button
        type="button"
        className="button reader-delete"
        aria-keyshortcuts="Delete"
        onClick={actions.onDelete}
      >
        <TrashIcon />
        {t('reader.delete')}
      </button>
      {kept.remoteImages > 0 && !kept.images && (
        <button
          type="button"
          className="button reader-load-images"
          disabled={kept.loadingImages}
          aria-describedby="reader-images-hint"
          onClick={() => kept.loadImages(bulletin.id)}
        >
          {kept.loadingImages
            ? t('reader.loadingImages')
            : t('reader.loadImages', { count: kept.remoteImages })}
        </button>
      )}
      {!kept.keptView && (original || kept.remoteImages > 0) && (
        <button type="button" className="button reader-keep" onClick={() => onKeepOffline(bulletin.id)}>
          {t('offline.keep')}
        </button>
      )}
      {kept.keptView?.html !== undefined && (
        <span className="reader-kept-switch" role="group" aria-label={t('offline.switchLabel')}>
          <button
            type="button"
            className="button"
            aria-pressed={kept.showArticle}
            onClick={() => kept.showFeedText(false)}
          >
            {t('offline.fullArticle')}
          </button>
          <button
            type="button"
            className="button"
            aria-pressed={!kept.showArticle}
            onClick={() => kept.showFeedText(true)}
          >
            {t('offline.feedText')}
          </button>
        </span>
      )}
      {original && (
        <a className="button reader-original" href={original.link} title={original.link}>
          <ExternalIcon />
          {original.host ? t('reader.openOriginalAt', { host: original.host }) : t('reader.openOriginal')}
        </a>
      )}
    </div>
  );
}
