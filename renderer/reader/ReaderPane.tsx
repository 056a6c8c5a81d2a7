import { useLayoutEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../resources/locales/displayNames';
import type { BulletinDetail } from '../../preload/contract';
import { formatPublished } from '../i18n/formatDate';
import { NoteEditor } from '../library/NoteEditor';
import { Highlighted } from '../search/Highlighted';
import { BulletinBody } from './BulletinBody';
import { ReaderActions, type ReaderMarkActions } from './ReaderActions';
import { useHeldDetail } from './useHeldDetail';
import { useKeptContent, type ReaderContentSource } from './useKeptContent';
import { hostOf, isExternalUrl, linkFromEventTarget } from './links';
import './reader.css';
import { formatShortList } from '../i18n/formatters';

interface ReaderPaneProps {
  /**
   * undefined: nothing chosen; null: the chosen bulletin no longer exists. Its marks as fetched:
   * the pane shows them as the store holds them.
   */
  detail: BulletinDetail | null | undefined;
  busy: boolean;
  /** The search's words, highlighted in the title and text. */
  terms: readonly string[];
  actions: ReaderMarkActions;
  /** Links never navigate the window: this asks the user, then opens the system browser. */
  onOpenLink: (url: string) => void;
  content: ReaderContentSource;
}

/** The reading pane: one bulletin, its marks, and its text. */
export function ReaderPane({
  detail: fetched,
  busy,
  terms,
  actions,
  onOpenLink,
  content: source,
}: ReaderPaneProps) {
  const { t, i18n } = useTranslation();
  const detail = useHeldDetail(fetched);
  const scroller = useRef<HTMLElement>(null);
  const bulletinId = detail?.bulletin.id;
  const kept = useKeptContent(bulletinId, source);

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
    const { bulletin } = detail;
    const link = bulletin.link && isExternalUrl(bulletin.link) ? bulletin.link : null;
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
          <ReaderActions
            detail={detail}
            actions={actions}
            kept={kept}
            onKeepOffline={source.onKeepOffline}
            onOpenLink={onOpenLink}
            original={link ? { link, host: hostOf(link) } : null}
          />
          {(bulletin.countries.length > 0 || bulletin.tags.length > 0) && (
            <p className="reader-facets">
              {bulletin.countries.length > 0 && (
                <span>
                  {t('reader.countries', {
                    countries: formatShortList(
                      bulletin.countries.map((country) => countryName(country, i18n.language)),
                      i18n.language,
                    ),
                  })}
                </span>
              )}
              {bulletin.tags.length > 0 && (
                <span>{t('reader.tags', { tags: formatShortList(bulletin.tags, i18n.language) })}</span>
              )}
            </p>
          )}
        </header>
        <NoteEditor
          key={bulletin.id}
          bulletinId={bulletin.id}
          initial={detail.note}
          onSave={actions.onSaveNote}
        />
        {kept.remoteImages > 0 && !kept.images && (
          <p id="reader-images-hint" className="reader-images-hint">
            {t('reader.imagesHint', { count: kept.remoteImages })}
          </p>
        )}
        {kept.missingImages > 0 && (
          <p className="reader-images-hint" role="status">
            {t('reader.imagesMissing', { count: kept.missingImages })}
          </p>
        )}
        {kept.keptView && (
          <p className="reader-images-hint">
            {t('offline.keptOn', { date: formatPublished(kept.keptView.keptAt, i18n.language) })}
          </p>
        )}
        <BulletinBody
          images={kept.images}
          onRemoteImages={kept.setRemoteImages}
          bodyHtml={kept.showArticle ? kept.keptView?.html : bulletin.bodyHtml}
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
