const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads a bulletin's `published` value. A bare calendar date ("2020-11-12") is
 * a day, not an instant: `new Date("2020-11-12")` would be UTC midnight, which
 * west of Greenwich is still the 11th. So it becomes local midnight of that day.
 * Date-times are instants and are read as such. Returns null when unreadable.
 */
export function parsePublished(published: string): Date | null {
  const calendar = CALENDAR_DATE.exec(published);
  if (calendar) {
    const [, year, month, day] = calendar;
    const date = new Date(Number(year), Number(month) - 1, Number(day));
    // Reject dates the Date constructor silently rolls over (2020-02-31 → March 2).
    return date.getDate() === Number(day) && date.getMonth() === Number(month) - 1 ? date : null;
  }
  const instant = new Date(published);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(language: string): Intl.DateTimeFormat {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
    formatters.set(language, formatter);
  }
  return formatter;
}

/** "12 Nov 2020" / "Nov 12, 2020"…, in the UI language; the raw value when it cannot be read. */
export function formatPublished(published: string, language: string): string {
  const date = parsePublished(published);
  return date ? formatterFor(language).format(date) : published;
}
