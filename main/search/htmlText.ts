import { decodeHTML } from 'entities';

/**
 * Each run of white space becomes one space. A single space, most of them, is not a match:
 * replacing every space by itself (`/\s+/g`) was three quarters of this function's time, and
 * it runs on every bulletin an import reads, twice or three times.
 */
const SPACE_TO_COLLAPSE = /\s{2,}|[^\S ]/g;

/** Elements whose content is never text a reader sees. */
const HIDDEN = ['script', 'style'];

/** The readable text of a bulletin's HTML body, for indexing and excerpts (never for display). */
export function htmlToText(html: string): string {
  return collapseSpace(decodeHTML(replaceTags(html, () => ' ', HIDDEN))).trim();
}

/** Longer texts are collapsed by hand: see collapseSpace. */
const LONG_TEXT = 65_536;

/**
 * Each run of white space (as `\s` means it) as one space. A regular expression replacement does
 * it fastest for a bulletin, but its cost per match grows with the count of matches: 800k runs
 * took 1.5 s where 100k took 33 ms (V8 in Node 20). A long text is copied once, by hand.
 */
export function collapseSpace(text: string): string {
  if (text.length <= LONG_TEXT) return text.replace(SPACE_TO_COLLAPSE, ' ');
  const out = new Uint16Array(text.length);
  let length = 0;
  let afterSpace = false;
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    const space = isSpace(code);
    if (!space) out[length++] = code;
    else if (!afterSpace) out[length++] = 0x20;
    afterSpace = space;
  }
  return Buffer.from(out.buffer, 0, length * 2).toString('utf16le');
}

/** The characters `\s` matches. */
const isSpace = (code: number) =>
  code === 0x20 ||
  (code >= 0x09 && code <= 0x0d) ||
  code === 0xa0 ||
  code === 0x1680 ||
  (code >= 0x2000 && code <= 0x200a) ||
  code === 0x2028 ||
  code === 0x2029 ||
  code === 0x202f ||
  code === 0x205f ||
  code === 0x3000 ||
  code === 0xfeff;

export interface Tag {
  /** The element's name, lower-cased: the letters, digits and underscores after `<` or `</`. */
  name: string;
  closing: boolean;
}

/**
 * Replaces each tag of untrusted HTML (`<` to the next `>`; a `<` with no `>` after it is text)
 * by what `replace` returns, and each element named in `dropped` (`<script>`…`</script>`),
 * content and all, by a space. One pass with indexOf: the regular expressions this replaces
 * (`/<[^>]*>/g`, `/<(script|style)\b[\s\S]*?<\/\1\s*>/gi`) rescanned the rest of the text from
 * every unclosed `<`, quadratic in a run of them (100 kB of `<`: seconds).
 */
export function replaceTags(
  html: string,
  replace: (tag: Tag) => string,
  dropped: readonly string[] = [],
): string {
  const out: string[] = [];
  let copied = 0;
  let at = 0;
  // The first `>` at or after the current `<`: moves only forward, so the whole scan is linear.
  let close = -1;
  // Elements found never to close from some point on: none closes further on either.
  const unclosed = new Set<string>();
  for (;;) {
    const open = html.indexOf('<', at);
    if (open < 0) break;
    if (close < open) close = html.indexOf('>', open);
    if (close < 0) break;
    const tag = tagAt(html, open, close);
    let end = close + 1;
    let replacement: string;
    if (!tag.closing && dropped.includes(tag.name) && !unclosed.has(tag.name)) {
      const after = closingTagEnd(html, tag.name, end);
      if (after < 0) unclosed.add(tag.name);
      else end = after;
      replacement = after < 0 ? replace(tag) : ' ';
    } else {
      replacement = replace(tag);
    }
    out.push(html.slice(copied, open), replacement);
    copied = end;
    at = end;
  }
  out.push(html.slice(copied));
  return out.join('');
}

const isNameCharacter = (code: number) =>
  (code >= 0x61 && code <= 0x7a) ||
  (code >= 0x41 && code <= 0x5a) ||
  (code >= 0x30 && code <= 0x39) ||
  code === 0x5f;

function tagAt(html: string, open: number, close: number): Tag {
  const closing = html.charCodeAt(open + 1) === 0x2f;
  const start = open + (closing ? 2 : 1);
  let end = start;
  while (end < close && isNameCharacter(html.charCodeAt(end))) end += 1;
  return { name: html.slice(start, end).toLowerCase(), closing };
}

/** Just past the `</name …>` that closes an element whose content starts at `from`; -1 when none does. */
function closingTagEnd(html: string, name: string, from: number): number {
  const closing = new RegExp(`</${name}\\s*>`, 'gi');
  closing.lastIndex = from;
  const found = closing.exec(html);
  return found ? found.index + found[0].length : -1;
}
