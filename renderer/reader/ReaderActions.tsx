import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulletinDetail, CollectionInfo } from '../../preload/contract';
import { BookmarkIcon, ExternalIcon, TrashIcon, UnreadIcon } from '../icons/Icons';
import { CollectionPicker } from '../library/CollectionPicker';
import type { MenuAction, MenuSection } from '../menus/menuActions';
import { MenuButton } from '../menus/MenuButton';
import { bulletinAsText, mailtoDraft } from '../share/bulletinText';
import { plainBulletin } from '../share/plainBulletin';
import { copyToClipboard } from '../share/sendBulletins';
import { SendMenu } from '../share/SendMenu';
import type { KeptContent } from './useKeptContent';
import { useOverflowCount } from './useOverflowCount';

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

/** One action of the row: its control, and what stands for it in "More…" when the row is full. */
interface Slot {
  id: string;
  control: ReactNode;
  /** Its menu items; a section with a label (the collections) stays a group of its own. */
  menu: MenuSection;
}

/**
 * The order in which actions move into "More…" when the row is too narrow for them all: first the
 * least used (Delete has its key, and is the one not to press by mistake), last the marks and the
 * switch between the kept article and the feed's text, which also says which of them is shown.
 */
const MOVES_FIRST = [
  'delete',
  'keep',
  'send',
  'original',
  'load-images',
  'collections',
  'read',
  'kept-switch',
];

/**
 * The row of buttons under the open bulletin's title: one row in every language and window size
 * (useOverflowCount); what does not fit is in its "More…" menu, in the same order.
 */
export function ReaderActions({
  detail,
  actions,
  kept,
  onKeepOffline,
  onOpenLink,
  original,
}: ReaderActionsProps) {
  const { t, i18n } = useTranslation();
  const { bulletin, bookmarked, read } = detail;
  const { link } = bulletin;
  // What a Send item chosen from "More…" did (copied, refused): said where its own menu says it.
  const [sendStatus, setSendStatus] = useState('');
  const item = (id: string, label: string, run: () => void, disabled?: boolean): MenuSection => ({
    id,
    actions: [{ id, label, run, disabled }],
  });
  const plain = () => plainBulletin(bulletin, i18n.language);
  const copy = (text: () => Promise<string>) => void copyToClipboard(text, t).then(setSendStatus);
  const readLabel = read ? t('reader.markUnread') : t('reader.markRead');
  const originalLabel = original?.host
    ? t('reader.openOriginalAt', { host: original.host })
    : t('reader.openOriginal');

  const slots: Slot[] = [
    {
      id: 'bookmark',
      control: (
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
      ),
      menu: item(
        'bookmark',
        bookmarked ? t('reader.removeBookmark') : t('reader.bookmark'),
        actions.onToggleBookmark,
      ),
    },
    {
      id: 'read',
      control: (
        <button
          type="button"
          className="button reader-read"
          aria-keyshortcuts="M"
          onClick={actions.onToggleRead}
        >
          <UnreadIcon />
          {readLabel}
        </button>
      ),
      menu: item('read', readLabel, actions.onToggleRead),
    },
    {
      id: 'collections',
      control: (
        <CollectionPicker
          collections={actions.collections}
          memberOf={detail.collections}
          onChange={actions.onChangeCollection}
        />
      ),
      menu: { id: 'collections', label: t('collections.picker'), actions: collectionItems() },
    },
    {
      id: 'send',
      control: <SendMenu bulletin={bulletin} onOpenLink={onOpenLink} />,
      menu: {
        id: 'send',
        actions: [
          ...(link
            ? [{ id: 'copy-link', label: t('send.copyLink'), run: () => copy(() => Promise.resolve(link)) }]
            : []),
          {
            id: 'copy-text',
            label: t('send.copyText'),
            run: () => copy(() => Promise.resolve(bulletinAsText(plain()))),
          },
          { id: 'email', label: t('send.email'), run: () => onOpenLink(mailtoDraft(plain())) },
        ],
      },
    },
    {
      id: 'delete',
      control: (
        <button
          type="button"
          className="button reader-delete"
          aria-keyshortcuts="Delete"
          onClick={actions.onDelete}
        >
          <TrashIcon />
          {t('reader.delete')}
        </button>
      ),
      menu: item('delete', t('reader.delete'), actions.onDelete),
    },
  ];
  if (kept.remoteImages > 0 && !kept.images) {
    const label = kept.loadingImages
      ? t('reader.loadingImages')
      : t('reader.loadImages', { count: kept.remoteImages });
    slots.push({
      id: 'load-images',
      control: (
        <button
          type="button"
          className="button reader-load-images"
          disabled={kept.loadingImages}
          aria-describedby="reader-images-hint"
          onClick={() => kept.loadImages(bulletin.id)}
        >
          {label}
        </button>
      ),
      menu: item('load-images', label, () => kept.loadImages(bulletin.id), kept.loadingImages),
    });
  }
  if (!kept.keptView && (original || kept.remoteImages > 0))
    slots.push({
      id: 'keep',
      control: (
        <button type="button" className="button reader-keep" onClick={() => onKeepOffline(bulletin.id)}>
          {t('offline.keep')}
        </button>
      ),
      menu: item('keep', t('offline.keep'), () => onKeepOffline(bulletin.id)),
    });
  if (kept.keptView?.html !== undefined)
    slots.push({
      id: 'kept-switch',
      control: (
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
      ),
      // The one not shown now.
      menu: kept.showArticle
        ? item('kept-switch', t('offline.feedText'), () => kept.showFeedText(true))
        : item('kept-switch', t('offline.fullArticle'), () => kept.showFeedText(false)),
    });
  if (original)
    slots.push({
      id: 'original',
      control: (
        <a className="button reader-original" href={original.link} title={original.link}>
          <ExternalIcon />
          {originalLabel}
        </a>
      ),
      menu: item('original', originalLabel, () => onOpenLink(original.link)),
    });

  const { ref, hidden } = useOverflowCount<HTMLDivElement>(slots.length);
  const moved = new Set(
    slots
      .map((slot) => slot.id)
      .sort((a, b) => rank(a) - rank(b))
      .slice(0, hidden),
  );
  const inMenu = slots.filter((slot) => moved.has(slot.id)).map((slot) => slot.menu);
  const sections: MenuSection[] = [
    {
      id: 'actions',
      actions: inMenu.filter((section) => !section.label).flatMap((section) => section.actions),
    },
    ...inMenu.filter((section) => section.label),
  ];

  return (
    <div ref={ref} className="reader-actions" role="group" aria-label={t('reader.actions')}>
      {slots
        .filter((slot) => !moved.has(slot.id))
        .map((slot) => (
          <div key={slot.id} className="reader-action" data-action={slot.id}>
            {slot.control}
          </div>
        ))}
      {hidden > 0 && <MenuButton label={t('reader.more')} sections={sections} />}
      {hidden > 0 && (
        <span className="visually-hidden" role="status">
          {sendStatus}
        </span>
      )}
    </div>
  );

  /** The collections as menu items: a tick is a word ("Remove from …"), so it is read out too. */
  function collectionItems(): MenuAction[] {
    if (actions.collections.length === 0)
      return [
        { id: 'no-collections', label: t('collections.noneYet'), run: () => undefined, disabled: true },
      ];
    return actions.collections.map((collection) => {
      const member = detail.collections.includes(collection.id);
      return {
        id: `collection-${collection.id}`,
        label: member
          ? t('reader.removeFromCollection', { name: collection.name })
          : t('reader.addToCollection', { name: collection.name }),
        run: () => actions.onChangeCollection(collection, !member),
      };
    });
  }
}

/** Lower: moves into "More…" sooner (Bookmark, not listed, never before the others). */
function rank(id: string): number {
  const at = MOVES_FIRST.indexOf(id);
  return at < 0 ? MOVES_FIRST.length : at;
}
