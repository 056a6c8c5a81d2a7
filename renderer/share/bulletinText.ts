import type { Bulletin } from '../../preload/contract';

/** The pieces of a bulletin a person passes on: its text already plain, its date already worded. */
export interface PlainBulletin {
  title: string;
  date: string;
  source: string;
  text: string;
  link?: string;
}

/** The text of a bulletin's body: parsed inert (a DOMParser document runs no script, loads nothing). */
export function plainText(bulletin: Bulletin): string {
  if (!bulletin.bodyHtml) return bulletin.summary;
  const body = new DOMParser().parseFromString(bulletin.bodyHtml, 'text/html').body;
  // Paragraphs and headings apart by a blank line, as they read; lines within them by a line break.
  for (const line of body.querySelectorAll('br, li, tr')) line.append('\n');
  for (const block of body.querySelectorAll('p, div, h1, h2, h3, h4, h5, h6, blockquote'))
    block.append('\n\n');
  // Lines trimmed one by one, not with /[ \t]+\n/: that backtracks quadratically over a long run of spaces.
  const lines = (body.textContent ?? '').split('\n').map((line) => line.trimEnd());
  const text = lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text || bulletin.summary;
}

/** "Title / date · source / text / link": what Copy as text puts on the clipboard. */
export function bulletinAsText({ title, date, source, text, link }: PlainBulletin): string {
  return [title, `${date} · ${source}`, '', text, ...(link ? ['', link] : [])].join('\n');
}

/**
 * Mail programs cut (or refuse) very long mailto addresses, around 2,000 characters in some: the
 * body keeps the start of the text and the link, so the colleague can read the rest at the source.
 */
export const MAILTO_TEXT_LIMIT = 1_200;

/** An e-mail draft of the bulletin, as a mailto address with subject and body (no recipient yet). */
export function mailtoDraft(bulletin: PlainBulletin): string {
  const text =
    bulletin.text.length > MAILTO_TEXT_LIMIT
      ? `${bulletin.text.slice(0, MAILTO_TEXT_LIMIT - 1)}…`
      : bulletin.text;
  const body = bulletinAsText({ ...bulletin, text });
  return `mailto:?subject=${encodeURIComponent(bulletin.title)}&body=${encodeURIComponent(body)}`;
}

/** Several bulletins as Copy as text puts them on the clipboard: one after another, apart by a rule. */
export function bulletinsAsText(bulletins: readonly PlainBulletin[]): string {
  return bulletins.map(bulletinAsText).join('\n\n———\n\n');
}

/** Copy links: the bulletins' links, one a line (a bulletin without one is left out). */
export function linksAsText(bulletins: readonly PlainBulletin[]): string {
  return bulletins.flatMap((bulletin) => (bulletin.link ? [bulletin.link] : [])).join('\n');
}

/**
 * An e-mail draft of several bulletins: each by its title, date, source and link (their texts
 * would pass the mailto limit at once), as many as fit in it; `more` words how many did not.
 */
export function mailtoDraftOfMany(
  bulletins: readonly PlainBulletin[],
  subject: string,
  more: (count: number) => string,
): string {
  if (bulletins.length === 1 && bulletins[0]) return mailtoDraft(bulletins[0]);
  const entries: string[] = [];
  let length = 0;
  for (const { title, date, source, link } of bulletins) {
    const entry = [title, `${date} · ${source}`, ...(link ? [link] : [])].join('\n');
    if (entries.length > 0 && length + entry.length > MAILTO_TEXT_LIMIT) break;
    entries.push(entry);
    length += entry.length + 2;
  }
  const left = bulletins.length - entries.length;
  const body = [...entries, ...(left > 0 ? [more(left)] : [])].join('\n\n');
  return `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
