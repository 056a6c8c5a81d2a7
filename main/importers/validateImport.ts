import { createHash } from 'node:crypto';
import type { Bulletin, DuplicateGroup, RejectedItem } from '../../preload/contract';
import { t } from '../i18n';
import { htmlToText } from '../search/htmlText';

/**
 * The import boundary: every bulletin from every importer (feeds, digests, our JSON, subscriptions)
 * passes here before the store sees it. Whatever a file says, what comes out has a date the store
 * can file under a month, an id the bridge accepts, and strings of a bounded size; what cannot be
 * made so is rejected with its reason, and items of one file that share an id are merged (the first
 * kept) and counted, so the report accounts for every item.
 */

/** The bridge's id limit (main/ipc/schemas.ts): a longer id could never be opened or deleted. */
export const MAX_ID_LENGTH = 200;

/**
 * Caps in characters. Generous for real news (the longest body in the feed corpora is ≈ 300 kB,
 * the longest title ≈ 400 characters); what is past them is a mistake or an attack, and would
 * otherwise be held in memory, indexed and sent to the window at every opening.
 */
export const FIELD_LIMITS = {
  title: 1_000,
  summary: 2_000,
  bodyHtml: 2_000_000,
  source: 300,
  link: 4_096,
  publishedOriginal: 200,
  language: 35,
  contentHash: 128,
  /** Each tag and each country name, and how many of each a bulletin keeps. */
  label: 200,
  labels: 100,
} as const;

/** How many groups of duplicates a file's report names (the count covers them all). */
const DUPLICATE_GROUPS_SHOWN = 20;

export interface ValidatedItems {
  bulletins: Bulletin[];
  rejected: RejectedItem[];
  /** Items merged into an earlier item of the same file with the same id. */
  merged: number;
  /** The first groups of duplicates, each naming the item kept. */
  duplicates: DuplicateGroup[];
  /** The index's text of each kept bulletin's body, by id, when the reader made it (indexedBodyText). */
  bodyTexts: Map<string, string>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * An id the bridge accepts. Ids up to 200 characters are kept exactly as they are: existing
 * archives hold such ids with the user's bookmarks, notes and collections keyed on them, and
 * hashing every id would turn a re-import into duplicates and orphan those marks. Our importers
 * make hashed ids of at most 70 characters already, so only an id from a JSON file (or a future
 * importer) can be longer; it becomes `long-` and the SHA-256 of the whole id (69 characters):
 * stable, so importing the same file again finds it, and never a marked bulletin's id, since the
 * bridge could not mark a bulletin whose id was too long.
 */
export function boundedId(id: string): string {
  return id.length <= MAX_ID_LENGTH ? id : `long-${sha256(id)}`;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A date as ISO 8601 the store can file: a calendar date (YYYY-MM-DD) is kept as it is (digests
 * carry no time, and a time would move it to another day west of UTC); a date-time becomes UTC.
 * Null for anything else, including dates that do not exist (2020-02-31). Only years 1000–9999:
 * the month is the first seven characters, the name of its file.
 */
export function isoDate(value: string): string | null {
  const text = value.trim();
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) return realDay(dateOnly) ? text : null;
  const dateTime = DATE_TIME.exec(text);
  if (!dateTime || !realDay(dateTime)) return null;
  const time = Date.parse(text);
  if (Number.isNaN(time)) return null;
  const iso = new Date(time).toISOString();
  return /^[1-9]\d{3}-/.test(iso) ? iso : null;
}

function realDay([, yearText = '', monthText = '', dayText = '']: RegExpExecArray): boolean {
  const [year, month, day] = [Number(yearText), Number(monthText), Number(dayText)];
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A body as the store keeps it: cut, not refused (the reader sanitises what is left). */
const boundedBody = (html: string) => html.slice(0, FIELD_LIMITS.bodyHtml);

/**
 * The text the search index reads from a body the store will keep (the parse worker makes it, so
 * that main's indexing of an import parses no HTML; see searchIndex's `add`).
 */
export const indexedBodyText = (html: string): string => htmlToText(boundedBody(html));

function capped(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

const cappedList = (values: readonly string[]) =>
  values.slice(0, FIELD_LIMITS.labels).map((value) => capped(value, FIELD_LIMITS.label));

const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,8}$/;

/** What the report calls an item: its title, else its position in the file. */
function itemName(bulletin: Bulletin, position: number): string {
  const title = bulletin.title.trim();
  return title ? capped(title, 120) : t('rejected.item', { position });
}

/** One bulletin made safe to store, or the reason it cannot be. */
export function validateBulletin(bulletin: Bulletin, importedAt: string): Bulletin | { reason: string } {
  const published = isoDate(bulletin.published);
  if (!published) return { reason: t('rejected.badDate', { date: capped(bulletin.published, 60) }) };
  const { bodyHtml, link, publishedOriginal } = bulletin;
  return {
    id: boundedId(bulletin.id),
    source: capped(bulletin.source, FIELD_LIMITS.source),
    title: capped(bulletin.title, FIELD_LIMITS.title),
    summary: capped(bulletin.summary, FIELD_LIMITS.summary),
    ...(bodyHtml !== undefined ? { bodyHtml: boundedBody(bodyHtml) } : {}),
    // A link cut short would lead somewhere else: one that long is dropped.
    ...(link !== undefined && link.length <= FIELD_LIMITS.link ? { link } : {}),
    published,
    ...(publishedOriginal !== undefined
      ? { publishedOriginal: capped(publishedOriginal, FIELD_LIMITS.publishedOriginal) }
      : {}),
    language: LANGUAGE_TAG.test(bulletin.language) ? bulletin.language : 'und',
    countries: cappedList(bulletin.countries),
    tags: cappedList(bulletin.tags),
    importedAt: isoDate(bulletin.importedAt) ?? importedAt,
    contentHash: capped(bulletin.contentHash, FIELD_LIMITS.contentHash),
  };
}

/** A file's bulletins through the boundary: kept, rejected with a reason, or merged as duplicates. */
export function validateImport(
  items: readonly Bulletin[],
  importedAt: string,
  bodyTexts: readonly (string | null)[] = [],
): ValidatedItems {
  const result: ValidatedItems = {
    bulletins: [],
    rejected: [],
    merged: 0,
    duplicates: [],
    bodyTexts: new Map(),
  };
  const kept = new Map<string, { name: string; merged: number }>();
  items.forEach((item, index) => {
    const outcome = validateBulletin(item, importedAt);
    if ('reason' in outcome) {
      result.rejected.push({ item: itemName(item, index + 1), reason: outcome.reason });
      return;
    }
    const first = kept.get(outcome.id);
    if (first) {
      // One item listed twice (a feed repeating a GUID, a digest repeating an entry): the first wins.
      first.merged += 1;
      result.merged += 1;
      return;
    }
    kept.set(outcome.id, { name: itemName(outcome, index + 1), merged: 0 });
    result.bulletins.push(outcome);
    const bodyText = bodyTexts[index];
    if (typeof bodyText === 'string') result.bodyTexts.set(outcome.id, bodyText);
  });
  for (const { name, merged } of kept.values()) {
    if (merged === 0) continue;
    if (result.duplicates.length === DUPLICATE_GROUPS_SHOWN) break;
    result.duplicates.push({ kept: name, merged });
  }
  return result;
}
