import { describe, expect, it } from 'vitest';
import { BUNDLES, type Bundle, type Namespace } from '../../../resources/locales/bundles';
import { UI_LANGUAGES } from '../../../resources/locales/languages';

/**
 * Every language has every English key, each plural form its own grammar needs (CLDR, through
 * Intl.PluralRules), no key English has dropped, and the same {{variables}}. Other branches add
 * English keys: this is what names the ones still to translate after a merge.
 */

const PLURAL = /_(zero|one|two|few|many|other)$/;
const VARIABLE = /\{\{\s*([^,}\s]+)/g;

function flatten(bundle: Bundle, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(bundle)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [inner, text] of flatten(value, path)) out.set(inner, text);
  }
  return out;
}

/** Keys with their plural suffix taken off: "list.count_one" → "list.count". */
function bases(keys: Iterable<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const key of keys) {
    const base = key.replace(PLURAL, '');
    out.set(base, [...(out.get(base) ?? []), key]);
  }
  return out;
}

const variables = (text: string) => new Set([...text.matchAll(VARIABLE)].map((match) => match[1]));

/** What a language's bundle gets wrong against English's: empty when nothing. */
function parityProblems(english: Bundle, translated: Bundle, language: string): string[] {
  const problems: string[] = [];
  const en = flatten(english);
  const other = flatten(translated);
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const enBases = bases(en.keys());
  const pluralBases = new Set(
    [...en.keys()].filter((key) => PLURAL.test(key)).map((key) => key.replace(PLURAL, '')),
  );

  for (const [base, enKeys] of enBases) {
    if (!pluralBases.has(base)) {
      if (!other.has(base)) problems.push(`missing ${base}`);
      continue;
    }
    // English's explicit _zero (i18next uses it for 0 in every language) must be kept too.
    const needed = new Set<string>(categories);
    if (enKeys.includes(`${base}_zero`)) needed.add('zero');
    for (const category of needed) {
      if (!other.has(`${base}_${category}`)) problems.push(`missing ${base}_${category}`);
    }
  }
  for (const key of other.keys()) {
    const base = key.replace(PLURAL, '');
    const plural = PLURAL.exec(key)?.[1];
    if (!enBases.has(base) || (plural === undefined) !== !pluralBases.has(base)) {
      problems.push(`not in English: ${key}`);
    } else if (plural && plural !== 'zero' && !categories.includes(plural as Intl.LDMLPluralRule)) {
      problems.push(`${key}: "${plural}" is not a plural form of ${language}`);
    }
  }
  // Variables as English's; a plural form may leave out {{count}} ("one bulletin", "نشرتان"),
  // and a variable only some English forms have.
  for (const [key, text] of other) {
    const base = key.replace(PLURAL, '');
    const englishForms = (enBases.get(base) ?? []).map((enKey) => variables(en.get(enKey) ?? ''));
    if (englishForms.length === 0) continue;
    const allowed = new Set(englishForms.flatMap((names) => [...names]));
    const required = pluralBases.has(base)
      ? [...allowed].filter((name) => name !== 'count' && englishForms.every((names) => names.has(name)))
      : [...allowed];
    const found = variables(text);
    for (const name of found) if (!allowed.has(name)) problems.push(`${key}: {{${name}}} is not in English`);
    for (const name of required) if (!found.has(name)) problems.push(`${key}: {{${name}}} is missing`);
  }
  return problems;
}

describe.each(['main', 'ui'] as Namespace[])('%s.json', (namespace) => {
  const english = BUNDLES[namespace].en;
  it.each(UI_LANGUAGES.filter((language) => language !== 'en'))(
    '%s has every key and plural form its grammar needs, and nothing English lacks',
    (language) => {
      expect(parityProblems(english, BUNDLES[namespace][language], language)).toEqual([]);
    },
  );
});

describe('the parity check itself', () => {
  const english: Bundle = {
    a: 'Hello {{name}}',
    n_one: '{{count}} file',
    n_other: '{{count}} files',
  };
  it('names a missing key, an extra key and a lost variable', () => {
    expect(
      parityProblems(english, { a: 'Hola', n_one: 'x', n_many: 'x', n_other: 'x', b: 'x' }, 'es'),
    ).toEqual(['not in English: b', 'a: {{name}} is missing']);
  });
  it('asks Arabic for its six forms, and refuses a form a language does not have', () => {
    const problems = parityProblems(english, { a: '{{name}}', n_one: 'x', n_other: 'x' }, 'ar');
    expect(problems).toEqual(['missing n_few', 'missing n_many', 'missing n_two', 'missing n_zero']);
    expect(parityProblems(english, { a: '{{name}}', n_one: '', n_other: '', n_few: '' }, 'en')).toEqual([
      'n_few: "few" is not a plural form of en',
    ]);
  });
  it('refuses a variable English does not have', () => {
    expect(parityProblems(english, { a: '{{nom}}', n_one: '', n_many: '', n_other: '' }, 'fr')).toContain(
      'a: {{nom}} is not in English',
    );
  });
});
