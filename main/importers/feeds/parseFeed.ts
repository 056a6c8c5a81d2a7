import {
  ParseError,
  detectAtomFeed,
  detectRdfFeed,
  detectRssFeed,
  parseFeed as parseAnyFeed,
  parseJsonFeed,
  type AtomFeed,
  type JsonFeed,
  type RdfFeed,
  type RssFeed,
} from 'feedsmith';
import { resolveHtmlLinks, resolveUrl } from './resolveLinks';

/** One item of a feed, in the feed's own terms: nothing normalised beyond resolved links. */
export interface FeedEntry {
  guid?: string;
  link?: string;
  /** May hold HTML (Atom's type="html"/"xhtml"). */
  title?: string;
  /** Dates as the feed wrote them. */
  published?: string;
  updated?: string;
  summaryHtml?: string;
  contentHtml?: string;
  language?: string;
}

export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json';

export interface ParsedFeed {
  format: FeedFormat;
  title?: string;
  link?: string;
  language?: string;
  entries: FeedEntry[];
}

/** The text is no feed of a kind we read (or is broken beyond what the parser forgives). */
export class NotAFeed extends Error {}

/**
 * Parses RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed 1.0/1.1 with feedsmith (chosen by
 * measurement, see docs/importers.md), then resolves xml:base and relative links.
 */
export interface ParseOptions {
  /** Where the feed was fetched from: the base of relative links the feed does not rebase. */
  documentUrl?: string;
  /** The HTTP Content-Language: the feed's language when the feed names none. */
  documentLanguage?: string;
}

export function parseFeedText(text: string, options: ParseOptions = {}): ParsedFeed {
  // XML 1.0 forbids C0 control characters; feeds still carry stray ones, and dropping
  // them is what lets such a feed parse at all.
  const body = text
    .replace(/^\uFEFF/, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .trimStart();
  if (body.startsWith('{')) {
    const feed = fromJson(body, options.documentUrl);
    return { ...feed, language: feed.language ?? languageTag(options.documentLanguage) };
  }
  let parsed: ReturnType<typeof parseAnyFeed<string>>;
  try {
    parsed = parseAnyFeed<string>(body);
  } catch (error) {
    // A well-formed feed with nothing in it (ParseError) is an empty feed, not "not a feed".
    const empty = error instanceof ParseError ? emptyFormat(body) : undefined;
    if (empty) return { format: empty, entries: [], ...languageOf(options) };
    throw new NotAFeed(error instanceof Error ? error.message : String(error));
  }
  const feed = fromFormat(parsed, body, options.documentUrl);
  return { ...feed, language: feed.language ?? languageTag(options.documentLanguage) };
}

function fromFormat(parsed: ReturnType<typeof parseAnyFeed<string>>, body: string, documentUrl?: string) {
  switch (parsed.format) {
    case 'atom':
      return fromAtom(parsed.feed, documentUrl, ATOM_03_BASE64.test(body));
    case 'rss':
      return fromRss(parsed.feed, 'rss', documentUrl);
    case 'rdf':
      return fromRss(parsed.feed, 'rdf', documentUrl);
    case 'json':
      return fromJsonFeed(parsed.feed, documentUrl);
  }
}

function emptyFormat(body: string): FeedFormat | undefined {
  if (detectAtomFeed(body)) return 'atom';
  if (detectRdfFeed(body)) return 'rdf';
  return detectRssFeed(body) ? 'rss' : undefined;
}

const languageOf = (options: ParseOptions) => {
  const language = languageTag(options.documentLanguage);
  return language ? { language } : {};
};

/**
 * Atom 0.3 marked base64 text with mode="base64", an attribute feedsmith does not
 * report; a document that uses it anywhere has its base64-looking text decoded.
 */
const ATOM_03_BASE64 = /\smode\s*=\s*["']base64["']/;

function fromJson(body: string, documentUrl: string | undefined): ParsedFeed {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw new NotAFeed(error instanceof Error ? error.message : String(error));
  }
  // feedsmith recognises a JSON Feed by its jsonfeed.org version URL; some publishers
  // (and gofeed's own fixtures) write a bare "1.1". Anything with an items list is read.
  if (
    isRecord(value) &&
    Array.isArray(value.items) &&
    !String(value.version ?? '').includes('jsonfeed.org')
  ) {
    value = { ...value, version: 'https://jsonfeed.org/version/1.1' };
  }
  try {
    return fromJsonFeed(parseJsonFeed<string>(value), documentUrl);
  } catch (error) {
    throw new NotAFeed(error instanceof Error ? error.message : String(error));
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function fromJsonFeed(feed: JsonFeed.Feed<string>, documentUrl: string | undefined): ParsedFeed {
  const base = documentUrl ?? feed.feed_url ?? feed.home_page_url;
  return {
    format: 'json',
    title: feed.title,
    link: feed.home_page_url,
    language: languageTag(feed.language),
    entries: (feed.items ?? []).map((item) => ({
      guid: item.id === undefined ? undefined : String(item.id),
      link: resolveUrl(item.url ?? item.external_url, base),
      title: item.title,
      published: item.date_published,
      updated: item.date_modified,
      summaryHtml: item.summary === undefined ? undefined : escapeText(item.summary),
      contentHtml:
        item.content_html ?? (item.content_text === undefined ? undefined : escapeText(item.content_text)),
      language: languageTag(item.language),
    })),
  };
}

type RssLike = RssFeed.Feed<string> | RdfFeed.Feed<string>;
type RssItem = RssFeed.Item<string> & RdfFeed.Item<string>;

function fromRss(feed: RssLike, format: 'rss' | 'rdf', documentUrl: string | undefined): ParsedFeed {
  const feedBase = resolveUrl(feed.xml?.base, documentUrl) ?? documentUrl;
  const language = languageTag(
    ('language' in feed ? feed.language : undefined) ?? feed.dc?.languages?.[0] ?? feed.xml?.lang,
  );
  const items = (feed.items ?? []) as RssItem[];
  return {
    format,
    title: feed.title ?? feed.dc?.titles?.[0],
    link: resolveUrl(feed.link, feedBase),
    language,
    entries: items.map((item) => {
      const base = resolveUrl(item.xml?.base, feedBase) ?? feedBase;
      const guid = item.guid?.value ?? item.rdf?.about;
      return {
        guid,
        link: resolveUrl(item.link ?? (item.guid?.isPermaLink !== false ? permalink(guid) : undefined), base),
        title: item.title ?? item.dc?.titles?.[0],
        published:
          item.pubDate ?? item.dc?.dates?.[0] ?? item.dcterms?.issued?.[0] ?? item.dcterms?.created?.[0],
        updated: item.dcterms?.modified?.[0],
        summaryHtml: resolveHtml(item.description ?? item.dc?.descriptions?.[0], base),
        contentHtml: resolveHtml(item.content?.encoded, base),
        language: languageTag(item.dc?.languages?.[0] ?? item.xml?.lang),
      };
    }),
  };
}

/** An RSS guid that is a URL doubles as the item's link (isPermaLink defaults to true). */
const permalink = (guid: string | undefined) => (guid && /^https?:\/\//i.test(guid) ? guid : undefined);

function fromAtom(
  feed: AtomFeed.Feed<string>,
  documentUrl: string | undefined,
  base64Mode: boolean,
): ParsedFeed {
  const feedBase = resolveUrl(feed.xml?.base, documentUrl) ?? documentUrl;
  const text = (construct: AtomFeed.Content | AtomFeed.Text | undefined, base: string | undefined) =>
    atomText(construct, base, base64Mode);
  return {
    format: 'atom',
    title: text(feed.title, feedBase),
    link: resolveUrl(alternate(feed.links), feedBase),
    language: languageTag(feed.xml?.lang ?? feed.dc?.languages?.[0]),
    entries: (feed.entries ?? []).map((entry) => {
      const base = resolveUrl(entry.xml?.base, feedBase) ?? feedBase;
      // An id is rebased by xml:base (as gofeed does); by where the file came from only when
      // it is a path ("/relative/link"), not a bare token ("item-42"), as feedparser does.
      const idBase = (entry.xml?.base ?? feed.xml?.base ?? entry.id?.startsWith('/')) ? base : undefined;
      return {
        guid: entry.id ? resolveUrl(entry.id, idBase) : undefined,
        link: resolveUrl(alternate(entry.links), base),
        title: text(entry.title, base),
        published: entry.published ?? entry.dc?.dates?.[0],
        updated: entry.updated,
        summaryHtml: text(entry.summary, base),
        contentHtml: text(entry.content, base),
        language: languageTag(entry.content?.xml?.lang ?? entry.xml?.lang),
      };
    }),
  };
}

function alternate(links: AtomFeed.Link<string>[] | undefined): string | undefined {
  return (links?.find((link) => !link.rel || link.rel === 'alternate') ?? links?.[0])?.href;
}

/**
 * An Atom text construct as HTML. "html" and "xhtml" are markup (xhtml loses its
 * wrapping div); "text" is kept as the feed gave it (feedsmith has decoded its entities,
 * and feeds routinely put markup there); XML media types are shown as text, so escaped;
 * any other media type is base64 (RFC 4287 §4.1.3.3), decoded when it really is base64
 * of UTF-8 text (publishers also label plain JSON or text that way).
 */
function atomText(
  construct: AtomFeed.Content | AtomFeed.Text | undefined,
  inherited: string | undefined,
  base64Mode: boolean,
): string | undefined {
  if (construct?.value === undefined) return undefined;
  const base = resolveUrl(construct.xml?.base, inherited) ?? inherited;
  const decoded = base64Mode ? fromBase64(construct.value) : undefined;
  if (decoded !== undefined) return atomText({ ...construct, value: decoded }, inherited, false);
  const type = (construct.type ?? 'text').toLowerCase();
  const { value } = construct;
  if (type === 'html' || type === 'text/html' || type === 'xhtml' || type.endsWith('xhtml+xml'))
    return resolveHtml(unwrapDiv(value), base);
  if (type === 'text' || type.startsWith('text/')) return value;
  if (type.endsWith('+xml') || type.endsWith('/xml')) return escapeText(value);
  return fromBase64(value) ?? value;
}

function fromBase64(value: string): string | undefined {
  if (!/^[A-Za-z0-9+/=\s]+$/.test(value) || value.trim().length % 4 !== 0) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(value, 'base64'));
  } catch {
    return undefined;
  }
}

/**
 * xhtml content arrives wrapped in one <div xmlns="…xhtml">, which is not part of it. Read with
 * indexOf, not a regular expression: `<div\b[^>]*xmlns=…[^>]*>` is quadratic in a long open tag.
 */
function unwrapDiv(html: string): string {
  const trimmed = html.trim();
  const close = trimmed.indexOf('>');
  const open = trimmed.slice(0, close + 1).toLowerCase();
  const isXhtmlDiv =
    close >= 0 &&
    open.startsWith('<div') &&
    !/\w/.test(open.charAt(4)) &&
    XHTML_NAMESPACE.some((attribute) => open.includes(attribute)) &&
    trimmed.slice(-6).toLowerCase() === '</div>' &&
    trimmed.length - 6 >= close + 1;
  return isXhtmlDiv ? trimmed.slice(close + 1, -6) : html;
}

const XHTML_NAMESPACE = ['xmlns="http://www.w3.org/1999/xhtml"', "xmlns='http://www.w3.org/1999/xhtml'"];

/** A BCP 47 tag as feeds should have written it ("en_US" → "en-US"); blank → undefined. */
const languageTag = (tag: string | undefined) => tag?.trim().replace(/_/g, '-') || undefined;

const resolveHtml = (html: string | undefined, base: string | undefined) =>
  html === undefined ? undefined : resolveHtmlLinks(html, base);

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
