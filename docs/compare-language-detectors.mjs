// Compares language detectors on bulletin-like text in English, Spanish and French.
// Reproduce: npm i --no-save eld tinyld franc-min cld3-asm languagedetect && node docs/compare-language-detectors.mjs
// Labelled text: tests/fixtures/language-samples.json (titles and leads) and the English sample digest.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const { samples, short, other } = JSON.parse(
  readFileSync(join(root, 'tests/fixtures/language-samples.json'), 'utf8'),
);
// The sample digest: entries are a date line, a title and paragraphs (all English).
const digest = readFileSync(join(root, 'resources/sample/digest-sample.txt'), 'utf8')
  .split(/\n\s*\d{1,2} \w+, \d{4}\s*\n/)
  .map((entry) => entry.replace(/^\s*\d{1,2} \w+, \d{4}\s*/, '').trim())
  .filter(Boolean)
  .flatMap((entry) => {
    const [title, ...rest] = entry.split(/\n\s*\n/);
    return [
      { language: 'en', text: title.trim() },
      { language: 'en', text: rest.join(' ').replace(/\s+/g, ' ').trim() },
    ];
  })
  .filter((sample) => sample.text);
const labelled = [...samples, ...digest];
const SUPPORTED = ['en', 'es', 'fr'];
const ISO3 = { eng: 'en', spa: 'es', fra: 'fr' };
const NAMES = { english: 'en', spanish: 'es', french: 'fr' };

// How long each takes to load (the first import of a package, in this process).
const loadMs = {};
const timed = async (pkg, load) => {
  const start = performance.now();
  const loaded = await load();
  loadMs[pkg] = performance.now() - start;
  return loaded;
};
const { eld } = await timed('eld', () => import('eld/extrasmall'));
const eldSubset = eld.newInstance();
eldSubset.setLanguageSubset(SUPPORTED);
const tinyld = await timed('tinyld', () => import('tinyld'));
const { franc } = await timed('franc-min', () => import('franc-min'));
const cld = await timed('cld3-asm', async () =>
  (await (await import('cld3-asm')).loadModule()).create(0, 1000),
);
const languageDetect = await timed('languagedetect', () => new (require('languagedetect'))());
// What main/importers/detectLanguage.ts does with eld: all its languages, three words at least,
// eld's own isReliable(), and en/es/fr only.
const supported = (language) => (SUPPORTED.includes(language) ? language : 'und');
const words = (text) => text.match(/\p{L}+/gu)?.length ?? 0;

const candidates = [
  ['eld 2.1.0 (extrasmall, subset en/es/fr)', 'eld', (text) => eldSubset.detect(text).language || 'und'],
  [
    '**eld, as we use it** (all languages, ≥ 3 words, isReliable, en/es/fr)',
    'eld',
    (text) => {
      const found = eld.detect(text);
      return words(text) >= 3 && found.isReliable() && SUPPORTED.includes(found.language)
        ? found.language
        : 'und';
    },
  ],
  ['tinyld 1.3.4 (only en/es/fr)', 'tinyld', (text) => tinyld.detect(text, { only: SUPPORTED }) || 'und'],
  ['tinyld 1.3.4 (all languages, en/es/fr kept)', 'tinyld', (text) => supported(tinyld.detect(text))],
  [
    'franc-min 6.2.0 (only eng/spa/fra)',
    'franc-min',
    (text) => ISO3[franc(text, { only: ['eng', 'spa', 'fra'] })] ?? 'und',
  ],
  ['franc-min 6.2.0 (all languages, en/es/fr kept)', 'franc-min', (text) => ISO3[franc(text)] ?? 'und'],
  [
    'cld3-asm 4.0.0',
    'cld3-asm',
    (text) => {
      const found = cld.findLanguage(text);
      return found.is_reliable && SUPPORTED.includes(found.language) ? found.language : 'und';
    },
  ],
  [
    'languagedetect 2.0.0',
    'languagedetect',
    (text) => {
      const best = languageDetect.detect(text).find(([name]) => name in NAMES);
      return best ? NAMES[best[0]] : 'und';
    },
  ],
];

const size = (folder) => {
  const walk = (path) => {
    const stat = statSync(path);
    if (!stat.isDirectory()) return stat.size;
    return require('node:fs')
      .readdirSync(path)
      .reduce((sum, name) => sum + walk(join(path, name)), 0);
  };
  return walk(folder);
};

console.log(
  `${labelled.length} labelled texts (${samples.length} written en/es/fr, ${digest.length} from the English digest), ${short.length} too short to tell, ${other.length} in other languages\n`,
);
console.log(
  '| library | right | und (unsure) | wrong | es right | fr right | en right | too short → und | other languages → und | µs per text | load ms | installed |',
);
console.log('| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |');
for (const [name, pkg, detect] of candidates) {
  const by = { en: [0, 0], es: [0, 0], fr: [0, 0] };
  const wrong = [];
  let unsure = 0;
  for (const { language, text } of labelled) {
    const got = detect(text);
    by[language][1]++;
    if (got === language) by[language][0]++;
    else if (got === 'und') unsure++;
    else wrong.push(`${language}→${got}: ${text.slice(0, 60)}`);
  }
  const right = Object.values(by).reduce((sum, [ok]) => sum + ok, 0);
  const und = short.filter((text) => detect(text) === 'und').length;
  const otherUnd = other.filter((text) => detect(text) === 'und').length;
  const rounds = 20;
  const start = performance.now();
  for (let round = 0; round < rounds; round++) for (const { text } of labelled) detect(text);
  const micros = ((performance.now() - start) * 1000) / (rounds * labelled.length);
  const mb = (size(join(root, 'node_modules', pkg)) / 1e6).toFixed(1);
  const cell = ([ok, all]) => `${ok}/${all}`;
  console.log(
    `| ${name} | ${right}/${labelled.length} | ${unsure} | ${wrong.length} | ${cell(by.es)} | ${cell(by.fr)} | ${cell(by.en)} | ${und}/${short.length} | ${otherUnd}/${other.length} | ${micros.toFixed(0)} | ${loadMs[pkg].toFixed(0)} | ${mb} MB |`,
  );
  for (const line of wrong) console.log(`    ${line}`);
}
