import type { TFunction } from 'i18next';
import type { CollectionInfo } from '../../preload/contract';

/**
 * Why a collection name cannot be used, in words, or null when it can. The same rule as main's
 * (main/store/collections.ts): not blank, and unique regardless of case and accents.
 */
export function nameProblem(name: string, others: readonly CollectionInfo[], t: TFunction): string | null {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (clean === '') return t('collections.nameEmpty');
  const taken = others.find(
    (other) => other.name.localeCompare(clean, undefined, { sensitivity: 'base' }) === 0,
  );
  return taken ? t('collections.nameTaken', { name: taken.name }) : null;
}
