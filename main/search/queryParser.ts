import type { SearchHint } from '../../preload/searchTypes';
import { SEARCH_OPERATORS, type FlagValue, type OperatorKey } from '../../resources/locales/searchOperators';
import { foldTerm } from './normalise';

/** A word, or a quoted phrase whose words must appear together and in order. */
export interface Term {
  text: string;
  phrase: boolean;
}

export interface QueryFilters {
  sources: string[];
  countries: string[];
  languages: string[];
  bookmarked: boolean;
  unread: boolean;
  /** is:noted: bulletins the user wrote a note on. */
  noted: boolean;
  /** YYYY-MM-DD, exclusive. */
  before?: string;
  /** YYYY-MM-DD, exclusive. */
  after?: string;
  /** in:"name": collection names, as typed (matched by the caller, which knows the collections). */
  collections: string[];
  /** The word typed for `in:` ("en:", "dans:"), so a hint about a collection quotes the user's own word. */
  inWord?: string;
}

export interface ParsedQuery {
  /** Every clause must match; a clause matches when one of its alternatives (joined by OR) does. */
  clauses: Term[][];
  exclude: Term[];
  filters: QueryFilters;
  hints: SearchHint[];
  /** The last clause is a single word still being typed: match it as a prefix. */
  lastWordOpen: boolean;
}

interface Token {
  text: string;
  quoted: boolean;
  negated: boolean;
  /** `key:` when the token had one, as the English operator. */
  key?: string;
  /** The key as the user typed it (`antes`, `país`): hints quote it, not the English operator. */
  typedKey?: string;
}

const KEYS = new Set(['source', 'country', 'lang', 'is', 'before', 'after', 'in']);

/**
 * Every language's operator words, folded, → the English operator: `país:` and `pays:` are
 * `country:` in any UI language (a Spanish query pasted into a French window still works).
 */
const KEY_ALIASES = aliasTable((operators) => operators.keys);
const FLAG_ALIASES = aliasTable((operators) => operators.flags);

function aliasTable<T extends OperatorKey | FlagValue>(
  pick: (operators: (typeof SEARCH_OPERATORS)[keyof typeof SEARCH_OPERATORS]) => Record<T, readonly string[]>,
): Map<string, T> {
  const table = new Map<string, T>();
  for (const operators of Object.values(SEARCH_OPERATORS)) {
    for (const [canonical, words] of Object.entries(pick(operators)) as [T, readonly string[]][]) {
      for (const word of words) table.set(foldTerm(word), canonical);
    }
  }
  return table;
}
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Parses the search box's text. Never throws: syntax it does not understand
 * becomes plain words, with a hint that says so.
 */
export function parseQuery(text: string): ParsedQuery {
  const hints: SearchHint[] = [];
  const tokens = tokenize(text, hints);
  const filters: QueryFilters = {
    sources: [],
    countries: [],
    languages: [],
    bookmarked: false,
    unread: false,
    noted: false,
    collections: [],
  };
  const clauses: Term[][] = [];
  const exclude: Term[] = [];
  let joinNext = false;

  const addTerm = (term: Term) => {
    const last = clauses[clauses.length - 1];
    if (joinNext && last) last.push(term);
    else clauses.push([term]);
    joinNext = false;
  };

  for (const [position, token] of tokens.entries()) {
    if (!token.quoted && !token.negated && token.key === undefined && token.text === 'OR') {
      const next = tokens[position + 1];
      const joinable =
        clauses.length > 0 && !joinNext && next !== undefined && !next.negated && next.key === undefined;
      if (joinable) joinNext = true;
      else hints.push({ code: 'danglingOr', value: 'OR' });
      continue;
    }
    if (token.key !== undefined && token.negated && KEYS.has(token.key)) {
      // Filters narrow; excluding by filter is not supported: say so rather than guess.
      hints.push({ code: 'badValue', value: `-${token.typedKey ?? token.key}:${token.text}` });
      continue;
    }
    if (token.key !== undefined) {
      const typed = token.typedKey ?? token.key;
      const plain = applyFilter(token.key, typed, token.text, filters, hints);
      if (!plain) continue;
      token.text = `${typed} ${token.text}`;
      token.quoted = false;
    }
    const term: Term = { text: token.text, phrase: token.quoted };
    if (token.negated) exclude.push(term);
    else addTerm(term);
  }

  const last = clauses[clauses.length - 1];
  const lastToken = tokens[tokens.length - 1];
  const lastWordOpen =
    last?.length === 1 &&
    last[0]?.phrase === false &&
    lastToken?.negated === false &&
    lastToken.key === undefined &&
    !/\s$/.test(text);
  return { clauses, exclude, filters, hints, lastWordOpen };
}

/** Applies `key:value`; returns true when it is not a filter after all and must be searched as words. */
function applyFilter(
  key: string,
  typed: string,
  value: string,
  filters: QueryFilters,
  hints: SearchHint[],
): boolean {
  if (!KEYS.has(key)) {
    hints.push({ code: 'unknownFilter', value: `${typed}:` });
    return true;
  }
  if (value === '') {
    hints.push({ code: 'badValue', value: `${typed}:` });
    return false;
  }
  switch (key) {
    case 'source':
      filters.sources.push(value);
      return false;
    case 'country':
      filters.countries.push(value);
      return false;
    case 'lang':
      filters.languages.push(value.toLowerCase());
      return false;
    case 'is': {
      const flag = FLAG_ALIASES.get(foldTerm(value)) ?? value.toLowerCase();
      if (flag === 'bookmarked') filters.bookmarked = true;
      else if (flag === 'unread') filters.unread = true;
      else if (flag === 'noted') filters.noted = true;
      else {
        hints.push({ code: 'badValue', value: `${typed}:${value}` });
        return true;
      }
      return false;
    }
    case 'before':
    case 'after': {
      const date = completeDate(value, key);
      if (!date) {
        hints.push({ code: 'badDate', value: `${typed}:${value}` });
        return true;
      }
      filters[key] = date;
      return false;
    }
    default:
      // in:"collection": whether it names one is for the search to tell, which knows them.
      filters.collections.push(value);
      filters.inWord = typed;
      return false;
  }
}

/**
 * A full date from YYYY, YYYY-MM or YYYY-MM-DD: `before:2020` means before 2020
 * began, `after:2020` after it ended. Null when it is not a real date.
 */
function completeDate(value: string, key: 'before' | 'after'): string | null {
  const match = DATE.exec(value);
  if (!match) return null;
  const [, year, month, day] = match;
  const monthNumber = Number(month ?? 1);
  if (monthNumber < 1 || monthNumber > 12) return null;
  if (day !== undefined) {
    const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return null;
    return value;
  }
  if (key === 'before') return `${year}-${month ?? '01'}-01`;
  // After the whole month or year: the last day of it.
  const end = month
    ? new Date(Date.UTC(Number(year), monthNumber, 0))
    : new Date(Date.UTC(Number(year), 12, 0));
  return end.toISOString().slice(0, 10);
}

/** Splits on spaces, keeping "quoted phrases", `-` and `key:` prefixes with their token. */
function tokenize(text: string, hints: SearchHint[]): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    while (at < text.length && /\s/.test(text.charAt(at))) at++;
    if (at >= text.length) break;
    let negated = false;
    let key: string | undefined;
    let typedKey: string | undefined;
    if (text.charAt(at) === '-' && at + 1 < text.length && !/\s/.test(text.charAt(at + 1))) {
      negated = true;
      at++;
    }
    // Letters of any script: `país:`, `بلد:`. The word before ":" is bounded by the token.
    const keyMatch = /^([\p{L}\p{M}_]+):(?=\S)/u.exec(text.slice(at));
    if (keyMatch?.[1] !== undefined) {
      const folded = foldTerm(keyMatch[1]);
      key = KEY_ALIASES.get(folded) ?? folded;
      typedKey = keyMatch[1];
      at += keyMatch[0].length;
    }
    if (text.charAt(at) === '"') {
      const close = text.indexOf('"', at + 1);
      if (close === -1) {
        hints.push({ code: 'unclosedQuote', value: text.slice(at) });
        const rest = text.slice(at + 1).trim();
        if (rest !== '') tokens.push({ text: rest, quoted: false, negated, key, typedKey });
        break;
      }
      const phrase = text.slice(at + 1, close).trim();
      at = close + 1;
      if (phrase !== '') tokens.push({ text: phrase, quoted: key === undefined, negated, key, typedKey });
      continue;
    }
    const start = at;
    while (at < text.length && !/\s/.test(text.charAt(at))) at++;
    const word = text.slice(start, at);
    if (word === '-') continue;
    tokens.push({ text: word, quoted: false, negated, key, typedKey });
  }
  return tokens;
}
