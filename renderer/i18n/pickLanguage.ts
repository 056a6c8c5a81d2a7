/** The primary subtag of a BCP 47 tag, lower case: "es-419" → "es". */
function baseLanguage(tag: string): string {
  return tag.split('-')[0]?.toLowerCase() ?? '';
}

/**
 * Chooses the UI language from the user's preferences (`navigator.languages`).
 * Returns the first preferred tag whose language has translations, keeping its
 * region ("en-GB" stays "en-GB", so dates are written the British way while the
 * words come from "en"), else `fallback`. A language without translations is
 * skipped rather than half-applied: an Arabic system without Arabic strings
 * should not get English text laid out right to left.
 */
export function pickLanguage(
  preferred: readonly string[],
  available: readonly string[],
  fallback = 'en',
): string {
  const bases = new Set(available.map(baseLanguage));
  for (const tag of preferred) {
    if (tag && bases.has(baseLanguage(tag))) return tag;
  }
  return fallback;
}
