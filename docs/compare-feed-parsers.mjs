// Measures feed-parsing libraries on gofeed's expected parses (../shared/corpora), for the
// choice recorded in docs/importers.md. Not part of the app: install the candidates first with
//   npm i --no-save @rowanmanning/feed-parser feedsmith rss-parser @extractus/feed-extractor
// then run `node docs/compare-feed-parsers.mjs` (kept out of the type check: the candidates are untyped and not dependencies).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const corpora = process.env.BULLETIN_CORPORA ?? resolve(import.meta.dirname, '../../shared/corpora');
const root = join(corpora, 'gofeed/testdata/parser');
if (!existsSync(root)) {
  console.log(`corpora not found at ${root}: nothing to compare`);
  process.exit(0);
}

const text = (v) => (v == null ? undefined : typeof v === 'object' ? text(v.value ?? v['#text']) : String(v));
const first = (a) => (Array.isArray(a) ? a[0] : a);
const alternate = (links) =>
  Array.isArray(links) ? (links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0])?.href : undefined;

// gofeed's format-specific expectations → one shape.
function expected(format, e) {
  if (format === 'json')
    return {
      title: e.title,
      link: e.url,
      id: e.id,
      published: e.date_published,
      updated: e.date_modified,
      description: e.summary,
      content: e.content_html ?? e.content_text,
    };
  if (format === 'rss')
    return {
      title: e.title,
      link: e.link ?? first(e.links),
      id: e.guid?.value,
      published: e.pubDate,
      description: e.description,
      content: e.content,
    };
  return {
    title: text(e.title),
    link: alternate(e.links),
    id: e.id,
    published: e.published,
    updated: e.updated,
    description: text(e.summary),
    content: text(e.content),
  };
}

const loaded = {};
async function load(name) {
  try {
    loaded[name] = await import(name);
    return true;
  } catch {
    console.log(`${name}: not installed`);
    return false;
  }
}

const adapters = {
  async '@rowanmanning/feed-parser'(raw, format) {
    if (format === 'json') throw new Error('no JSON Feed');
    return loaded['@rowanmanning/feed-parser'].parseFeed(raw).items.map((i) => ({
      title: i.title,
      link: i.url,
      id: i.id,
      published: i.published?.toISOString(),
      updated: i.updated?.toISOString(),
      description: i.description,
      content: i.content,
    }));
  },
  async feedsmith(raw, format) {
    const { parseFeed, parseJsonFeed } = loaded.feedsmith;
    // Its detector wants the jsonfeed.org version URL; gofeed's inputs say "1.1".
    const feed = format === 'json' ? parseJsonFeed(JSON.parse(raw)) : parseFeed(raw).feed;
    if (format === 'json')
      return feed.items.map((e) => ({
        title: e.title,
        link: e.url,
        id: e.id,
        published: e.date_published,
        updated: e.date_modified,
        description: e.summary,
        content: e.content_html ?? e.content_text,
      }));
    if (format === 'rss')
      return (feed.items ?? []).map((e) => ({
        title: e.title,
        link: e.link,
        id: text(e.guid),
        published: e.pubDate ?? e.dc?.date,
        description: e.description,
        content: e.content?.encoded,
      }));
    return (feed.entries ?? []).map((e) => ({
      title: text(e.title),
      link: alternate(e.links),
      id: e.id,
      published: e.published ?? e.issued,
      updated: e.updated ?? e.modified,
      description: text(e.summary),
      content: text(e.content),
    }));
  },
  async 'rss-parser'(raw, format) {
    if (format === 'json') throw new Error('no JSON Feed');
    const parsed = await new loaded['rss-parser'].default().parseString(raw);
    return parsed.items.map((i) => ({
      title: i.title,
      link: i.link,
      id: i.guid ?? i.id,
      published: i.pubDate,
      updated: i.updated,
      description: format === 'atom' ? i.summary : i.content,
      content: i['content:encoded'] ?? (format === 'atom' ? i.content : undefined),
    }));
  },
  async '@extractus/feed-extractor'(raw, format) {
    const { extractFromXml, extractFromJson } = loaded['@extractus/feed-extractor'];
    const opts = { normalization: true, descriptionMaxLen: 0, useISODateFormat: true };
    const f = format === 'json' ? extractFromJson(JSON.parse(raw), opts) : extractFromXml(raw, opts);
    return f.entries.map((e) => ({
      title: e.title,
      link: e.link,
      id: e.id,
      published: e.published,
      description: e.description,
    }));
  },
};

const squash = (s) =>
  String(text(s) ?? '')
    .replace(/\s+/g, ' ')
    .trim();
function same(field, want, got) {
  if (got == null || got === '') return false;
  if (field === 'published' || field === 'updated') {
    const a = Date.parse(want),
      b = Date.parse(got);
    if (!Number.isNaN(a) && !Number.isNaN(b)) return a === b;
  }
  return squash(want) === squash(got);
}

const cases = [];
for (const format of ['rss', 'atom', 'json']) {
  for (const name of readdirSync(join(root, format))) {
    if (format === 'json' ? !name.endsWith('_expected.json') : !name.endsWith('.json')) continue;
    const input =
      format === 'json' ? name.replace('_expected.json', '.json') : name.replace(/\.json$/, '.xml');
    const want = JSON.parse(readFileSync(join(root, format, name), 'utf8'));
    cases.push({
      format,
      file: input,
      raw: readFileSync(join(root, format, input), 'utf8'),
      items: (want.items ?? want.entries ?? []).map((e) => expected(format, e)),
    });
  }
}

const FIELDS = ['title', 'link', 'id', 'published', 'updated', 'description', 'content'];
for (const name of Object.keys(adapters)) {
  if (!(await load(name))) continue;
  let compared = 0,
    matched = 0,
    errors = 0;
  const perFormat = {};
  for (const c of cases) {
    const pf = (perFormat[c.format] ??= { compared: 0, matched: 0 });
    let got = [];
    try {
      got = await adapters[name](c.raw, c.format);
    } catch (e) {
      errors++;
      if (process.env.DEBUG) console.log(name, c.file, e.message);
    }
    c.items.forEach((want, i) => {
      for (const field of FIELDS) {
        if (want[field] == null || want[field] === '') continue;
        compared++;
        pf.compared++;
        if (same(field, want[field], got[i]?.[field])) {
          matched++;
          pf.matched++;
        } else if (process.env.DEBUG === name)
          console.log(
            `  ${c.file} ${field}: want ${JSON.stringify(want[field])} got ${JSON.stringify(got[i]?.[field])}`,
          );
      }
    });
  }
  // Speed: every case parsed 20 times, then one 5,000-item RSS 2.0 feed.
  const big = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${Array.from(
    { length: 5000 },
    (_, i) =>
      `<item><title>Item ${i} &amp; more</title><link>https://example.org/${i}</link><guid>g${i}</guid><pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate><description><![CDATA[<p>Paragraph ${i} ${'lorem ipsum '.repeat(60)}</p>]]></description></item>`,
  ).join('')}</channel></rss>`;
  let t0 = performance.now();
  for (let r = 0; r < 20; r++)
    for (const c of cases) {
      try {
        await adapters[name](c.raw, c.format);
      } catch {
        /* counted above */
      }
    }
  const smallMs = (performance.now() - t0) / (20 * cases.length);
  t0 = performance.now();
  await adapters[name](big, 'rss');
  const bigMs = performance.now() - t0;
  const pct = (m, n) => ((100 * m) / n).toFixed(1);
  console.log(
    `${name}: ${matched}/${compared} fields (${pct(matched, compared)}%) ` +
      Object.entries(perFormat)
        .map(([f, v]) => `${f} ${pct(v.matched, v.compared)}%`)
        .join(', ') +
      `; threw on ${errors}/${cases.length} files; ${smallMs.toFixed(3)} ms/small file; ` +
      `5,000-item RSS in ${bigMs.toFixed(0)} ms (${Math.round(5000 / (bigMs / 1000))} items/s)`,
  );
}
