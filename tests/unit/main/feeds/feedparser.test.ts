import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Element, Text, type ChildNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import {
  charsetOf,
  decodeText,
  detectCharset,
  usableLabel,
} from '../../../../main/importers/feeds/decodeText';
import { NotAFeed, parseFeedText, type ParsedFeed } from '../../../../main/importers/feeds/parseFeed';
import { corpus } from './corpora';

/**
 * feedparser's wellformed and encoding tests. Each file states `Expect: <Python>` over
 * feedparser's result; the clauses about fields we keep are translated (title, link,
 * id, summary/description, content, language, the detected encoding); lines with any
 * other clause are not counted. `bozo` (feedparser's "not well-formed" flag) is ignored.
 */
const root = corpus('feedparser', 'tests');
const FOLDERS = [
  'wellformed/rss',
  'wellformed/atom',
  'wellformed/atom10',
  'wellformed/rdf',
  'wellformed/base',
  'wellformed/amp',
  'wellformed/lang',
  'entities',
  'encoding',
];

/** A Python string literal ('…', "…", u'…') as a JS string; undefined for anything else. */
function pythonString(literal: string): string | undefined {
  const match = /^u?(['"])(.*)\1$/s.exec(literal.trim());
  if (!match?.[2] && match?.[2] !== '') return undefined;
  return match[2].replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|n|t|r|\\|'|")/g, (_, code: string) => {
    if (code[0] === 'u' || code[0] === 'x') return String.fromCharCode(parseInt(code.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[code] ?? code;
  });
}

type Getter = (feed: ParsedFeed, charset: string) => string | undefined;
const entry = (feed: ParsedFeed, i: number) => feed.entries[i];
const GETTERS: [RegExp, (match: RegExpExecArray) => Getter][] = [
  [/^feed\['(title|title_detail'\]\['value)'\]$/, () => (feed) => feed.title],
  [/^feed\['link'\]$/, () => (feed) => feed.link],
  [/^feed\['language'\]$/, () => (feed) => feed.language],
  [
    /^entries\[(\d)\]\['(title|title_detail'\]\['value)'\]$/,
    (m) => (feed) => entry(feed, Number(m[1]))?.title,
  ],
  [/^entries\[(\d)\]\['link'\]$/, (m) => (feed) => entry(feed, Number(m[1]))?.link],
  [/^entries\[(\d)\]\['id'\]$/, (m) => (feed) => entry(feed, Number(m[1]))?.guid],
  [
    /^entries\[(\d)\]\['(summary|description|summary_detail'\]\['value)'\]$/,
    (m) => (feed) => entry(feed, Number(m[1]))?.summaryHtml ?? entry(feed, Number(m[1]))?.contentHtml,
  ],
  [/^entries\[(\d)\]\['content'\]\[0\]\['value'\]$/, (m) => (feed) => entry(feed, Number(m[1]))?.contentHtml],
  [
    /^entries\[(\d)\]\['(?:content'\]\[0\]|title_detail|summary_detail)\['language'\]$/,
    (m) => (feed) => entry(feed, Number(m[1]))?.language ?? feed.language,
  ],
  [/^encoding$/, () => (_, charset) => charset],
];

interface Check {
  getter: Getter;
  want: string | undefined;
  path: string;
}

/** The clauses of an Expect line as checks, or undefined when any clause is beyond us. */
function translate(expect: string): Check[] | undefined {
  const checks: Check[] = [];
  for (const clause of expect.split(/\s+and\s+/)) {
    if (/^(not\s+)?bozo$/.test(clause.trim())) continue;
    const match = /^(.+?)\s*==\s*(.+)$/s.exec(clause.trim());
    if (!match?.[1] || !match[2]) return undefined;
    const path = match[1].replace(/\s/g, '');
    const want = match[2].trim() === 'None' ? undefined : pythonString(match[2]);
    if (want === undefined && match[2].trim() !== 'None') return undefined;
    const found = GETTERS.map(([pattern, make]) => {
      const hit = pattern.exec(path);
      return hit ? make(hit) : undefined;
    }).find(Boolean);
    if (!found) return undefined;
    checks.push({ getter: found, want, path });
  }
  return checks.length > 0 ? checks : undefined;
}

const squash = (value: string | undefined) => value?.replace(/\s+/g, ' ').trim();

/**
 * HTML compared by meaning, not spelling: feedparser re-serialises what it sanitises
 * (`<br />`, `&amp;` for `&#38;`, attributes reordered, Atom 0.3 inline XHTML kept in
 * its <div>), so both sides become tags with sorted attributes and decoded text, and
 * URLs are compared as URLs ("http://any.test/À" is "http://any.test/%C3%80").
 */
function asUrl(value: string): string {
  try {
    return new URL(value).href;
  } catch {
    return value;
  }
}

function canonicalHtml(html: string | undefined): string | undefined {
  if (html === undefined) return undefined;
  const walk = (nodes: ChildNode[]): string =>
    nodes
      .map((node) => {
        if (node instanceof Element) {
          const attributes = Object.entries(node.attribs)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([name, value]) => ` ${name}="${['href', 'src'].includes(name) ? asUrl(value) : value}"`)
            .join('');
          return `<${node.name}${attributes}>${walk(node.children)}</${node.name}>`;
        }
        return node instanceof Text ? node.data : '';
      })
      .join('');
  const document = parseDocument(html.trim(), { decodeEntities: true });
  const only = document.children.length === 1 ? document.children[0] : undefined;
  const inner = only instanceof Element && only.name === 'div' ? only.children : document.children;
  return squash(walk(inner));
}
/** Labels compared as the decoder they pick (WHATWG: 'us-ascii' and 'iso-8859-1' read as windows-1252). */
const canonical = (label: string | undefined) => (label ? usableLabel(label).replace(/[-_]/g, '') : label);

/**
 * Expect lines not counted, each kind with its reason (printed with the result).
 * RFC 3023 made text/* without a charset US-ASCII whatever the file declared; RFC 7303
 * (2014) replaced that with the XML declaration, which is what we follow.
 */
const NOT_COUNTED = [
  {
    reason: 'text/* without charset = us-ascii (RFC 3023, obsoleted by RFC 7303)',
    applies: (header: string | undefined, expect: string) =>
      /^\s*text\//i.test(header ?? '') && !charsetOf(header) && /encoding == 'us-ascii'/.test(expect),
  },
];

describe.skipIf(!root)('feedparser wellformed + encoding conformance', () => {
  const folder = root ?? '';
  it('passes ≥ 95% of the translatable Expect lines', () => {
    let translated = 0;
    let passed = 0;
    const failures: string[] = [];
    const notCounted: Record<string, number> = {};
    for (const sub of FOLDERS) {
      for (const name of readdirSync(join(folder, sub)).filter((file) => file.endsWith('.xml'))) {
        const bytes = readFileSync(join(folder, sub, name));
        const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2000));
        const expect = /Expect:\s*(.+)/.exec(head)?.[1]?.trim();
        const checks = expect ? translate(expect) : undefined;
        if (!checks || !expect) continue;
        const contentType = /Header:\s*Content-type:\s*(.+)/i.exec(head)?.[1];
        const skip = NOT_COUNTED.find((rule) => rule.applies(contentType, expect));
        if (skip) {
          notCounted[skip.reason] = (notCounted[skip.reason] ?? 0) + 1;
          continue;
        }
        translated += 1;
        const httpCharset = charsetOf(contentType);
        const charset = detectCharset(bytes, httpCharset);
        // A document the parser refuses has nothing in it, which its checks then see.
        // Content-Location, else the address feedparser's suite served the file from.
        const documentUrl =
          /Header:\s*Content-Location:\s*(\S+)/i.exec(head)?.[1] ??
          `http://127.0.0.1:8097/tests/${sub}/${name}`;
        let feed: ParsedFeed = { format: 'rss', entries: [] };
        try {
          const documentLanguage = /Header:\s*Content-Language:\s*(\S+)/i.exec(head)?.[1];
          feed = parseFeedText(decodeText(bytes, httpCharset), { documentUrl, documentLanguage });
        } catch (error) {
          if (!(error instanceof NotAFeed)) throw error;
        }
        const failed = checks.filter(({ getter, want, path }) => {
          const got = getter(feed, charset);
          return path === 'encoding'
            ? canonical(got) !== canonical(want)
            : canonicalHtml(got) !== canonicalHtml(want);
        });
        if (failed.length === 0) passed += 1;
        else
          failures.push(
            `${sub}/${name}: ${failed.map((check) => `${check.path} expected ${JSON.stringify(check.want)}, got ${JSON.stringify(check.getter(feed, charset))}`).join('; ')}`,
          );
      }
    }
    console.log(
      `feedparser: ${passed}/${translated} translated Expect lines (${((100 * passed) / translated).toFixed(1)}%); not counted: ${JSON.stringify(notCounted)}; failing:\n  ${failures.join('\n  ')}`,
    );
    expect(passed / translated).toBeGreaterThanOrEqual(0.95);
  });
});
