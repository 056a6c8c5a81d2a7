// Runs Doyensec's electronegativity over the app's sources (main, preload, renderer) as one app,
// so its global checks (CSP, navigation limits, permission handler) see the whole picture.
// Exits 1 on any finding that is neither suppressed in the code (`eng-disable CHECK_ID` with a
// one-line reason beside it) nor listed in ACCEPTED below with its reason.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const root = new URL('../../', import.meta.url).pathname;
const electronVersion = require('electron/package.json').version;

/** Global findings that cannot carry an inline suppression, each with why it does not apply. */
const ACCEPTED = [
  {
    id: 'CSP_GLOBAL_CHECK',
    file: 'renderer/index.html',
    reason:
      "script-src 'self' is flagged for origins that host JSONP or user uploads; app://bulletin serves only the app's own read-only bundle.",
  },
  {
    id: 'CSP_GLOBAL_CHECK',
    file: 'renderer/print.html',
    reason:
      "The print template's policy is index.html's (script-src 'self' on the app's own read-only bundle); its one-off print data is JSON, served with nosniff.",
  },
];

const scratch = mkdtempSync(join(tmpdir(), 'electronegativity-'));
try {
  for (const folder of ['main', 'preload', 'renderer'])
    cpSync(join(root, folder), join(scratch, folder), { recursive: true });
  const report = join(scratch, 'report.sarif');
  execFileSync(
    require.resolve('@doyensec/electronegativity/dist/index.js'),
    ['-i', scratch, '-e', electronVersion, '-r', '-v', 'false', '-o', report],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  /** @typedef {{ ruleId: string, message?: { text?: string }, locations?: { physicalLocation?: { artifactLocation?: { uri?: string }, region?: { startLine?: number } } }[] }} SarifResult */
  /** @type {{ runs: { results: SarifResult[] }[] }} */
  const sarif = JSON.parse(readFileSync(report, 'utf8'));
  const results = sarif.runs.flatMap((run) => run.results);
  const findings = results.map((result) => ({
    id: result.ruleId,
    file: result.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? 'N/A',
    line: result.locations?.[0]?.physicalLocation?.region?.startLine ?? 0,
    message: result.message?.text ?? '',
  }));
  const open = findings.filter(
    (finding) =>
      !ACCEPTED.some((accepted) => accepted.id === finding.id && finding.file.endsWith(accepted.file)),
  );
  for (const finding of open)
    console.error(`electronegativity: ${finding.id} ${finding.file}:${finding.line} ${finding.message}`);
  console.log(
    `electronegativity ${electronVersion}: ${findings.length} finding(s), ${findings.length - open.length} accepted with a reason, ${open.length} open`,
  );
  process.exitCode = open.length === 0 ? 0 : 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
