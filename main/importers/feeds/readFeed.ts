import type { Bulletin } from '../../../preload/contract';
import { bulletinFromFeed, type EntryProblem } from './bulletinFromFeed';
import { decodeText } from './decodeText';
import { NotAFeed, parseFeedText, type ParseOptions } from './parseFeed';
import { findXmlHazard, type XmlHazard } from './xmlGuard';

/** Why a whole feed file is refused: an i18n key under `errors.`. */
export type FeedRefusal = 'xmlBomb' | 'deepNesting' | 'notAFeed' | 'opml';

export class FeedRefused extends Error {
  constructor(readonly refusal: FeedRefusal) {
    super(refusal);
  }
}

export interface FeedBulletins {
  bulletins: Bulletin[];
  rejected: { item: string; problem: EntryProblem }[];
}

const HAZARDS: Record<XmlHazard, FeedRefusal> = {
  'entity-expansion': 'xmlBomb',
  'deep-nesting': 'deepNesting',
};

/** What is known of a feed fetched over HTTP: its headers and address. */
export interface FeedContext extends ParseOptions {
  httpCharset?: string;
  /** The subscription's name, preferred over the feed's own title. */
  source?: string;
}

/** A feed file's bytes as bulletins; entries that cannot become one are listed, not fatal. */
export function bulletinsFromFeed(
  bytes: Uint8Array,
  fallbackSource: string,
  importedAt: string,
  context: FeedContext = {},
): FeedBulletins {
  const text = decodeText(bytes, context.httpCharset);
  // Random bytes, a PDF, a picture: not markup at all, whatever the XML guard would count in them.
  if (!startsLikeMarkup(text) || !looksLikeText(text)) throw new FeedRefused('notAFeed');
  const hazard = findXmlHazard(text);
  if (hazard) throw new FeedRefused(HAZARDS[hazard]);
  if (startsAsOpml(text)) throw new FeedRefused('opml');
  let feed;
  try {
    feed = parseFeedText(text, context);
  } catch (error) {
    if (error instanceof NotAFeed) throw new FeedRefused('notAFeed');
    throw error;
  }
  const source = context.source?.trim() || feed.title?.trim() || fallbackSource;
  const result: FeedBulletins = { bulletins: [], rejected: [] };
  // An item listed twice is merged (and counted) at the import boundary: main/importers/validateImport.ts.
  feed.entries.forEach((entry, position) => {
    const outcome = bulletinFromFeed(entry, feed, source, importedAt);
    if ('problem' in outcome) result.rejected.push({ item: String(position + 1), problem: outcome.problem });
    else result.bulletins.push(outcome.bulletin);
  });
  return result;
}

const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

function skipSpace(text: string, from: number): number {
  let at = from;
  while (at < text.length && isSpace(text.charCodeAt(at))) at += 1;
  return at;
}

/**
 * XML or JSON begins with `<` or `{`, after a byte-order mark, white space and the stray
 * control characters parseFeedText drops.
 */
function startsLikeMarkup(text: string): boolean {
  let at = 0;
  while (at < text.length && (text.charCodeAt(at) <= 0x20 || text.charCodeAt(at) === 0xfeff)) at += 1;
  return text[at] === '<' || text[at] === '{';
}

/**
 * Text, not binary: at most one character in a hundred a control character other than white
 * space (XML and JSON allow none; a real feed may carry a stray one, random bytes carry about one
 * in nine). Without it a binary file that happens to start with `<` was refused as "nested far
 * deeper than any real feed".
 */
function looksLikeText(text: string): boolean {
  let controls = 0;
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) controls += 1;
  }
  return controls * 100 <= text.length;
}

/**
 * An OPML document: `<opml` after an optional XML declaration and comments. Read forward with
 * indexOf: the regular expression it replaces (`/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<opml\b/i`)
 * tried every way of splitting the comments, and a few dozen `<!---->` held main for minutes.
 */
function startsAsOpml(text: string): boolean {
  let at = skipSpace(text, text.startsWith('\uFEFF') ? 1 : 0);
  if (text.slice(at, at + 5).toLowerCase() === '<?xml') {
    const end = text.indexOf('>', at);
    if (end < 0) return false;
    at = skipSpace(text, end + 1);
  }
  while (text.startsWith('<!--', at)) {
    const end = text.indexOf('-->', at + 4);
    if (end < 0) return false;
    at = skipSpace(text, end + 3);
  }
  return text.slice(at, at + 5).toLowerCase() === '<opml' && !/\w/.test(text.charAt(at + 5));
}
