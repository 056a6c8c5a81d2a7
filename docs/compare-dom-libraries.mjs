// Measures DOM libraries under @mozilla/readability on Readability's own test pages
// (../shared/corpora/readability/test-pages: source.html and the expected.html Readability
// produces in Firefox's test suite), for the choice recorded in docs/offline.md. Not part of
// the app. Install the candidates first (linkedom and jsdom are dependencies; happy-dom is not):
//   npm i --no-save happy-dom
// then run `node docs/compare-dom-libraries.mjs` (each library runs in its own process, so that
// its memory is its own). Agreement: the word-bag F1 of the extracted text against the expected
// text (1 = the same words), and how many pages agree exactly once whitespace is folded.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'htmlparser2';
import { textContent } from 'domutils';
import { Readability } from '@mozilla/readability';

const corpora = process.env.BULLETIN_CORPORA ?? resolve(import.meta.dirname, '../../shared/corpora');
const root = join(corpora, 'readability/test-pages');
const LIBRARIES = ['linkedom', 'jsdom', 'happy-dom'];
// The address Readability's own tests give every page (its expected output resolves links against it).
const PAGE_URL = 'http://fakehost/test/page.html';

if (!existsSync(root)) {
  console.log(`corpus not found at ${root}: nothing to compare`);
  process.exit(0);
}

const library = process.argv[2];
if (!library) {
  const rows = [];
  for (const name of LIBRARIES) {
    // jsdom reports the pages' CSS it cannot parse on stderr: that is not a result.
    const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), name], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const last = run.stdout.trim().split('\n').pop() ?? '';
    rows.push(last.startsWith('{') ? JSON.parse(last) : { library: name, error: `exit ${run.status}` });
  }
  console.log(
    '| library | pages | parsed | mean F1 | exact | total ms | ms/page (median) | peak RSS MB | DOMPurify sanitises |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows)
    console.log(
      r.error
        ? `| ${r.library} | ${r.error} |`
        : `| ${r.library} | ${r.pages} | ${r.parsed} | ${r.meanF1.toFixed(3)} | ${r.exact} | ${r.totalMs} | ${r.medianMs} | ${r.peakRssMb} | ${r.purifies} |`,
    );
  process.exit(0);
}

const makeDocument = await loader(library);
const words = (text) => text.toLowerCase().split(/\s+/).filter(Boolean);
const fold = (text) => words(text).join(' ');
const htmlText = (html) => textContent(parseDocument(html));

function f1(got, want) {
  const counts = new Map();
  for (const w of want) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of got) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common += 1;
      counts.set(w, n - 1);
    }
  }
  if (got.length === 0 && want.length === 0) return 1;
  if (common === 0) return 0;
  const precision = common / got.length;
  const recall = common / want.length;
  return (2 * precision * recall) / (precision + recall);
}

let peakRss = process.memoryUsage().rss;
const times = [];
let parsed = 0;
let exact = 0;
let sumF1 = 0;
const pages = readdirSync(root).filter((d) => existsSync(join(root, d, 'expected.html')));
for (const page of pages) {
  const source = readFileSync(join(root, page, 'source.html'), 'utf8');
  const want = htmlText(readFileSync(join(root, page, 'expected.html'), 'utf8'));
  const start = performance.now();
  let got = '';
  try {
    const article = new Readability(makeDocument(source)).parse();
    if (article) {
      parsed += 1;
      got = htmlText(article.content ?? '');
    }
  } catch {
    // A page the library cannot carry through Readability counts as nothing extracted.
  }
  times.push(performance.now() - start);
  sumF1 += f1(words(got), words(want));
  if (fold(got) === fold(want)) exact += 1;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
times.sort((a, b) => a - b);
// The reader's sanitiser must run over this DOM too: does DOMPurify actually remove what runs?
const { default: createDOMPurify } = await import('dompurify');
const host = makeDocument('<!doctype html><html><body></body></html>').defaultView;
const hostile = '<p onclick="x()">a<script>alert(1)</script><a href="javascript:alert(2)">b</a></p>';
let purifies;
try {
  purifies = !/script|onclick|javascript/i.test(String(createDOMPurify(host).sanitize(hostile)));
} catch {
  purifies = false;
}
console.log(
  JSON.stringify({
    library,
    pages: pages.length,
    parsed,
    meanF1: sumF1 / pages.length,
    exact,
    totalMs: Math.round(times.reduce((a, b) => a + b, 0)),
    medianMs: Number(times[Math.floor(times.length / 2)].toFixed(1)),
    peakRssMb: Math.round(peakRss / 1024 / 1024),
    purifies,
  }),
);

async function loader(name) {
  if (name === 'linkedom') {
    const { DOMParser } = await import('linkedom');
    return (html) => {
      const document = new DOMParser().parseFromString(html, 'text/html');
      // linkedom has no document URL: Readability resolves links against documentURI / baseURI.
      Object.defineProperty(document, 'documentURI', { value: PAGE_URL });
      Object.defineProperty(document, 'baseURI', { value: PAGE_URL });
      return document;
    };
  }
  if (name === 'jsdom') {
    const { JSDOM } = await import('jsdom');
    return (html) => new JSDOM(html, { url: PAGE_URL }).window.document;
  }
  const { Window } = await import('happy-dom');
  return (html) => {
    const window = new Window({
      url: PAGE_URL,
      settings: {
        disableJavaScriptEvaluation: true,
        disableCSSFileLoading: true,
        disableJavaScriptFileLoading: true,
        disableIframePageLoading: true,
      },
    });
    window.document.write(html);
    return window.document;
  };
}
