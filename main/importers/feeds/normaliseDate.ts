/**
 * A feed date as ISO 8601 (UTC date-time), or undefined when it cannot be read.
 * Date.parse reads RFC 822/1123 (RSS) and ISO 8601/W3C-DTF (Atom, Dublin Core, JSON
 * Feed); the fix-ups cover what real feeds write beside those: zone names Date.parse
 * does not know and two-digit years.
 */
export function normaliseDate(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  const text = value
    .trim()
    .replace(/\b(UT|Z)$/i, 'GMT')
    .replace(/\b(\d{1,2} \w{3}) (\d{2}) (\d{2}:)/, (_, dayMonth: string, year: string, time: string) => {
      const full = Number(year) < 50 ? `20${year}` : `19${year}`;
      return `${dayMonth} ${full} ${time}`;
    });
  const time = Date.parse(text);
  if (Number.isNaN(time)) return undefined;
  const iso = new Date(time).toISOString();
  return iso.startsWith('+') || iso.startsWith('-') ? undefined : iso;
}
