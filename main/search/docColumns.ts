import type { Bulletin } from '../../preload/contract';

/**
 * What a search needs of each indexed bulletin, as flat arrays indexed by the
 * index's own document number: facet values as codes into small dictionaries,
 * the date as a number. At 100k bulletins a search can match 90k of them; going
 * to each Bulletin object (a string-keyed lookup, then scattered fields) for its
 * filters, facets and date was most of a query's time. Only the rows shown are
 * read from the Bulletin objects.
 */
export interface DocColumns {
  /** 1 where the document is a bulletin of the archive (not deleted, not replaced by a newer version). */
  readonly live: Uint8Array;
  /** Date published as YYYYMMDDhhmmss, so numbers order as the ISO strings do (to the second). */
  readonly published: Float64Array;
  readonly year: Uint16Array;
  readonly source: Int32Array;
  readonly language: Int32Array;
  /** The first country's code, or -1; further countries in `moreCountries`. */
  readonly country: Int32Array;
  readonly moreCountries: ReadonlyMap<number, readonly number[]>;
  readonly sources: readonly string[];
  readonly languages: readonly string[];
  readonly countries: readonly string[];
}

export interface DocColumnsWriter {
  /** Records the bulletin indexed as document `doc`. */
  set(doc: number, bulletin: Bulletin): void;
  /** The document no longer stands for a bulletin (deleted, or re-indexed under a new number). */
  drop(doc: number): void;
  /** The columns as they are now (the arrays are replaced as they grow: read them per search). */
  read(): DocColumns;
}

export function createDocColumns(): DocColumnsWriter {
  let capacity = 0;
  let live = new Uint8Array(0);
  let published = new Float64Array(0);
  let year = new Uint16Array(0);
  let source = new Int32Array(0);
  let language = new Int32Array(0);
  let country = new Int32Array(0);
  const moreCountries = new Map<number, number[]>();
  const sources = dictionary();
  const languages = dictionary();
  const countries = dictionary();

  const grow = (needed: number) => {
    if (needed <= capacity) return;
    capacity = Math.max(needed, capacity * 2, 1024);
    live = grown(live, new Uint8Array(capacity));
    published = grown(published, new Float64Array(capacity));
    year = grown(year, new Uint16Array(capacity));
    source = grown(source, new Int32Array(capacity));
    language = grown(language, new Int32Array(capacity));
    country = grown(country, new Int32Array(capacity));
  };

  return {
    set(doc, bulletin) {
      grow(doc + 1);
      live[doc] = 1;
      published[doc] = dateNumber(bulletin.published);
      year[doc] = Math.floor((published[doc] ?? 0) / 1e10);
      source[doc] = sources.code(bulletin.source);
      language[doc] = languages.code(bulletin.language);
      const [first, ...rest] = bulletin.countries;
      country[doc] = first === undefined ? -1 : countries.code(first);
      if (rest.length > 0) moreCountries.set(doc, rest.map(countries.code));
      else moreCountries.delete(doc);
    },
    drop(doc) {
      if (doc < capacity) live[doc] = 0;
      moreCountries.delete(doc);
    },
    read: () => ({
      live,
      published,
      year,
      source,
      language,
      country,
      moreCountries,
      sources: sources.values,
      languages: languages.values,
      countries: countries.values,
    }),
  };
}

function grown<T extends Uint8Array | Uint16Array | Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}

function dictionary() {
  const values: string[] = [];
  const codes = new Map<string, number>();
  return {
    values,
    code(value: string): number {
      let code = codes.get(value);
      if (code === undefined) {
        code = values.push(value) - 1;
        codes.set(value, code);
      }
      return code;
    },
  };
}

/** The digits of an ISO date-time up to the seconds, as one number (a date alone ends at midnight). */
export function dateNumber(iso: string): number {
  let value = 0;
  let digits = 0;
  for (let at = 0; at < iso.length && digits < 14; at++) {
    const digit = iso.charCodeAt(at) - 48;
    if (digit >= 0 && digit <= 9) {
      value = value * 10 + digit;
      digits++;
    } else if (digits >= 8 && iso[at] !== 'T' && iso[at] !== ':' && iso[at] !== ' ') break;
  }
  for (; digits < 14; digits++) value *= 10;
  return value;
}
