import { describe, expect, it } from 'vitest';
import { countryCode, countryName, languageName } from '../../../resources/locales/displayNames';
import { findCountries } from '../../../main/importers/countries';
import { pickLanguage, resolveLanguage, endonym } from '../../../resources/locales/languages';

describe('countries and languages in the UI language (CLDR through Intl)', () => {
  it('maps the stored English names back to their ISO codes, for every country the importer finds', () => {
    const found = findCountries(
      'Mexico, Côte d’Ivoire, Haïti, República Dominicana, Papouasie-Nouvelle-Guinée',
    );
    expect(found).toHaveLength(5);
    expect(found.map(countryCode)).toEqual(['MX', 'CI', 'HT', 'DO', 'PG']);
  });

  it('names them in Spanish, French and Arabic', () => {
    expect(countryName('Mexico', 'es')).toBe('México');
    expect(countryName('Mexico', 'fr')).toBe('Mexique');
    expect(countryName('Mexico', 'ar')).toBe('المكسيك');
    expect(countryName('Dominican Republic', 'es-MX')).toBe('República Dominicana');
    // Something that is not a country name is shown as stored.
    expect(countryName('Atlantis', 'es')).toBe('Atlantis');
  });

  it('names languages by name, not code, and leaves "und" and malformed tags as they are', () => {
    expect(languageName('es', 'es')).toBe('Español');
    expect(languageName('fr', 'fr')).toBe('Français');
    expect(languageName('en', 'es')).toBe('Inglés');
    expect(languageName('es', 'ar')).toBe('الإسبانية');
    expect(languageName('und', 'fr')).toBe('und');
    expect(languageName('not a tag', 'fr')).toBe('not a tag');
  });
});

describe('choosing the UI language', () => {
  it('follows the system when set so, keeping the region, skipping untranslated languages', () => {
    expect(resolveLanguage('system', ['de-DE', 'es-MX', 'en'])).toBe('es-MX');
    expect(resolveLanguage('system', ['de-DE'])).toBe('en');
    expect(resolveLanguage('ar', ['es-MX'])).toBe('ar');
    expect(pickLanguage(['ar-EG'])).toBe('ar-EG');
  });
  it('names each language in itself', () => {
    expect(['en', 'es', 'fr', 'ar'].map(endonym)).toEqual(['English', 'Español', 'Français', 'العربية']);
  });
});
