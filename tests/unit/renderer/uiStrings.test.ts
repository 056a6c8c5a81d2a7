import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../resources/locales/en/ui.json';

/**
 * The renderer's t('…') keys and resources/locales/en/ui.json must agree: a
 * missing key shows its name to the user, a leftover one is dead weight for
 * translators. (Keys are not type-checked: i18next's type augmentation is
 * global and main has its own namespace.)
 */
const root = join(import.meta.dirname, '../../../renderer');
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function flatten(object: object, prefix = ''): string[] {
  return Object.entries(object).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? flatten(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

const source = sourceFiles(root)
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');
const literalKeys = new Set([...source.matchAll(/\bt\(\s*'([\w.]+)'/g)].map((match) => match[1] ?? ''));
// Keys of sentences with controls in them: <Trans i18nKey="…">.
for (const match of source.matchAll(/\bi18nKey="([\w.]+)"/g)) literalKeys.add(match[1] ?? '');
// Keys built with a template (`sidebar.view.${view}`) become patterns.
const keyPatterns = [...source.matchAll(/\bt\(\s*`([\w.${}]+)`/g)].map(
  (match) => new RegExp(`^${(match[1] ?? '').replace(/\./g, '\\.').replace(/\$\{[^}]+\}/g, '\\w+')}$`),
);
// Keys picked by a condition: t(flag ? 'a' : 'b').
for (const match of source.matchAll(/\bt\([^()']*\?\s*'([\w.]+)'\s*:\s*'([\w.]+)'/g)) {
  literalKeys.add(match[1] ?? '');
  literalKeys.add(match[2] ?? '');
}

const resourceKeys = flatten(en);
const baseKeys = new Set(resourceKeys.map((key) => key.replace(PLURAL_SUFFIX, '')));

describe('UI strings', () => {
  it('finds the keys the renderer uses', () => {
    expect(literalKeys.size).toBeGreaterThan(20);
  });

  it('has every key the renderer uses', () => {
    const missing = [...literalKeys].filter((key) => !baseKeys.has(key));
    expect(missing).toEqual([]);
  });

  it('uses every key it has', () => {
    const unused = [...baseKeys].filter(
      (key) => !literalKeys.has(key) && !keyPatterns.some((pattern) => pattern.test(key)),
    );
    expect(unused).toEqual([]);
  });

  it('gives every plural key its "one" and "other" forms', () => {
    const plurals = new Set(
      resourceKeys.filter((key) => PLURAL_SUFFIX.test(key)).map((key) => key.replace(PLURAL_SUFFIX, '')),
    );
    for (const key of plurals) {
      expect(resourceKeys, key).toContain(`${key}_one`);
      expect(resourceKeys, key).toContain(`${key}_other`);
    }
  });
});
