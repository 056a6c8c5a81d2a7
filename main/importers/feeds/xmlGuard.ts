/**
 * Refuses XML built to exhaust the machine before any parser sees it. feedsmith does
 * not expand DTD entities (so a "billion laughs" cannot blow up there), but a file
 * shaped like one is hostile or broken, and the user should hear so rather than get
 * an empty import; deep nesting costs every later consumer of the tree.
 *
 * Every scan here is one forward pass with indexOf: the regular expressions they replace
 * backtracked over hostile text (a 6 KB file of `<` runs held main for 28 s).
 */
export type XmlHazard = 'entity-expansion' | 'deep-nesting';

const MAX_ENTITY_DECLARATIONS = 100;
const MAX_DEPTH = 512;
/** A DOCTYPE belongs at the top of a document: only this much of it is searched for one. */
const DOCTYPE_SEARCH = 1_000_000;

export function findXmlHazard(xml: string): XmlHazard | undefined {
  if (internalSubsets(xml.slice(0, DOCTYPE_SEARCH)).some(hasEntityBomb)) return 'entity-expansion';
  return tooDeep(xml) ? 'deep-nesting' : undefined;
}

const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

function skipSpace(text: string, from: number): number {
  let at = from;
  while (at < text.length && isSpace(text.charCodeAt(at))) at += 1;
  return at;
}

/** The internal subsets (`<!DOCTYPE name [ … ]>`) of the DOCTYPEs in `xml`. */
function internalSubsets(xml: string): string[] {
  const subsets: string[] = [];
  const doctype = /<!DOCTYPE/gi;
  for (let found = doctype.exec(xml); found; found = doctype.exec(xml)) {
    let at = doctype.lastIndex;
    while (at < xml.length && xml[at] !== '[' && xml[at] !== '>') at += 1;
    if (at >= xml.length) break;
    if (xml[at] === '>') {
      // No internal subset; the search goes on after this DOCTYPE, never back over it.
      doctype.lastIndex = at + 1;
      continue;
    }
    const start = at + 1;
    // The subset ends at the first `]` followed (after white space) by `>`.
    let end = xml.indexOf(']', start);
    while (end >= 0 && xml[skipSpace(xml, end + 1)] !== '>') end = xml.indexOf(']', end + 1);
    if (end < 0) break;
    subsets.push(xml.slice(start, end));
    doctype.lastIndex = end + 1;
  }
  return subsets;
}

/** Entities defined in terms of other entities are how expansion bombs multiply. */
function hasEntityBomb(subset: string): boolean {
  const declarations = entityDeclarations(subset);
  if (declarations.length > MAX_ENTITY_DECLARATIONS) return true;
  const names = new Set(declarations.map(({ name }) => name));
  return declarations.some(({ value }) => references(value).some((name) => names.has(name)));
}

/** `<!ENTITY [%] name "value">` (or 'value'), read in one pass. */
function entityDeclarations(subset: string): { name: string; value: string }[] {
  const declarations: { name: string; value: string }[] = [];
  /** A quote found to have no closing partner from some point on has none further on either. */
  const unclosed = new Set<string>();
  for (let at = subset.indexOf('<!ENTITY'); at >= 0; at = subset.indexOf('<!ENTITY', at)) {
    at += '<!ENTITY'.length;
    if (!isSpace(subset.charCodeAt(at))) continue;
    at = skipSpace(subset, at);
    if (subset[at] === '%') at = skipSpace(subset, at + 1);
    const nameStart = at;
    while (at < subset.length && !isSpace(subset.charCodeAt(at))) at += 1;
    const name = subset.slice(nameStart, at);
    if (name === '' || !isSpace(subset.charCodeAt(at))) continue;
    at = skipSpace(subset, at);
    const quote = subset[at];
    if ((quote !== '"' && quote !== "'") || unclosed.has(quote)) continue;
    const end = subset.indexOf(quote, at + 1);
    if (end < 0) {
      unclosed.add(quote);
      continue;
    }
    declarations.push({ name, value: subset.slice(at + 1, end) });
    at = end + 1;
  }
  return declarations;
}

/** The names of the `&name;` and `%name;` references in an entity's value. */
function references(value: string): string[] {
  const names: string[] = [];
  // The next `;` or white space after a position: moves only forward.
  let stop = -1;
  for (let at = 0; at < value.length; at += 1) {
    if (value[at] !== '&' && value[at] !== '%') continue;
    if (stop <= at) {
      stop = at + 1;
      while (stop < value.length && value[stop] !== ';' && !isSpace(value.charCodeAt(stop))) stop += 1;
    }
    if (value[stop] === ';' && stop > at + 1) names.push(value.slice(at + 1, stop));
  }
  return names;
}

/**
 * Whether a character may start an element's name: a letter, `_` or `:`, or anything past
 * Latin-1's symbols (XML's NameStartChar, roughly). Random bytes then rarely look like tags.
 */
const startsName = (code: number) =>
  (code >= 0x61 && code <= 0x7a) ||
  (code >= 0x41 && code <= 0x5a) ||
  code === 0x5f ||
  code === 0x3a ||
  code >= 0xc0;

/** Counts element depth, skipping comments, CDATA, declarations and processing instructions. */
function tooDeep(xml: string): boolean {
  let depth = 0;
  let at = 0;
  // The first `>` at or after the current `<`: moves only forward, so the whole scan is linear.
  let close = -1;
  for (;;) {
    const open = xml.indexOf('<', at);
    if (open < 0) return false;
    const skipTo = xml.startsWith('<!--', open)
      ? '-->'
      : xml.startsWith('<![CDATA[', open)
        ? ']]>'
        : undefined;
    if (skipTo) {
      const end = xml.indexOf(skipTo, open + 4);
      // Unclosed: the rest is one comment (or the parser refuses the file); it holds no elements.
      if (end < 0) return false;
      at = end + skipTo.length;
      continue;
    }
    if (close < open) close = xml.indexOf('>', open);
    if (close < 0) return false;
    const first = xml.charCodeAt(open + 1);
    if (first === 0x2f) {
      if (startsName(xml.charCodeAt(open + 2))) depth -= 1;
    } else if (startsName(first) && xml.charCodeAt(close - 1) !== 0x2f && ++depth > MAX_DEPTH) {
      return true;
    }
    // `!` and `?` (declarations, processing instructions) and stray `<` open nothing.
    at = startsName(first) || first === 0x2f || first === 0x21 || first === 0x3f ? close + 1 : open + 1;
  }
}
