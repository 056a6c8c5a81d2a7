import { z } from 'zod';
import type { Bulletin } from '../../preload/contract';

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

/** state.json: what the user made, small and written often. Maps are id → ISO date-time. */
export const stateSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  bookmarks: z.record(z.string(), z.string()),
  read: z.record(z.string(), z.string()),
});
export type State = z.infer<typeof stateSchema>;

export const emptyState = (): State => ({ schemaVersion: SCHEMA_VERSION, bookmarks: {}, read: {} });
export const emptyShard = (): Shard => ({ schemaVersion: SCHEMA_VERSION, bulletins: [] });
