/**
 * Refuses XML built to exhaust the machine before any parser sees it. feedsmith does
 * not expand DTD entities (so a "billion laughs" cannot blow up there), but a file
 * shaped like one is hostile or broken, and the user should hear so rather than get
 * an empty import; deep nesting costs every later consumer of the tree.
 */
export type XmlHazard = 'entity-expansion' | 'deep-nesting';

const MAX_ENTITY_DECLARATIONS = 100;
const MAX_DEPTH = 512;

export function findXmlHazard(xml: string): XmlHazard | undefined {
  const doctype = /<!DOCTYPE[^[>]*\[([\s\S]*?)\]\s*>/i.exec(xml.slice(0, 1_000_000))?.[1];
  if (doctype && hasEntityBomb(doctype)) return 'entity-expansion';
  return tooDeep(xml) ? 'deep-nesting' : undefined;
}

/** Entities defined in terms of other entities are how expansion bombs multiply. */
function hasEntityBomb(subset: string): boolean {
  const declarations = [...subset.matchAll(/<!ENTITY\s+%?\s*([^\s]+)\s+(?:"([^"]*)"|'([^']*)')/g)];
  if (declarations.length > MAX_ENTITY_DECLARATIONS) return true;
  const names = new Set(declarations.map((match) => match[1]));
  return declarations.some((match) =>
    [...(match[2] ?? match[3] ?? '').matchAll(/[&%]([^;\s]+);/g)].some((ref) => names.has(ref[1])),
  );
}

/** Counts element depth, skipping comments, CDATA and declarations, which hold no elements. */
function tooDeep(xml: string): boolean {
  let depth = 0;
  const tag = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[!?][^>]*>|<(\/?)[^\s/>]+[^>]*?(\/?)>/g;
  for (let match = tag.exec(xml); match; match = tag.exec(xml)) {
    if (match[1] === undefined) continue;
    if (match[1] === '/') depth -= 1;
    else if (match[2] !== '/' && ++depth > MAX_DEPTH) return true;
  }
  return false;
}
