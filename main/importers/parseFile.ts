import { extname } from 'node:path';
import type { Bulletin } from '../../preload/contract';
import { feedsFromOpml, type ListedFeed } from '../sync/opml';
import { bulletinFromDigest } from './bulletinFromDigest';
import type { EntryProblem } from './feeds/bulletinFromFeed';
import { withDetectedLanguages } from './detectLanguage';
import { parseDigest, type DigestProblem } from './digest';
import { decodeText } from './feeds/decodeText';
import { FeedRefused, bulletinsFromFeed, type FeedContext, type FeedRefusal } from './feeds/readFeed';
import { SHARE_EXTENSION, ShareRefused, type SharedMarks } from '../share/shareFormat';
import { JsonTooLarge } from './jsonWithinHeap';
import { bulletinsFromOurJson } from './ourJson';
import { indexedBodyText } from './validateImport';

/** File name extensions offered by the Import dialog (without the dot); OPML is known by its content. */
export const DIGEST_EXTENSIONS = ['txt'];
export const FEED_EXTENSIONS = ['xml', 'rss', 'atom', 'rdf', 'json', 'feed', 'opml'];

/** A file's bytes to read, and what is known of it. Plain data: it crosses to the parse worker. */
export interface ParseRequest {
  /** The file's name, for its extension and as the source of a feed that names none. */
  name: string;
  bytes: Uint8Array;
  importedAt: string;
  /** Set for a feed fetched by a subscription: it is read as a feed, with its HTTP facts. */
  feed?: FeedContext;
}

/** Why a whole file is refused: an i18n key under `errors.`. */
export type FileRefusal =
  Exclude<FeedRefusal, 'opml'> | 'emptyFeed' | 'noBulletins' | 'shareDamaged' | 'tooLargeToRead';

/** Why one item of a file is left out: an i18n key under `rejected.`. */
export type ItemProblem = EntryProblem | DigestProblem['problem'] | 'invalidBulletin';

/** An item left out: named by its position in the file, or (a digest's text) quoted. */
export type LeftOut = { problem: ItemProblem } & ({ position: string } | { quoted: string });

/** What a file holds, as data (no sentences: the worker has no translations). */
export type ParsedFile =
  | {
      kind: 'bulletins';
      bulletins: Bulletin[];
      /**
       * Each bulletin's body as the search index reads it (null: no body), by position: made here,
       * off main's thread, so main's indexing of an import parses no HTML.
       */
      bodyTexts: (string | null)[];
      rejected: LeftOut[];
      share?: SharedMarks;
    }
  /** `reason`: what is wrong with a share file's share part (its words are the schema's). */
  | { kind: 'refused'; refusal: FileRefusal; reason?: string }
  /** A subscription list (OPML): its feeds, or undefined when it cannot be read. */
  | { kind: 'subscriptions'; feeds: ListedFeed[] | undefined };

/**
 * Reads an untrusted file: our own JSON, a feed (or an OPML list), else a digest. Everything
 * here grows with the file and some of it with how the file is built, so the app runs it in a
 * worker thread with a time budget (parseInWorker.ts), never on main's thread.
 */
export async function parseFile({ name, bytes, importedAt, feed }: ParseRequest): Promise<ParsedFile> {
  const extension = extname(name).toLowerCase().slice(1);
  let ours;
  try {
    ours = extension === 'json' || looksLikeMarkup(bytes) ? bulletinsFromOurJson(decodeText(bytes)) : null;
  } catch (error) {
    // A share file whose share part is damaged is refused whole: a half-read share would merge
    // notes without their author, or into the wrong collection.
    if (error instanceof ShareRefused)
      return { kind: 'refused', refusal: 'shareDamaged', reason: error.message };
    if (error instanceof JsonTooLarge) return refused('tooLargeToRead');
    throw error;
  }
  // Named as we name share files but not one (cut short on a USB stick, edited): said plainly.
  if (!ours && name.toLowerCase().endsWith(SHARE_EXTENSION)) return refused('shareDamaged');
  if (ours) {
    if (ours.bulletins.length === 0 && ours.invalid.length === 0) return refused('noBulletins');
    return {
      kind: 'bulletins',
      bulletins: ours.bulletins,
      bodyTexts: bodyTextsOf(ours.bulletins),
      rejected: ours.invalid.map((position) => ({ position: String(position), problem: 'invalidBulletin' })),
      ...(ours.share ? { share: ours.share } : {}),
    };
  }
  if (feed || FEED_EXTENSIONS.includes(extension) || looksLikeMarkup(bytes)) {
    return readFeed(bytes, name.slice(0, name.length - extname(name).length), importedAt, feed);
  }
  const digest = parseDigest(new TextDecoder('utf-8').decode(bytes));
  if (digest.entries.length === 0 && digest.problems.length === 0) return refused('noBulletins');
  // A digest whose date lines name no language ("12/11/2020" only) has it detected from its text.
  const bulletins = await withDetectedLanguages(
    digest.entries.map((entry) => bulletinFromDigest(entry, importedAt)),
  );
  return {
    kind: 'bulletins',
    bulletins,
    bodyTexts: bodyTextsOf(bulletins),
    rejected: digest.problems.map(({ problem, text }) => ({ quoted: text, problem })),
  };
}

const refused = (refusal: FileRefusal): ParsedFile => ({ kind: 'refused', refusal });

/** The index's text of each body, as the store will keep it (cut at the import boundary's cap). */
const bodyTextsOf = (bulletins: readonly Bulletin[]) =>
  bulletins.map(({ bodyHtml }) => (bodyHtml === undefined ? null : indexedBodyText(bodyHtml)));

/** A file without a telling extension is a feed when it opens like XML or JSON. */
function looksLikeMarkup(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8')
    .decode(bytes.subarray(0, 64))
    .replace(/^\uFEFF/, '')
    .trimStart();
  return head.startsWith('<') || head.startsWith('{') || bytes[0] === 0xfe || bytes[0] === 0xff;
}

async function readFeed(
  bytes: Uint8Array,
  fallbackSource: string,
  importedAt: string,
  context?: FeedContext,
): Promise<ParsedFile> {
  try {
    const { bulletins, rejected } = bulletinsFromFeed(bytes, fallbackSource, importedAt, context);
    if (bulletins.length === 0 && rejected.length === 0) return refused('emptyFeed');
    const withLanguages = await withDetectedLanguages(bulletins);
    return {
      kind: 'bulletins',
      bulletins: withLanguages,
      bodyTexts: bodyTextsOf(withLanguages),
      rejected: rejected.map(({ item, problem }) => ({ position: item, problem })),
    };
  } catch (error) {
    if (!(error instanceof FeedRefused)) throw error;
    if (error.refusal === 'opml') return { kind: 'subscriptions', feeds: feedsFromOpml(decodeText(bytes)) };
    return refused(error.refusal);
  }
}
