import { generateOpml, parseOpml, type Opml } from 'feedsmith';
import type { ListedFeed } from '../../preload/contract';

export type { ListedFeed };

/** The feeds of an OPML subscription list (nested folders flattened), or undefined when it is not OPML. */
export function feedsFromOpml(text: string): ListedFeed[] | undefined {
  let opml: Opml.Document<string>;
  try {
    opml = parseOpml(text);
  } catch {
    return undefined;
  }
  const feeds: ListedFeed[] = [];
  const visit = (outlines: Opml.Outline<string>[] | undefined) => {
    for (const outline of outlines ?? []) {
      const url = outline.xmlUrl?.trim();
      if (url && /^https?:\/\//i.test(url)) {
        const title = outline.title?.trim() || outline.text?.trim();
        feeds.push({ url, ...(title ? { title } : {}) });
      }
      visit(outline.outlines);
    }
  };
  visit(opml.body?.outlines);
  return feeds;
}

/** An OPML 2.0 subscription list, for other feed readers or a colleague's copy of this app. */
export function opmlOf(feeds: readonly { url: string; title: string }[], title: string): string {
  return generateOpml({
    head: { title, dateCreated: new Date().toUTCString() },
    body: {
      outlines: feeds.map((feed) => ({ text: feed.title, title: feed.title, type: 'rss', xmlUrl: feed.url })),
    },
  });
}
