import { z } from 'zod';
import type { Bulletin } from '../../preload/contract';
import type { NumericSetting, Settings, SettingsLimits, ThemeSetting } from '../../preload/settings';
import { normaliseHost } from '../net/hostName';
import { facetSelectionSchema, searchSortSchema } from '../search/requestSchema';
import { LANGUAGE_SETTINGS } from '../../resources/locales/languages';

/** Bumped whenever a file's shape changes; each bump brings a migration. */
export const SCHEMA_VERSION = 1;

export const bulletinSchema = z.object({
  id: z.string().min(1),
  source: z.string(),
  title: z.string(),
  summary: z.string(),
  bodyHtml: z.string().optional(),
  link: z.string().optional(),
  published: z.string(),
  publishedOriginal: z.string().optional(),
  language: z.string(),
  countries: z.array(z.string()),
  tags: z.array(z.string()),
  importedAt: z.string(),
  contentHash: z.string(),
}) satisfies z.ZodType<Bulletin>;

/** bulletins/YYYY-MM.json: the archive, one month a file. */
export const shardSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  bulletins: z.array(bulletinSchema),
});
export type Shard = z.infer<typeof shardSchema>;

/** A feed the user follows, with what the last refresh learnt (all dates ISO). */
export const subscriptionSchema = z.object({
  id: z.string().min(1),
  url: z.string(),
  title: z.string(),
  addedAt: z.string(),
  lastAttempt: z.string().optional(),
  lastSuccess: z.string().optional(),
  /** An i18n key under `sync.problems.` and the HTTP status, when the last attempt failed. */
  lastError: z.object({ problem: z.string(), status: z.number().optional() }).optional(),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  /** Keep its new items offline after each refresh (absent: nothing is kept on its own). */
  keep: z.object({ fullArticle: z.boolean(), images: z.boolean() }).optional(),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

export const SETTINGS_LIMITS: SettingsLimits = {
  // 1 MB still takes any real feed; past 500 MB a "bulletin file" is a mistake or an attack.
  importCapMegabytes: { min: 1, max: 500 },
  // More often than every 5 minutes is rude to the feeds' servers; at least once a day.
  refreshMinutes: { min: 5, max: 1440 },
  // A list to read at a glance: the office's feed servers, not a map of the network.
  allowedLocalHosts: { min: 0, max: 50 },
};

export const DEFAULT_SETTINGS: Settings = {
  importCapMegabytes: 50,
  refreshMinutes: 30,
  allowedLocalHosts: [],
  language: 'system',
  theme: 'system',
};

/** The sender name a share file carries (main/share/shareFormat.ts takes up to 200 characters). */
const senderName = z.string().trim().max(200);

const theme = z.enum(['system', 'light', 'dark']) satisfies z.ZodType<ThemeSetting>;

const bounded = (key: NumericSetting) =>
  z.number().int().min(SETTINGS_LIMITS[key].min).max(SETTINGS_LIMITS[key].max);

/** The settings as the window sends them: whole numbers within their limits, hosts as normaliseHost writes them. */
export const settingsSchema = z.strictObject({
  importCapMegabytes: bounded('importCapMegabytes'),
  refreshMinutes: bounded('refreshMinutes'),
  allowedLocalHosts: z
    .array(z.string().refine((entry) => normaliseHost(entry) === entry))
    .max(SETTINGS_LIMITS.allowedLocalHosts.max),
  language: z.enum(LANGUAGE_SETTINGS),
  senderName: senderName.optional(),
  theme,
}) satisfies z.ZodType<Settings>;

// As stored: a missing or out-of-range value (a file from before settings, a hand edit) reads as
// its default; refusing it would set the whole of state.json aside, bookmarks and all.
const storedSettingsSchema = z
  .object({
    importCapMegabytes: bounded('importCapMegabytes').catch(DEFAULT_SETTINGS.importCapMegabytes),
    refreshMinutes: bounded('refreshMinutes').catch(DEFAULT_SETTINGS.refreshMinutes),
    // Entries that are not hosts are ignored where the list is used (main/net/allowedHosts.ts).
    allowedLocalHosts: z
      .array(z.string())
      .max(SETTINGS_LIMITS.allowedLocalHosts.max)
      .catch(() => []),
    // A file from before the setting, or a language no longer offered, follows the system.
    language: z.enum(LANGUAGE_SETTINGS).catch(DEFAULT_SETTINGS.language),
    senderName: senderName.optional().catch(undefined),
    // A file from before the setting follows the system.
    theme: theme.catch(DEFAULT_SETTINGS.theme),
  })
  .catch(() => ({ ...DEFAULT_SETTINGS }));
/** A named working set of bulletins; `items` maps bulletin id → ISO date-time it was added. */
export const collectionSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  createdAt: z.string(),
  items: z.record(z.string(), z.string()),
});
export type Collection = z.infer<typeof collectionSchema>;

/**
 * A search the user keeps ("smart collection"): the query, facets and order, in the view searched.
 * `openedAt` is when it was last opened: bulletins imported since are its new matches.
 */
export const savedSearchSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  view: z.union([
    z.enum(['all', 'unread', 'bookmarks']),
    z.templateLiteral(['collection:', z.string().min(1)]),
  ]),
  text: z.string(),
  sort: searchSortSchema,
  facets: facetSelectionSchema,
  createdAt: z.string(),
  openedAt: z.string(),
});
export type SavedSearch = z.infer<typeof savedSearchSchema>;

/** The user's note on one bulletin: plain text, never empty (an emptied note is removed). */
export const noteSchema = z.object({ text: z.string().min(1), updatedAt: z.string() });

/**
 * A bulletin the user deleted: hidden everywhere but kept in its shard (a user action never
 * rewrites the archive), so undo only removes this. `batch` names one delete, for its undo.
 */
export const tombstoneSchema = z.object({ at: z.string(), batch: z.string() });

/** state.json: what the user made, small and written often. Maps are id → ISO date-time. */
export const stateSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  bookmarks: z.record(z.string(), z.string()),
  read: z.record(z.string(), z.string()),
  // Added without a version bump: a file from before simply has none.
  subscriptions: z.array(subscriptionSchema).default([]),
  settings: storedSettingsSchema,
  collections: z.array(collectionSchema).default([]),
  notes: z.record(z.string(), noteSchema).default({}),
  deleted: z.record(z.string(), tombstoneSchema).default({}),
  savedSearches: z.array(savedSearchSchema).default([]),
  /**
   * The generation of state.journal.jsonl that continues this file (see stateJournal.ts): a
   * journal of another generation is already folded in. Files from before the journal have none.
   */
  journalGeneration: z.number().int().nonnegative().default(0),
});
export type State = z.infer<typeof stateSchema>;

export const emptyState = (): State => ({
  schemaVersion: SCHEMA_VERSION,
  bookmarks: {},
  read: {},
  subscriptions: [],
  settings: { ...DEFAULT_SETTINGS },
  collections: [],
  notes: {},
  deleted: {},
  savedSearches: [],
  journalGeneration: 0,
});
export const emptyShard = (): Shard => ({ schemaVersion: SCHEMA_VERSION, bulletins: [] });
