import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { durableJsonFile } from '../store/durableJsonFile';

const MAX_RECENT = 8;
const schema = z.strictObject({ version: z.literal(1), searches: z.array(z.string().max(1000)).max(100) });
type Recent = z.infer<typeof schema>;

export interface RecentSearches {
  list(): string[];
  /** Moves `text` to the front (once), keeps the last few; resolves once on disk. */
  remember(text: string): Promise<string[]>;
}

/**
 * The last searches, in their own small file (`recent-searches.json`) beside
 * the store: a damaged file falls back to its copy; with both unreadable, they are forgotten.
 */
export async function openRecentSearches(file: string): Promise<RecentSearches> {
  // A copy in backups/ is written before the file: a damaged or lost file falls back to it.
  const adapter = durableJsonFile<Recent>(file, {
    copy: join(dirname(file), 'backups', basename(file)),
    valid: (data): data is Recent => schema.safeParse(data).success,
  });
  let searches: string[] = [];
  try {
    const parsed = schema.safeParse(await adapter.read());
    if (parsed.success) searches = parsed.data.searches.slice(0, MAX_RECENT);
  } catch {
    // Not JSON: start afresh; the next write replaces it.
  }
  return {
    list: () => [...searches],
    async remember(text) {
      const trimmed = text.trim();
      if (trimmed === '') return [...searches];
      searches = [trimmed, ...searches.filter((search) => search !== trimmed)].slice(0, MAX_RECENT);
      await adapter.write({ version: 1, searches });
      return [...searches];
    },
  };
}
