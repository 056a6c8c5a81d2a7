import { useEffect, useLayoutEffect, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../resources/locales/displayNames';
import type { BulletinDetail, CollectionInfo, KeptView } from '../../preload/contract';
import { formatPublished } from '../i18n/formatDate';
import { BookmarkIcon, ExternalIcon, TrashIcon, UnreadIcon } from '../icons/Icons';
import { CollectionPicker } from '../library/CollectionPicker';
import { NoteEditor } from '../library/NoteEditor';
import { Highlighted } from '../search/Highlighted';
import { BulletinBody } from './BulletinBody';
import { hostOf, isExternalUrl, linkFromEventTarget } from './links';
import { SendMenu } from '../share/SendMenu';
import './reader.css';

interface ReaderPaneProps {
  /** undefined: nothing chosen; null: the chosen bulletin no longer exists. */
  detail: BulletinDetail | null | undefined;
  busy: boolean;
  terms: readonly string[];
  onToggleBookmark: () => void;
  onToggleRead: () => void;
  collections: readonly CollectionInfo[];
  onChangeCollection: (collection: CollectionInfo, member: boolean) => void;
  onSaveNote: (id: string, text: string) => Promise<void>;
  /** Asks to delete the open bulletin (the caller confirms first). */
  onDelete: () => void;
  onOpenLink: (url: string) => void;
  /** Fetches the bulletin's remote images through main; resolves to what could be loaded. */
  onLoadImages: (id: string) => Promise<Record<string, string>>;
  /** What is kept offline of a bulletin (full article, images), or null. */
  onLoadKept: (id: string) => Promise<KeptView | null>;
  /** Queues the bulletin to be kept offline. */
  onKeepOffline: (id: string) => void;
  /** Changes when the keep-offline queue finishes a job: what is kept may have changed. */
  keptVersion: number;
}

/** The reading pane: one bulletin, its marks, and its text. */
export function ReaderPane({
  detail,
  busy,
  terms,
  onToggleBookmark,
  onToggleRead,
  collections,
  onChangeCollection,
  onSaveNote,
  onDelete,
  onOpenLink,
  onLoadImages,
  onLoadKept,
  onKeepOffline,
  keptVersion,
}: ReaderPaneProps) {
  const { t, i18n } = useTranslation();
  const scroller = useRef<HTMLElement>(null);
  const bulletinId = detail?.bulletin.id;
  // Remote images stay off until asked for, bulletin by bulletin: loading one tells its server who reads what.
  const [remoteImages, setRemoteImages] = useState(0);
  const [loadedImages, setLoadedImages] = useState<{ id: string; images: Record<string, string> } | null>(
    null,
  );
  const [loadingImages, setLoadingImages] = useState(false);
  const loaded = loadedImages && loadedImages.id === bulletinId ? loadedImages.images : undefined;
  // What is kept offline: the full article (shown first, with a switch back to the feed's text) and images.
  const [kept, setKept] = useState<{ id: string; view: KeptView | null } | null>(null);
  const [feedText, setFeedText] = useState<string | null>(null);
  useEffect(() => {
    if (!bulletinId) return;
    let live = true;
    void onLoadKept(bulletinId).then((view) => {
      if (live) setKept({ id: bulletinId, view });
    });
    return () => {
      live = false;
    };
  }, [bulletinId, keptVersion, onLoadKept]);
  const keptView = kept && kept.id === bulletinId ? kept.view : null;
  const showArticle = keptView?.html !== undefined && feedText !== bulletinId;
  const images = keptView || loaded ? { ...keptView?.images, ...loaded } : undefined;
  const loadImages = (id: string) => {
    setLoadingImages(true);
    void onLoadImages(id)
      .then((found) => setLoadedImages({ id, images: found }))
      .finally(() => setLoadingImages(false));
  };
  const missingImages = loaded ? remoteImages - Object.keys(loaded).length : 0;

  // A new bulletin starts at its top, not where the last one was left.
  useLayoutEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [bulletinId]);

  // Links never navigate this window: main asks the user, then opens the system browser.
  const onClick = (event: MouseEvent) => {
    const link = linkFromEventTarget(event.target);
    if (!link) return;
    event.preventDefault();
    const href = link.getAttribute('href');
    if (href && isExternalUrl(href)) onOpenLink(href);
  };
  // Middle click would open a new window; there is none to open.
  const onAuxClick = (event: MouseEvent) => {
    if (linkFromEventTarget(event.target)) event.preventDefault();
  };

  let content;
  if (detail === undefined) {
    content = busy ? (
      <p className="reader-status">{t('reader.loading')}</p>
    ) : (
      <div className="reader-empty">
        <p className="reader-empty-title">{t('reader.emptyTitle')}</p>
        <p>{t('reader.emptyText')}</p>
        <p className="reader-empty-hint">{t('reader.shortcuts')}</p>
      </div>
    );
  } else if (detail === null) {
    content = <p className="reader-status">{t('reader.missing')}</p>;
  } else {
    const { bulletin, bookmarked, read } = detail;
    const link = bulletin.link && isExternalUrl(bulletin.link) ? bulletin.link : null;
    const host = link ? hostOf(link) : '';
    const list = new Intl.ListFormat(i18n.language, { type: 'unit', style: 'short' });
    content = (
      <article
        className="reader-article"
        aria-labelledby="reader-title"
        onClick={onClick}
        onAuxClick={onAuxClick}
      >
        <header className="reader-header">
          <p className="reader-meta">
            <time dateTime={bulletin.published}>{formatPublished(bulletin.published, i18n.language)}</time>
            <span className="reader-source">{bulletin.source}</span>
          </p>
          <h2 id="reader-title" className="reader-title" lang={bulletin.language} dir="auto">
            <Highlighted text={bulletin.title} terms={terms} />
          </h2>
          <div className="reader-actions">
            <button
              type="button"
              className="button reader-bookmark"
              aria-pressed={bookmarked}
              aria-keyshortcuts="B"
              onClick={onToggleBookmark}
            >
              <BookmarkIcon filled={bookmarked} />
              {t('reader.bookmark')}
            </button>
            <button type="button" className="button reader-read" aria-keyshortcuts="M" onClick={onToggleRead}>
              <UnreadIcon />
              {read ? t('reader.markUnread') : t('reader.markRead')}
            </button>
            <CollectionPicker
              collections={collections}
              memberOf={detail.collections}
              onChange={onChangeCollection}
            />
            <SendMenu bulletin={bulletin} onOpenLink={onOpenLink} />
            <button
              type="button"
              className="button reader-delete"
              aria-keyshortcuts="Delete"
              onClick={onDelete}
            >
              <TrashIcon />
              {t('reader.delete')}
            </button>
            {remoteImages > 0 && !images && (
              <button
                type="button"
                className="button reader-load-images"
                disabled={loadingImages}
                aria-describedby="reader-images-hint"
                onClick={() => loadImages(bulletin.id)}
              >
                {loadingImages ? t('reader.loadingImages') : t('reader.loadImages', { count: remoteImages })}
              </button>
            )}
            {!keptView && (link || remoteImages > 0) && (
              <button type="button" className="button reader-keep" onClick={() => onKeepOffline(bulletin.id)}>
                {t('offline.keep')}
              </button>
            )}
            {keptView?.html !== undefined && (
              <span className="reader-kept-switch" role="group" aria-label={t('offline.switchLabel')}>
                <button
                  type="button"
                  className="button"
                  aria-pressed={showArticle}
                  onClick={() => setFeedText(null)}
                >
                  {t('offline.fullArticle')}
                </button>
                <button
                  type="button"
                  className="button"
                  aria-pressed={!showArticle}
                  onClick={() => setFeedText(bulletin.id)}
                >
                  {t('offline.feedText')}
                </button>
              </span>
            )}
            {link && (
              <a className="button reader-original" href={link} title={link}>
                <ExternalIcon />
                {host ? t('reader.openOriginalAt', { host }) : t('reader.openOriginal')}
              </a>
            )}
          </div>
          {(bulletin.countries.length > 0 || bulletin.tags.length > 0) && (
            <p className="reader-facets">
              {bulletin.countries.length > 0 && (
                <span>
                  {t('reader.countries', {
                    countries: list.format(
                      bulletin.countries.map((country) => countryName(country, i18n.language)),
                    ),
                  })}
                </span>
              )}
              {bulletin.tags.length > 0 && (
                <span>{t('reader.tags', { tags: list.format(bulletin.tags) })}</span>
              )}
            </p>
          )}
        </header>
        <NoteEditor key={bulletin.id} bulletinId={bulletin.id} initial={detail.note} onSave={onSaveNote} />
        {remoteImages > 0 && !images && (
          <p id="reader-images-hint" className="reader-images-hint">
            {t('reader.imagesHint', { count: remoteImages })}
          </p>
        )}
        {missingImages > 0 && (
          <p className="reader-images-hint" role="status">
            {t('reader.imagesMissing', { count: missingImages })}
          </p>
        )}
        {keptView && (
          <p className="reader-images-hint">
            {t('offline.keptOn', { date: formatPublished(keptView.keptAt, i18n.language) })}
          </p>
        )}
        <BulletinBody
          images={images}
          onRemoteImages={setRemoteImages}
          bodyHtml={showArticle ? keptView?.html : bulletin.bodyHtml}
          summary={bulletin.summary}
          terms={terms}
          language={bulletin.language}
        />
      </article>
    );
  }

  return (
    // Focusable, so the keyboard can scroll a long bulletin (arrows, Page Down, Space).
    <section ref={scroller} className="reader" aria-label={t('reader.label')} aria-busy={busy} tabIndex={0}>
      {content}
    </section>
  );
}
