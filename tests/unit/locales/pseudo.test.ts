import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { BUNDLES } from '../../../resources/locales/bundles';
import { PSEUDO_CLOSE, PSEUDO_OPEN, pseudoMessages, pseudoString } from '../../../resources/locales/pseudo';

describe('the pseudo-locale', () => {
  it('accents, lengthens by about 40% and brackets, keeping placeholders and mnemonics', () => {
    const text = pseudoString('Import {{count, number}} files from $t(views.all)… &File');
    expect(text.startsWith(PSEUDO_OPEN) && text.endsWith(PSEUDO_CLOSE)).toBe(true);
    expect(text).toContain('{{count, number}}');
    expect(text).toContain('$t(views.all)');
    expect(text).toContain('&Ƒîļé');
    expect(text).not.toMatch(/Import|files/);
  });

  it('is generated from every English key, and each is at least 30% longer', () => {
    for (const namespace of ['ui', 'main'] as const) {
      const english = BUNDLES[namespace].en;
      const pseudo = pseudoMessages(english);
      const flat = (bundle: object, out: string[] = []): string[] => {
        for (const value of Object.values(bundle)) {
          if (typeof value === 'string') out.push(value);
          else flat(value as object, out);
        }
        return out;
      };
      const [en, ps] = [flat(english), flat(pseudo)];
      expect(ps).toHaveLength(en.length);
      en.forEach((text, at) => {
        const visible = (value: string) => value.replace(/\{\{[^}]*\}\}/g, '').length;
        if (visible(text) >= 10) expect(visible(ps[at] ?? '')).toBeGreaterThanOrEqual(visible(text) * 1.3);
      });
    }
  });

  it('works as an i18next language: plurals by English rules, interpolation intact', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: 'en-XA',
      resources: { 'en-XA': { ui: pseudoMessages(BUNDLES.ui.en) } },
      defaultNS: 'ui',
      interpolation: { escapeValue: false },
    });
    const text = i18n.t('list.count', { count: 3 });
    expect(text).toMatch(/^⟦3 ƀûļļéŧîñš ·+⟧$/);
  });
});
