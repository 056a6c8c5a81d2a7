import { describe, expect, it } from 'vitest';
import { findCountries } from '../../../main/importers/countries';

describe('findCountries', () => {
  it('finds countries named in English, Spanish or French, as one English name each', () => {
    expect(findCountries('Migrants crossed from Colombia into Panamá; Panama opened a station.')).toEqual([
      'Colombia',
      'Panama',
    ]);
    expect(findCountries('La OIM en México y Estados Unidos')).toEqual(['Mexico', 'United States']);
    expect(findCountries('Retours depuis l’Allemagne vers la Côte d’Ivoire')).toEqual([
      'Germany',
      'Côte d’Ivoire',
    ]);
  });

  it('matches whole names only, the longest first', () => {
    expect(findCountries('Nigeria and Niger, then Papua New Guinea')).toEqual([
      'Nigeria',
      'Niger',
      'Papua New Guinea',
    ]);
    expect(findCountries('Spaniards and the Chadwick report')).toEqual([]);
  });
});
