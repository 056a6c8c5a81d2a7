import { createHash } from 'node:crypto';
import type { Bulletin } from '../../../preload/contract';
import { htmlToText } from '../../search/htmlText';
import { findCountries } from '../countries';
import { normaliseDate } from './normaliseDate';
import type { FeedEntry, ParsedFeed } from './parseFeed';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Summaries are the lead of the text: enough for the list and search, not the body. */
const SUMMARY_CHARACTERS = 400;

/** Why an entry could not become a bulletin (an i18n key under `rejected.`). */
export type EntryProblem = 'noTitleOrText';

export type EntryOutcome = { bulletin: Bulletin } | { problem: EntryProblem; title?: string };

/**
 * A feed entry as a bulletin. The id is stable across imports: the entry's GUID, else
 * its link, else a hash of source + date + title. contentHash covers what the reader
 * sees, so a corrected entry is recognised as changed.
 */
export function bulletinFromFeed(
  entry: FeedEntry,
  feed: ParsedFeed,
  source: string,
  importedAt: string,
): EntryOutcome {
  const title = entry.title ? htmlToText(entry.title) : '';
  const bodyHtml = entry.contentHtml ?? entry.summaryHtml;
  const text = htmlToText(entry.summaryHtml ?? entry.contentHtml ?? '');
  if (!title && !text) return { problem: 'noTitleOrText' };
  // Most items have one of the two: their text is then the one already read.
  const bodyText =
    bodyHtml && bodyHtml !== (entry.summaryHtml ?? entry.contentHtml) ? htmlToText(bodyHtml) : text;
  const original = entry.published ?? entry.updated;
  // An undated entry is filed under the day it arrived rather than lost.
  const published = normaliseDate(entry.published) ?? normaliseDate(entry.updated) ?? importedAt;
  const key = entry.guid?.trim() || entry.link?.trim();
  const id = key
    ? `feed-${sha256(key).slice(0, 32)}`
    : `feed-${sha256([source, published, title].join('\n')).slice(0, 32)}`;
  return {
    bulletin: {
      id,
      source,
      title: title || truncate(text, 80),
      summary: truncate(text, SUMMARY_CHARACTERS),
      ...(bodyHtml ? { bodyHtml } : {}),
      ...(entry.link ? { link: entry.link } : {}),
      published,
      ...(original && original.trim() !== published ? { publishedOriginal: original.trim() } : {}),
      language: primaryLanguage(entry.language ?? feed.language),
      countries: findCountries(`${title}\n${bodyText}`),
      tags: [],
      importedAt,
      contentHash: sha256([title, entry.link ?? '', bodyHtml ?? '', text].join('\n')),
    },
  };
}

/** "en-US" → "en-US", "EN_us" → "en-us"; unknown → "und" (BCP 47 for undetermined). */
function primaryLanguage(tag: string | undefined): string {
  const cleaned = tag?.trim().replace(/_/g, '-');
  return cleaned && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(cleaned) ? cleaned : 'und';
}

function truncate(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${space > length / 2 ? cut.slice(0, space) : cut}…`;
}
