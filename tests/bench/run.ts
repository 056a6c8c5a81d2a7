import { cpus, totalmem } from 'node:os';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createContext, type Figure, type Suite } from './harness';
import { damageSuite } from './damage.bench';
import { exportSuite } from './export.bench';
import { importSuite } from './import.bench';
import { importThroughputSuite } from './importThroughput.bench';
import { launchSuite } from './launch.bench';
import { librarySuite } from './library.bench';
import { marksSuite } from './marks.bench';
import { memorySuite } from './memory.bench';
import { offlineSuite } from './offline.bench';
import { searchSuite } from './search.bench';
import { selectionSuite } from './selection.bench';
import { storeSuite } from './store.bench';

/**
 * `npm run bench`: measures what users feel, each figure beside its baseline
 * measured in the same run. Prints a table and writes tests/bench/results.json;
 * copy the table into RESULTS.md when a figure moves.
 * BENCH_SIZES=1000,10000 and BENCH_SUITES=store,search narrow a run.
 */
const SUITES: Suite[] = [
  storeSuite,
  librarySuite,
  importSuite,
  importThroughputSuite,
  launchSuite,
  searchSuite,
  selectionSuite,
  marksSuite,
  memorySuite,
  exportSuite,
  damageSuite,
  offlineSuite,
];

const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const only = process.env.BENCH_SUITES?.split(',');
const { context, dispose } = createContext(sizes);
const figures: Figure[] = [];
try {
  for (const suite of SUITES.filter((candidate) => !only || only.includes(candidate.name))) {
    console.error(`running ${suite.name}…`);
    figures.push(...(await suite.run(context)));
  }
} finally {
  await dispose();
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
const format = (value: number) =>
  Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 2 : 1);
const lines = [
  `Machine: ${machine}. Command: \`npm run bench\` (${new Date().toISOString().slice(0, 10)}).`,
  '',
  '| suite | figure | bulletins | value | baseline (same run) | ratio | goal |',
  '|---|---|---:|---:|---|---:|---|',
  ...figures.map((figure) => {
    const baseline = figure.baseline
      ? `${figure.baseline.name}: ${format(figure.baseline.value)} ${figure.unit}`
      : '';
    const ratio = figure.baseline?.value ? `${(figure.value / figure.baseline.value).toFixed(2)}×` : '';
    return `| ${figure.suite} | ${figure.name} | ${figure.size} | ${format(figure.value)} ${figure.unit} | ${baseline} | ${ratio} | ${figure.goal ?? ''} |`;
  }),
];
console.log(lines.join('\n'));
await writeFile(
  fileURLToPath(new URL('./results.json', import.meta.url)),
  JSON.stringify({ machine, date: new Date().toISOString(), figures }, null, 2),
);
