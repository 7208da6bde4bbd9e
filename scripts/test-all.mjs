// `npm test`: typecheck, lint, the security gate, unit, integration, E2E and the core E2E specs again on Podman, with
// ONE test engine for the last three (unless TEST_DOCKER_HOST names one; the Podman phase takes its fixture images
// from it), stopped at the end whatever happens. The integration and Podman phases mostly wait on engines, so they run
// in the background from the start, their output kept in test-results/*.log and printed when they end; the checks and
// unit tests run meanwhile, and the E2E phase on Docker runs alone afterwards (its timings are the touchiest).
// Ends with a summary whose last line is `total: N passed, M failed[, K skipped]`; exits 1 if any phase failed or ran
// no test.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFixtures, startTestEngine } from './test-engine.mjs';
import { podmanInstalled } from './test-podman.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = path.join(ROOT, 'test-results');
const BIN = path.join(ROOT, 'node_modules', '.bin');

/** Children still running; each in its own process group. */
const children = new Set();
let interrupted;

// Children run in their own process group, so a Ctrl-C reaches them once, from here, and the engine is still
// stopped afterwards.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    interrupted ??= signal;
    for (const child of children) if (child.pid) killGroup(child.pid, signal);
  });
}
process.on('exit', () => {
  for (const child of children) if (child.pid) killGroup(child.pid, 'SIGKILL');
});

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** Runs a command; its output goes to ours, or to `logFile` when given (for a phase that runs in the background). */
function run(command, args, env = {}, logFile) {
  return new Promise((resolve) => {
    const out = logFile ? fs.openSync(logFile, 'w') : 'inherit';
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? (process.stdout.isTTY ? '1' : '0'), ...env },
      stdio: ['ignore', out, out],
      detached: true,
    });
    if (typeof out === 'number') fs.closeSync(out);
    children.add(child);
    child.once('error', (err) => {
      children.delete(child);
      resolve({ code: 1, error: err.message });
    });
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code: code ?? 1, signal });
    });
  });
}

function banner(title) {
  console.log(`\n=== ${title} ===`);
}

/** Outcome of a phase: counts, whether it failed, and plain notes saying why. */
function outcome(name) {
  return { name, passed: 0, failed: 0, skipped: 0, ok: true, notes: [], skips: [] };
}

function fail(result, note) {
  result.ok = false;
  if (note) result.notes.push(note);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

async function checkPhase(name, script) {
  banner(name);
  const result = outcome(name);
  const { code, error } = await run('npm', ['run', '--silent', script]);
  if (code !== 0) fail(result, error ?? `\`npm run ${script}\` exited with ${code}`);
  return result;
}

async function vitestPhase(name, config, env, logFile) {
  if (!logFile) banner(name);
  const result = outcome(name);
  const report = path.join(RESULTS, `${name}.json`);
  fs.rmSync(report, { force: true });
  const args = ['run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  const { code, error } = await run(path.join(BIN, 'vitest'), args, env, logFile);
  const json = readJson(report);
  if (!json) {
    fail(result, error ?? `vitest wrote no report (exit ${code})`);
    return result;
  }
  result.passed = json.numPassedTests ?? 0;
  result.failed = json.numFailedTests ?? 0;
  result.skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  // A file that fails to load has no failing test of its own; count it so that the total shows it.
  const broken = (json.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((a) => a.status === 'failed'),
  );
  for (const file of broken) {
    result.failed += 1;
    const where = path.relative(ROOT, file.name ?? '');
    fail(result, `${where} did not run: ${(file.message ?? '').split('\n')[0]}`);
  }
  if (code !== 0) fail(result, `vitest exited with ${code}`);
  return result;
}

async function e2ePhase(env, name = 'e2e', args = [], logFile) {
  if (!logFile) banner(name);
  const result = outcome(name);
  const report = path.join(RESULTS, `${name}.json`);
  fs.rmSync(report, { force: true });
  const started = Date.now();
  const { code, error } = await run(path.join(BIN, 'playwright'), ['test', ...args], env, logFile);
  result.seconds = Math.round((Date.now() - started) / 1000);
  const json = readJson(report);
  if (!json) {
    fail(result, error ?? `playwright wrote no report (exit ${code})`);
    return result;
  }
  const stats = json.stats ?? {};
  result.passed = (stats.expected ?? 0) + (stats.flaky ?? 0);
  result.failed = stats.unexpected ?? 0;
  result.skipped = stats.skipped ?? 0;
  result.skips = skipReasons(json.suites ?? []);
  for (const err of json.errors ?? []) fail(result, (err.message ?? String(err)).split('\n')[0]);
  if (code !== 0) fail(result, `playwright exited with ${code}`);
  return result;
}

/** "title: reason" for each skipped test in a Playwright JSON report. */
function skipReasons(suites) {
  const reasons = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status !== 'skipped') continue;
        const why = (t.annotations ?? []).find((a) => a.type === 'skip')?.description ?? 'no reason given';
        reasons.push(`${spec.title}: ${why}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of suites) walk(suite);
  return reasons;
}

/** The @core specs again, on Podman (playwright.podman.config.ts), in the background; without podman, one skip that says why. */
function podmanPhase(env, logFile) {
  if (!podmanInstalled()) {
    const why = 'podman is not installed (`apt-get install podman runc`)';
    fs.writeFileSync(logFile, `Podman E2E DID NOT RUN: ${why}\n`);
    return Promise.resolve({ ...outcome('e2e-podman'), skipped: 1, didNotRun: `Podman E2E DID NOT RUN: ${why}` });
  }
  return e2ePhase(env, 'e2e-podman', ['--config', 'playwright.podman.config.ts'], logFile);
}

/** Waits for a phase that ran in the background, then prints its output under its banner. */
async function backgroundResult(name, pending, logFile) {
  const result = await pending;
  banner(name);
  process.stdout.write(fs.existsSync(logFile) ? fs.readFileSync(logFile) : '');
  return result;
}

function skippedPhase(name, why) {
  const result = outcome(name);
  fail(result, why);
  return result;
}

async function main() {
  fs.mkdirSync(RESULTS, { recursive: true });
  const results = [];
  const checks = [];

  let engine;
  let engineError;
  let host = process.env.TEST_DOCKER_HOST;
  if (!host) {
    banner('test engine');
    try {
      engine = await startTestEngine({ name: 'all' });
      host = engine.host;
      console.log(`Started a throwaway dockerd at ${host}; building fixture images...`);
      console.log(`Built ${(await buildFixtures(host)).join(', ')}.`);
    } catch (err) {
      engineError = `no test engine: ${err.message}`;
      console.error(engineError);
    }
  }
  try {
    const env = { TEST_DOCKER_HOST: host };
    const logs = { integration: path.join(RESULTS, 'integration.log'), podman: path.join(RESULTS, 'e2e-podman.log') };
    let integration;
    let podman;
    if (!interrupted && !engineError) {
      // Both E2E configurations serve the same build: make it once, before either starts.
      banner('build');
      const built = await run('node', ['scripts/build.mjs', '--if-needed']);
      if (built.code !== 0) console.error(`The build failed (exit ${built.code}); the E2E phases will say more.`);
      console.log(
        'The integration and Podman E2E phases run in the background now; their output follows when they end.',
      );
      integration = vitestPhase('integration', 'vitest.integration.config.ts', env, logs.integration);
      podman = podmanPhase(env, logs.podman);
    }
    checks.push(await checkPhase('typecheck', 'typecheck'));
    if (!interrupted) checks.push(await checkPhase('lint', 'lint'));
    // Electronegativity over the Electron code; accepted findings live in security/electronegativity-accepted.json.
    if (!interrupted) checks.push(await checkPhase('security', 'security'));
    if (!interrupted) results.push(await vitestPhase('unit', 'vitest.unit.config.ts'));
    if (integration) results.push(await backgroundResult('integration', integration, logs.integration));
    if (podman) results.push(await backgroundResult('e2e-podman', podman, logs.podman));
    if (engineError) {
      for (const name of ['integration', 'e2e', 'e2e-podman']) results.push(skippedPhase(name, engineError));
    } else if (!interrupted) {
      results.push(await e2ePhase(env));
    }
  } finally {
    if (engine) {
      console.log(`\nStopping the test engine at ${engine.host}...`);
      await engine.remove();
    }
  }
  return { checks, results };
}

function summarize({ checks, results }) {
  console.log('\n=== summary ===');
  for (const check of checks) {
    console.log(`${check.name}: ${check.ok ? 'ok' : 'FAILED'}`);
    for (const note of check.notes) console.log(`  - ${note}`);
  }
  for (const name of ['unit', 'integration', 'e2e', 'e2e-podman']) {
    let result = results.find((r) => r.name === name);
    if (!result) {
      result = skippedPhase(name, `not run (interrupted by ${interrupted})`);
      results.push(result);
    }
    if (result.ok && !result.didNotRun && result.passed + result.failed === 0) fail(result, 'ran no test');
    const took = result.seconds === undefined ? '' : ` in ${result.seconds} s`;
    console.log(`${name}: ${counts(result)}${took}${result.ok ? '' : ' (FAILED)'}`);
    if (result.didNotRun) console.log(`  - ${result.didNotRun}`);
    for (const note of result.notes) console.log(`  - ${note}`);
    // A skipped test is not a pass: say which and why.
    for (const skip of result.skips) console.log(`  - skipped: ${skip}`);
  }
  const total = results.reduce(
    (sum, r) => ({ passed: sum.passed + r.passed, failed: sum.failed + r.failed, skipped: sum.skipped + r.skipped }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  // A phase that failed without a failing test of its own (lint, a broken setup, no tests) still counts once, so
  // that the closing line never reads "0 failed" for a failed run.
  const silent = [...checks, ...results].filter((r) => !r.ok && r.failed === 0).map((r) => r.name);
  if (silent.length > 0) console.log(`failed without a failing test (counted once each): ${silent.join(', ')}`);
  total.failed += silent.length;
  const ok = !interrupted && total.failed === 0;
  if (interrupted) console.log(`Interrupted by ${interrupted}.`);
  console.log(`total: ${counts(total)}`);
  return ok;
}

function counts({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

const ok = summarize(await main());
process.exit(interrupted ? 130 : ok ? 0 : 1);
