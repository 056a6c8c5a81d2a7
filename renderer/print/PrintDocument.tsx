import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PrintJob, PrintOrigin } from '../../preload/printContract';
import { countryName } from '../../resources/locales/displayNames';
import { formatPublished } from '../i18n/formatDate';
import { PrintBody } from './PrintBody';
import { formatShortList } from '../i18n/formatters';

interface PrintDocumentProps {
  job: PrintJob;
  language: string;
}

/**
 * One export laid out for paper: cover, table of contents, then the
 * bulletins. Headings are real headings (the tagged PDF and its outline are
 * built from them); the contents link to each bulletin's anchor, which
 * Chromium turns into links inside the PDF.
 */
export function PrintDocument({ job, language }: PrintDocumentProps) {
  const { t } = useTranslation();
  const exportedOn = new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(
    new Date(job.exportedAt),
  );
  const count = job.bulletins.length;

  return (
    <main className={job.newPagePerBulletin ? 'print print--paged' : 'print'}>
      {job.cover && (
        <section className="print-cover" aria-labelledby="print-title">
          <h1 id="print-title" className="print-cover-title" dir="auto">
            {job.title}
          </h1>
          <dl className="print-cover-facts">
            <dt>{t('print.exportedOn')}</dt>
            <dd>{exportedOn}</dd>
            <dt>{t('print.contains')}</dt>
            <dd>{t('print.count', { count })}</dd>
            <dt>{t('print.from')}</dt>
            <dd dir="auto">{originText(job.origin, t)}</dd>
          </dl>
        </section>
      )}
      {job.tableOfContents && (
        <nav className="print-toc" aria-labelledby="print-toc-title">
          <h2 id="print-toc-title">{t('print.contents')}</h2>
          <ol>
            {job.bulletins.map((bulletin) => (
              <li key={bulletin.anchor} lang={bulletin.language} dir={bulletin.dir}>
                <a href={`#${bulletin.anchor}`}>{bulletin.title}</a>
                <span className="print-toc-meta">
                  {formatPublished(bulletin.published, language)} · {bulletin.source}
                </span>
              </li>
            ))}
          </ol>
        </nav>
      )}
      {job.bulletins.map((bulletin) => (
        <article
          key={bulletin.anchor}
          id={bulletin.anchor}
          className="print-bulletin"
          lang={bulletin.language}
          dir={bulletin.dir}
          aria-labelledby={`${bulletin.anchor}-title`}
        >
          <h2 id={`${bulletin.anchor}-title`} className="print-bulletin-title">
            {bulletin.title}
          </h2>
          <p className="print-bulletin-meta">
            <time dateTime={bulletin.published}>{formatPublished(bulletin.published, language)}</time>
            {' · '}
            {bulletin.source}
            {bulletin.countries.length > 0 && (
              <>
                {' · '}
                {t('print.countries', {
                  countries: formatShortList(
                    bulletin.countries.map((country) => countryName(country, language)),
                    language,
                  ),
                })}
              </>
            )}
          </p>
          <PrintBody bodyHtml={bulletin.bodyHtml} summary={bulletin.summary} images={bulletin.images} />
          {bulletin.note && (
            <aside className="print-note">
              <h3>{t('print.note')}</h3>
              <p>{bulletin.note}</p>
            </aside>
          )}
          {bulletin.link && (
            <p className="print-link">
              {t('print.original')} <a href={bulletin.link}>{bulletin.link}</a>
            </p>
          )}
        </article>
      ))}
    </main>
  );
}

function originText(origin: PrintOrigin, t: TFunction): string {
  if (origin.kind === 'ids') return origin.label;
  const view = t(`sidebar.view.${origin.view}`);
  return origin.kind === 'search' ? t('print.fromSearch', { query: origin.text, view }) : view;
}
