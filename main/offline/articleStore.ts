import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeAtomically } from '../store/durableJsonFile';
import { isImageName } from './imageStore';

/** What was kept of one bulletin: its full article (if asked and found) and its images. */
export const keptArticleSchema = z.object({
  bulletinId: z.string(),
  /** The page the article was read from, after redirects. */
  url: z.string(),
  keptAt: z.string(),
  /** The article as Readability found it, sanitised with the reader's allow-list; absent when only images were kept. */
  html: z.string().optional(),
  /** Its plain text, for search. */
  text: z.string().optional(),
  /** Kept images by the `src` the HTML (article or feed text) gives them: file names in the image store. */
  images: z.record(z.string(), z.string().refine(isImageName)),
  /** Images left out, and why (an i18n key under `offline.problems.`). */
  refused: z.array(z.object({ src: z.string(), problem: z.string() })),
});
export type KeptArticle = z.infer<typeof keptArticleSchema>;

export interface ArticleStore {
  read(bulletinId: string): Promise<KeptArticle | null>;
  write(article: KeptArticle): Promise<void>;
  remove(bulletinId: string): Promise<void>;
  /**
   * The kept articles' plain texts (for search) of these bulletins, or of all without ids: one
   * listing of the folder, then only the files that exist are read.
   */
  texts(bulletinIds?: readonly string[]): Promise<Map<string, string>>;
  /** Every kept article, one file at a time (for clean-up and disk figures, never on a user's click per item). */
  each(visit: (article: KeptArticle, bytes: number) => void | Promise<void>): Promise<void>;
}

/** The file a bulletin's kept article is in: the hash of its id (ids are URLs, not names). */
export const articleFileName = (bulletinId: string): string =>
  `${createHash('sha256').update(bulletinId).digest('hex').slice(0, 40)}.json`;

const ARTICLE_FILE_NAME = /^[0-9a-f]{40}\.json$/;
export const isArticleFileName = (name: string): boolean => ARTICLE_FILE_NAME.test(name);

/**
 * One small JSON file per kept bulletin in `folder`, named by the hash of its id: written
 * atomically, beside the store's month files and never inside them (a kept article changes
 * nothing of the library's own data, and losing one loses only what can be fetched again).
 */
export function createArticleStore(folder: string): ArticleStore {
  const ready = mkdir(folder, { recursive: true });
  const fileOf = (bulletinId: string) => join(folder, articleFileName(bulletinId));
  const parse = (text: string): KeptArticle | null => {
    try {
      const parsed = keptArticleSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  };
  const read = async (bulletinId: string): Promise<KeptArticle | null> => {
    const text = await readFile(fileOf(bulletinId), 'utf8').catch(() => null);
    const article = text === null ? null : parse(text);
    return article?.bulletinId === bulletinId ? article : null;
  };
  const each: ArticleStore['each'] = async (visit) => {
    await ready;
    for (const name of await readdir(folder)) {
      if (!name.endsWith('.json')) continue;
      const file = join(folder, name);
      const [text, info] = await Promise.all([
        readFile(file, 'utf8').catch(() => null),
        stat(file).catch(() => null),
      ]);
      const article = text === null ? null : parse(text);
      if (article && info) await visit(article, info.size);
    }
  };
  return {
    read,
    async write(article) {
      await ready;
      await writeAtomically(fileOf(article.bulletinId), JSON.stringify(article));
    },
    async remove(bulletinId) {
      await rm(fileOf(bulletinId), { force: true });
    },
    async texts(bulletinIds) {
      await ready;
      const present = new Set(await readdir(folder).catch(() => []));
      const texts = new Map<string, string>();
      const visit = (article: KeptArticle) => {
        if (article.text) texts.set(article.bulletinId, article.text);
      };
      if (!bulletinIds) {
        await each(visit);
        return texts;
      }
      for (const id of bulletinIds) {
        if (!present.has(articleFileName(id))) continue;
        const article = await read(id);
        if (article) visit(article);
      }
      return texts;
    },
    each,
  };
}
