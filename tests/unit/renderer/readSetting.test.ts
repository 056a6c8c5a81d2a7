import { describe, expect, it } from 'vitest';
import { readSetting } from '../../../renderer/settings/readSetting';

describe('readSetting', () => {
  const limits = { min: 5, max: 1440 };

  it('reads a whole number within the limits, around spaces', () => {
    expect(readSetting('5', limits)).toBe(5);
    expect(readSetting(' 1440 ', limits)).toBe(1440);
  });

  it('refuses what is outside the limits or not a whole number', () => {
    for (const typed of ['4', '1441', '', '  ', '2.5', '-10', '1e3', 'ten', '0x10']) {
      expect({ typed, value: readSetting(typed, limits) }).toEqual({ typed, value: null });
    }
  });
});
