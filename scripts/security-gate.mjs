// `npm run security`: Electronegativity over the Electron code (electron/, without tests and test helpers, plus
// the renderer's index.html for its CSP). Fails on any finding above INFORMATIONAL that
// security/electronegativity-accepted.json does not accept with a reason; see scripts/security-gate.judge.mjs.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { judge, snippetOf } from './security-gate.judge.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const ACCEPTED = path.join(root, 'security', 'electronegativity-accepted.json');

// The version Electronegativity checks against: the installed Electron, not its guess from package.json.
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const runner = require('@doyensec/electronegativity');
const run = runner.default ?? runner;

const scan = mkdtempSync(path.join(tmpdir(), 'berth-security-'));
let result;
try {
  cpSync(path.join(root, 'electron'), scan, {
    recursive: true,
    filter: (source) => !/\.test(-helper)?\.[cm]?[jt]s$/.test(source) && !source.includes(`${path.sep}testing`),
  });
  cpSync(path.join(root, 'renderer', 'index.html'), path.join(scan, 'renderer', 'index.html'));
  result = await run(
    { input: scan, isRelative: true, electronVersionOverride: electronVersion, customScan: [], excludeFromScan: [] },
    false,
  );
} finally {
  rmSync(scan, { recursive: true, force: true });
}

/** The text of a scanned file's line, read from the source (the scan copy is gone by now). */
const lineOf = (file, line) => {
  const source = file.startsWith('renderer/') ? path.join(root, file) : path.join(root, 'electron', file);
  return readFileSync(source, 'utf8').split('\n')[line - 1] ?? '';
};
const findings = result.issues.map((issue) => ({
  id: issue.id,
  file: issue.file.split(path.sep).join('/'),
  line: issue.location.line,
  code: lineOf(issue.file.split(path.sep).join('/'), issue.location.line).trim(),
  snippet: snippetOf(lineOf(issue.file.split(path.sep).join('/'), issue.location.line)),
  severity: issue.severity.name,
  confidence: issue.confidence.name,
  description: issue.description,
}));
const accepted = JSON.parse(readFileSync(ACCEPTED, 'utf8')).accepted;
const verdict = judge(findings, accepted);

const show = (f) => `${f.severity}/${f.confidence} ${f.id} at ${f.file}:${f.line}`;
console.log(
  `Electronegativity (Electron ${electronVersion}): ${result.atomicChecks} checks + ${result.globalChecks} global, ` +
    `${findings.length} findings, ${result.errors.length} files it could not parse.`,
);
for (const f of verdict.informational) console.log(`  info      ${show(f)}`);
for (const f of verdict.acceptedFindings) {
  const why = accepted.find((a) => a.id === f.id && a.file === f.file && a.snippet === f.snippet)?.reason;
  console.log(`  accepted  ${show(f)}\n            ${why}`);
}
for (const f of verdict.failing)
  console.log(`  FAILING   ${show(f)} (snippet ${f.snippet}: ${f.code.slice(0, 100)})\n            ${f.description}`);
for (const a of verdict.stale)
  console.log(`  STALE     ${a.id} at ${a.file} is accepted but no longer found; remove it.`);
for (const a of verdict.invalid) console.log(`  INVALID   ${a.id} at ${a.file} is accepted without a reason.`);
for (const e of result.errors) console.log(`  parse error: ${e.file ?? ''} ${e.message ?? e}`);
if (result.errors.length > 0) verdict.ok = false;
console.log(verdict.ok ? 'security: ok' : `security: FAILED (see ${path.relative(root, ACCEPTED)})`);
process.exit(verdict.ok ? 0 : 1);
