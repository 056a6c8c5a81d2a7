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
  const hazard = findXmlHazard(text);
  if (hazard) throw new FeedRefused(HAZARDS[hazard]);
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<opml\b/i.test(text)) throw new FeedRefused('opml');
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
