// npm run soak [-- --quick] — a bounded soak of Berth against its own throwaway engine.
// Starts an engine (scripts/test-engine.mjs), Berth's bridge (scripts/serve.mjs) and Chromium (Playwright), opens one
// page following a container's logs and one following its stats, then churns containers through
// create/start/stop/remove (500, or 50 with --quick, after a warm-up of a tenth as many) while the watched container prints numbered lines.
// Prints memory of the bridge (VmRSS of its process tree) and of the renderer (CDP JSHeapUsedSize after a GC) at start
// and end, lines lost, and errors. Exits 1 when growth >= 20 %, a line was lost or an unexpected error happened.
/* global document -- page.evaluate's functions run in the browser */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { buildFixtures, dockerFor, startTestEngine } from './test-engine.mjs';

const QUICK = process.argv.includes('--quick');
const CHURN = QUICK ? 50 : 500;
const LINES = QUICK ? 400 : 4000;
const LINE_GAP_S = 0.1;
const DEADLINE_MS = (QUICK ? 3 : 14) * 60_000;
const GROWTH_LIMIT = 0.2;
const FIXTURE = 'berth-fixture/busybox:1';
const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const log = (...a) => console.log(...a);

/** Resident memory in bytes of `root` and all its descendants, from /proc. */
function rssOfTree(root) {
  const parent = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Ended while listing.
    }
  }
  const inTree = (pid) => {
    for (let p = pid; p > 1; p = parent.get(p) ?? 0) if (p === root) return true;
    return false;
  };
  let bytes = 0;
  for (const pid of parent.keys()) {
    if (!inTree(pid)) continue;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      bytes += Number(m?.[1] ?? 0) * 1024;
    } catch {
      // Ended.
    }
  }
  return bytes;
}

function serve(host) {
  const child = spawn(process.execPath, ['scripts/serve.mjs', '--port', '0'], {
    env: { ...process.env, DOCKER_HOST: host, BERTH_CONFIG_DIR: fs.mkdtempSync('/tmp/berth-soak-config-') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr = [];
  child.stderr.on('data', (d) => stderr.push(String(d)));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /Berth is serving at (\S+)/.exec(out);
      if (m) resolve({ url: m[1], pid: child.pid, stderr, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr.join('')}`)));
  });
}

async function heap(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
}

async function main() {
  const started = Date.now();
  const errors = [];
  const engine = await startTestEngine({ name: 'soak' });
  let served;
  let browser;
  try {
    await buildFixtures(engine.host);
    const docker = dockerFor(engine.host);
    served = await serve(engine.host);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
    const watched = `berth-soak-watched-${Date.now().toString(36)}`;
    const script = `sleep 3; i=1; while [ $i -le ${LINES} ]; do echo "soak line $i"; i=$((i+1)); sleep ${LINE_GAP_S}; done; sleep 3600`;
    const target = await docker.createContainer({
      name: watched,
      Image: FIXTURE,
      Cmd: ['sh', '-c', script],
      Labels: { 'berth.test': '1' },
    });
    await target.start();

    const pages = [];
    for (const kind of ['logs', 'stats']) {
      const page = await browser.newPage();
      page.on('pageerror', (e) => errors.push(`${kind} page: ${e.message}`));
      page.on('console', (m) => m.type() === 'error' && errors.push(`${kind} console: ${m.text()}`));
      await page.goto(served.url);
      if (kind === 'logs') {
        await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Logs' }).click();
        await page.getByRole('checkbox', { name: watched }).check();
      } else {
        await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Containers' }).click();
        await page.getByRole('button', { name: watched, exact: true }).click();
        await page.getByRole('tab', { name: 'Stats', exact: true }).click();
      }
      pages.push(page);
    }
    const [logsPage, statsPage] = pages;
    await new Promise((r) => setTimeout(r, 3000));
    const cold = { bridge: rssOfTree(served.pid), logs: await heap(logsPage), stats: await heap(statsPage) };
    log(`cold:  bridge RSS ${mb(cold.bridge)}, renderer heap logs ${mb(cold.logs)} stats ${mb(cold.stats)}`);

    // A warm-up of a tenth of the churn first: the start figures are those of a bridge and pages that have
    // already served every kind of request once (lazy code, pools, caches), so growth measures what accumulates.
    const warmUp = Math.max(1, Math.round(CHURN / 10));
    let start;
    let churned = 0;
    for (let i = 0; i < CHURN + warmUp && Date.now() - started < DEADLINE_MS; i++) {
      if (i === warmUp) {
        start = { bridge: rssOfTree(served.pid), logs: await heap(logsPage), stats: await heap(statsPage) };
        log(`start: bridge RSS ${mb(start.bridge)}, renderer heap logs ${mb(start.logs)} stats ${mb(start.stats)}`);
      }
      try {
        const c = await docker.createContainer({
          name: `berth-soak-${i}`,
          Image: FIXTURE,
          Cmd: ['sleep', '600'],
          Labels: { 'berth.test': '1' },
        });
        await c.start();
        await c.stop({ t: 0 });
        await c.remove();
        if (i >= warmUp) churned++;
      } catch (err) {
        errors.push(`churn ${i}: ${err.message}`);
      }
      if (i >= warmUp && (i + 1 - warmUp) % Math.max(1, CHURN / 10) === 0) log(`churned ${i + 1 - warmUp}/${CHURN}`);
    }

    start ??= cold;

    // Every line printed must reach the renderer (the view counts what it received).
    const received = () =>
      logsPage.evaluate(() => Number(document.querySelector('section.logs')?.getAttribute('data-received') ?? 0));
    const waitUntil = Date.now() + LINES * LINE_GAP_S * 1000 * 3 + 30_000;
    while ((await received()) < LINES && Date.now() < waitUntil) await new Promise((r) => setTimeout(r, 1000));
    const got = await received();
    const lastShown = await logsPage.getByRole('log', { name: 'Log lines' }).textContent();
    const statsShown = (await statsPage.getByRole('main').textContent()) ?? '';

    const end = { bridge: rssOfTree(served.pid), logs: await heap(logsPage), stats: await heap(statsPage) };
    const growth = (a, b) => (b - a) / a;
    log(`end:   bridge RSS ${mb(end.bridge)}, renderer heap logs ${mb(end.logs)} stats ${mb(end.stats)}`);
    log(
      `growth: bridge ${(growth(start.bridge, end.bridge) * 100).toFixed(1)} %, ` +
        `renderer logs ${(growth(start.logs, end.logs) * 100).toFixed(1)} %, ` +
        `stats ${(growth(start.stats, end.stats) * 100).toFixed(1)} %`,
    );
    log(`containers churned: ${churned}/${CHURN} (after ${warmUp} to warm up)`);
    // A churn the deadline cut short has not shown what 500 containers do: said, and counted as a missed target.
    if (churned < CHURN)
      errors.push(`the ${DEADLINE_MS / 60_000}-minute deadline stopped the churn at ${churned}/${CHURN}`);
    log(`lines: printed ${LINES}, received by the renderer ${got}, lost ${Math.max(0, LINES - got)}`);
    if (!lastShown?.includes(`soak line ${LINES}`)) errors.push(`the log view does not show "soak line ${LINES}"`);
    if (!/\d/.test(statsShown)) errors.push('the stats tab shows no figures');
    log(`errors: ${errors.length}`);
    for (const e of errors.slice(0, 20)) log(`  ${e}`);
    log(`took ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const failed =
      growth(start.bridge, end.bridge) >= GROWTH_LIMIT ||
      growth(start.logs, end.logs) >= GROWTH_LIMIT ||
      growth(start.stats, end.stats) >= GROWTH_LIMIT ||
      got < LINES ||
      errors.length > 0;
    log(failed ? 'soak: FAILED a target' : 'soak: all targets met');
    process.exitCode = failed ? 1 : 0;
    await target.remove({ force: true });
  } finally {
    await browser?.close();
    served?.stop();
    await engine.remove();
  }
}

await main();
