/**
 * The pseudo-locale: every English string made visibly foreign, so what escapes translation,
 * is pieced together from fragments, or is cut off shows on screen. Generated from English
 * when chosen (never committed, so it cannot go stale). Each string becomes
 * "⟦Ŧĥé ŝéåŕçĥ ··· ⟧": accented (still readable), about 40% longer (German and French run
 * that much longer than English), and bracketed (a missing bracket means clipped text; two
 * strings run together show two pairs). {{variables}} and $t() nesting are left as they are.
 */

const ACCENTED: Record<string, string> = {
  a: 'å',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'î',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ŧ',
  u: 'û',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Å',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Î',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ļ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ö',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ŧ',
  U: 'Û',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};

export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

/** Placeholders ({{x}}, {{x, number}}, $t(key)) and menu mnemonics' "&" stay as they are. */
const KEEP = /(\{\{[^}]*\}\}|\$t\([^)]*\))/;

export function pseudoString(english: string): string {
  const parts = english.split(KEEP);
  const accented = parts
    .map((part, index) => (index % 2 === 1 ? part : [...part].map((char) => ACCENTED[char] ?? char).join('')))
    .join('');
  // 40% more: a run of "·" counted on the visible letters, at least one.
  const letters = parts.filter((_, index) => index % 2 === 0).join('').length;
  const padding = ' ' + '·'.repeat(Math.max(1, Math.round(letters * 0.4)));
  return `${PSEUDO_OPEN}${accented}${padding}${PSEUDO_CLOSE}`;
}

/** A whole translation file, pseudo-localised (same keys, same shape). */
export type Messages = { readonly [key: string]: string | Messages };
export function pseudoMessages<T extends Messages>(messages: T): T {
  const out: Record<string, string | Messages> = {};
  for (const [key, value] of Object.entries(messages)) {
    out[key] = typeof value === 'string' ? pseudoString(value) : pseudoMessages(value);
  }
  return out as T;
}
