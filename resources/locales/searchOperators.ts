/**
 * The search box's operators in each UI language. English's (`country:`, `is:unread`…) work in
 * every language; each language adds its own words, which the parser reads as the English ones
 * (main/search/queryParser.ts) and the search help shows (renderer/search/SearchHelp.tsx).
 * Aliases are written as a user types them; the parser also accepts them without accents
 * ("pais:", "apres:"), folded the same way as the search's words.
 */
import type { UiLanguage } from './languages';

export type OperatorKey = 'source' | 'country' | 'lang' | 'is' | 'before' | 'after' | 'in';
export type FlagValue = 'bookmarked' | 'unread' | 'noted';

export interface LanguageOperators {
  /** The operator as shown in the help, then further spellings the parser accepts. */
  keys: Record<OperatorKey, readonly string[]>;
  flags: Record<FlagValue, readonly string[]>;
}

export const SEARCH_OPERATORS: Record<UiLanguage, LanguageOperators> = {
  en: {
    keys: {
      source: ['source'],
      country: ['country'],
      lang: ['lang', 'language'],
      is: ['is'],
      before: ['before'],
      after: ['after'],
      in: ['in'],
    },
    flags: { bookmarked: ['bookmarked'], unread: ['unread'], noted: ['noted'] },
  },
  es: {
    keys: {
      source: ['fuente'],
      country: ['país'],
      lang: ['idioma', 'lengua'],
      is: ['es', 'está'],
      before: ['antes'],
      after: ['después', 'desde'],
      in: ['en', 'colección'],
    },
    flags: {
      bookmarked: ['favorito', 'favoritos'],
      unread: ['noleído', 'noleídos'],
      noted: ['connota', 'anotado'],
    },
  },
  fr: {
    keys: {
      source: ['source'],
      country: ['pays'],
      lang: ['langue'],
      is: ['est'],
      before: ['avant'],
      after: ['après'],
      in: ['dans'],
    },
    flags: { bookmarked: ['signet', 'signets'], unread: ['nonlu', 'nonlus'], noted: ['annoté', 'note'] },
  },
  ar: {
    keys: {
      source: ['مصدر', 'المصدر'],
      country: ['بلد', 'البلد'],
      lang: ['لغة', 'اللغة'],
      is: ['حالة'],
      before: ['قبل'],
      after: ['بعد'],
      in: ['في'],
    },
    flags: {
      bookmarked: ['مرجعية', 'إشارة'],
      unread: ['غير_مقروءة', 'غيرمقروءة'],
      noted: ['بملاحظة', 'ملاحظة'],
    },
  },
};
