const formatters = new Map<string, Intl.NumberFormat>();

/**
 * A count in the UI language ("21,420", "21 420", "٢١٬٤٢٠"). One formatter per language, kept: the
 * sidebar renders on every mark's change event, and building a formatter costs ~75 µs where
 * formatting with a kept one costs ~1.3 µs (V8's ICU, Node 20 on this project's bench machine).
 */
export function formatCount(count: number, language: string): string {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.NumberFormat(language);
    formatters.set(language, formatter);
  }
  return formatter.format(count);
}
