import { describe, expect, it } from 'vitest';
import { formatPublished, parsePublished } from '../../../renderer/i18n/formatDate';

describe('parsePublished', () => {
  it('reads a calendar date as that day, wherever the machine is', () => {
    const date = parsePublished('2020-11-12');
    expect(date?.getFullYear()).toBe(2020);
    expect(date?.getMonth()).toBe(10);
    expect(date?.getDate()).toBe(12);
  });

  it('reads date-times as instants', () => {
    expect(parsePublished('2020-11-12T15:30:00Z')?.toISOString()).toBe('2020-11-12T15:30:00.000Z');
  });

  it('refuses what is not a date', () => {
    expect(parsePublished('2020-02-31')).toBeNull();
    expect(parsePublished('yesterday')).toBeNull();
  });
});

describe('formatPublished', () => {
  it('formats in the given language', () => {
    expect(formatPublished('2020-11-12', 'en-US')).toBe('Nov 12, 2020');
    expect(formatPublished('2020-11-12', 'en-GB')).toBe('12 Nov 2020');
    expect(formatPublished('2020-11-12', 'es')).toMatch(/^12 nov 2020$/);
  });

  it('shows an unreadable value as it is', () => {
    expect(formatPublished('sometime', 'en')).toBe('sometime');
  });
});
