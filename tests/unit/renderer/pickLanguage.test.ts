import { describe, expect, it } from 'vitest';
import { pickLanguage } from '../../../resources/locales/languages';

describe('pickLanguage', () => {
  it('keeps the region of a language it has', () => {
    expect(pickLanguage(['en-GB', 'en'], ['en'])).toBe('en-GB');
  });

  it('takes the first preferred language it has', () => {
    expect(pickLanguage(['ar-EG', 'fr-FR', 'en'], ['en', 'fr'])).toBe('fr-FR');
  });

  it('falls back to English when it has none of them', () => {
    expect(pickLanguage(['ar-EG', 'es-419'], ['en'])).toBe('en');
    expect(pickLanguage([], ['en'])).toBe('en');
  });
});
