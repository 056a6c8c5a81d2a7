import { describe, expect, it } from 'vitest';
import { changedTextSize, textSizeChangeOf } from '../../../../renderer/layout/textSize';

const key = (init: Partial<KeyboardEvent>) =>
  ({ ctrlKey: false, metaKey: false, altKey: false, key: '', code: '', ...init }) as KeyboardEvent;

describe('text size', () => {
  it('steps up and down within 80–200%, and back to 100%', () => {
    expect(changedTextSize(100, 'larger')).toBe(110);
    expect(changedTextSize(175, 'larger')).toBe(200);
    expect(changedTextSize(200, 'larger')).toBe(200);
    expect(changedTextSize(90, 'smaller')).toBe(80);
    expect(changedTextSize(80, 'smaller')).toBe(80);
    expect(changedTextSize(150, 'reset')).toBe(100);
    // A size between steps moves to the next one.
    expect(changedTextSize(117, 'larger')).toBe(125);
    expect(changedTextSize(117, 'smaller')).toBe(110);
  });

  it('reads Ctrl/Cmd with +, =, −, 0 on any layout, and nothing else', () => {
    expect(textSizeChangeOf(key({ ctrlKey: true, key: '=' }))).toBe('larger');
    expect(textSizeChangeOf(key({ ctrlKey: true, key: '+', code: 'NumpadAdd' }))).toBe('larger');
    expect(textSizeChangeOf(key({ metaKey: true, key: '-' }))).toBe('smaller');
    expect(textSizeChangeOf(key({ ctrlKey: true, key: '0' }))).toBe('reset');
    // AZERTY: the 0 key gives "à" without Shift.
    expect(textSizeChangeOf(key({ ctrlKey: true, key: 'à', code: 'Digit0' }))).toBe('reset');
    expect(textSizeChangeOf(key({ key: '+' }))).toBeNull();
    expect(textSizeChangeOf(key({ ctrlKey: true, altKey: true, key: '+' }))).toBeNull();
    expect(textSizeChangeOf(key({ ctrlKey: true, key: 'a' }))).toBeNull();
  });
});
