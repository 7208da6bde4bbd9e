// npm run bench:logs — Berth's log pipeline against a raw dockerode read of the same backlog, in one run.
// Starts its own engine, builds the fixture, fills a container with 1,000,000 lines, then prints:
//  (a) raw read of the backlog with dockerode (the reference)
//  (b) the same backlog through service + bridge + renderer buffer in Chromium, as a ratio to (a)
//  (c) time until the first lines are visible when the container's logs are opened
//  (d) a producer writing 20,000 lines/s for 20 s: largest lag and lines lost
//  (e) renderer JS heap and longest main-thread task during (b) and (d)
// Figures only: nothing is asserted.
/* global window, document -- the functions given to page.evaluate run in the browser */
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dockerFor, startTestEngine } from './test-engine.mjs';

const FIXTURE = 'berth-fixture/busybox:1';
const BACKLOG = 1_000_000;
const RATE = 20_000;
const SECONDS = 20;
const LINE = 'the quick brown fox jumps over the lazy dog';

const ms = (n) => `${n.toFixed(0)} ms`;
const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const log = (...a) => console.log(...a);

/** Only the busybox fixture is needed, so only it is built (offline: FROM scratch plus the host's busybox). */
function buildBusybox(host) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ctx-'));
  fs.cpSync('assets/fixtures/busybox', dir, { recursive: true });
  fs.copyFileSync('/bin/busybox', path.join(dir, 'busybox'));
  execFileSync('docker', ['-H', host, 'build', '-q', '-t', FIXTURE, dir], {
    env: { ...process.env, DOCKER_BUILDKIT: '0' },
    stdio: 'ignore',
  });
  fs.rmSync(dir, { recursive: true, force: true });
}

async function rawRead(docker, id) {
  const started = performance.now();
  const stream = await docker.getContainer(id).logs({ follow: true, stdout: true, stderr: true, timestamps: true });
  let bytes = 0;
  await new Promise((resolve, reject) => {
    stream.on('data', (c) => (bytes += c.length));
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  return { ms: performance.now() - started, bytes };
}

function serve(host) {
  const child = spawn(process.execPath, ['scripts/serve.mjs', '--port', '0'], {
    env: { ...process.env, DOCKER_HOST: host },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /Berth is serving at (\S+)/.exec(out);
      if (m) resolve({ url: m[1], stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
}

async function heapOf(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
}

/** Opens the Logs section with one container picked; resolves with ms until its first line is visible. */
async function openLogs(page, url, name) {
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Logs' }).click();
  const box = page.getByRole('checkbox', { name });
  await box.waitFor();
  const started = performance.now();
  await box.check();
  await page.locator('[role=log] [role=listitem]').first().waitFor();
  return performance.now() - started;
}

const received = (page) =>
  page.evaluate(() => {
    const s = document.querySelector('section.logs');
    return { n: Number(s?.getAttribute('data-received') ?? 0), newest: s?.getAttribute('data-newest') ?? '' };
  });
/** Runs in the page: keeps the longest main-thread task seen (Chromium's Long Tasks API). */
function watchLongTasks() {
  window.__longestTask = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longestTask = Math.max(window.__longestTask, e.duration);
  }).observe({ type: 'longtask', buffered: true });
}

const longest = (page) => page.evaluate(() => window.__longestTask ?? 0);
const resetLongest = (page) => page.evaluate(() => (window.__longestTask = 0));

async function main() {
  const engine = await startTestEngine({ name: 'bench' });
  let server;
  let browser;
  try {
    const docker = dockerFor(engine.host);
    buildBusybox(engine.host);
    const backlog = await docker.createContainer({
      name: 'bench-backlog',
      Image: FIXTURE,
      Cmd: ['awk', `BEGIN{for(i=1;i<=${BACKLOG};i++) printf "line %07d ${LINE}\\n", i}`],
      Labels: { 'berth.test': '1' },
    });
    await backlog.start();
    await backlog.wait();
    await rawRead(docker, backlog.id); // warm the engine's and the kernel's caches
    const a = await rawRead(docker, backlog.id);
    log(`(a) raw dockerode read of ${BACKLOG.toLocaleString()} lines (${mb(a.bytes)}): ${ms(a.ms)}`);

    server = await serve(engine.host);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
    const page = await browser.newPage();
    await page.addInitScript(watchLongTasks);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');

    const c = await openLogs(page, server.url, 'bench-backlog');
    await resetLongest(page);
    const bStart = performance.now();
    await page.getByRole('button', { name: 'Read whole log' }).click();
    // The end is awaited inside the page: a round trip from here every 50 ms cost about a CPU second per run,
    // taken from the pipeline being measured on a 2-core machine. The heap is sampled every 250 ms.
    const arrived = page
      .waitForFunction(
        (n) => Number(document.querySelector('section.logs')?.getAttribute('data-received')) >= n,
        BACKLOG,
        {
          polling: 50,
          timeout: 0,
        },
      )
      .then(() => performance.now());
    let heapB = 0;
    let bDone = false;
    void arrived.then(() => (bDone = true));
    while (!bDone) {
      heapB = Math.max(heapB, await heapOf(cdp));
      await Promise.race([arrived, new Promise((res) => setTimeout(res, 250))]);
    }
    const b = (await arrived) - bStart;
    const longB = await longest(page);
    log(`(b) the same backlog into the renderer's buffer through Berth: ${ms(b)} = ${(b / a.ms).toFixed(2)} x (a)`);
    log(`(c) first lines visible after opening the logs: ${ms(c)}`);

    const producer = await docker.createContainer({
      name: 'bench-producer',
      Image: FIXTURE,
      Cmd: [
        'sh',
        '-c',
        // One long-running awk paced by the wall clock: a ticker sends the time every 50 ms and awk writes the
        // lines due by then (1,000 at once), so neither process start-up nor a late tick lowers the rate.
        `while :; do echo $EPOCHREALTIME; usleep 50000; done | awk -v total=${RATE * SECONDS} -v rate=${RATE} 'NR==1{t0=$1} {due=int(($1-t0)*rate)+1000; if(due>total) due=total; while(n<due){printf "p %d %d ${LINE}\\n", int(n/1000), n%1000; n++}; fflush(); if(n>=total) exit}'`,
      ],
      Labels: { 'berth.test': '1' },
    });
    const expected = RATE * SECONDS;
    const pageD = await browser.newPage();
    const cdpD = await pageD.context().newCDPSession(pageD);
    await cdpD.send('Performance.enable');
    await pageD.addInitScript(watchLongTasks);
    await pageD.goto(server.url);
    await pageD.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Logs' }).click();
    await pageD.getByRole('checkbox', { name: 'bench-producer' }).check();
    await pageD.locator('section.logs').waitFor();
    await resetLongest(pageD);
    const dStart = performance.now();
    await producer.start();
    let lag = 0;
    let heapD = 0;
    let last = { n: 0, newest: '' };
    let exited = false;
    const done = producer.wait().then(() => (exited = true));
    while (!exited) {
      last = await received(pageD);
      if (last.newest) lag = Math.max(lag, Date.now() - Date.parse(last.newest));
      heapD = Math.max(heapD, await heapOf(cdpD));
      await new Promise((res) => setTimeout(res, 100));
    }
    await done;
    const produced = performance.now() - dStart;
    for (let i = 0; i < 50 && last.n < expected; i++) {
      await new Promise((res) => setTimeout(res, 100));
      last = await received(pageD);
    }
    const longD = await longest(pageD);
    // The producer's own run time (process start to exit), without the engine's container start-up.
    const { State } = await producer.inspect();
    const ran = (Date.parse(State.FinishedAt) - Date.parse(State.StartedAt)) / 1000;
    log(
      `(d) producer: ${expected.toLocaleString()} lines in ${(produced / 1000).toFixed(1)} s from start() (${Math.round(expected / (produced / 1000)).toLocaleString()} lines/s), ${ran.toFixed(1)} s of its process (${Math.round(expected / ran).toLocaleString()} lines/s); largest lag ${ms(lag)}; lines lost ${expected - last.n}`,
    );
    log(`(e) renderer JS heap: max ${mb(heapB)} during (b), ${mb(heapD)} during (d) (cap 100,000 lines)`);
    log(`    longest main-thread task: ${ms(longB)} during (b), ${ms(longD)} during (d)`);
  } finally {
    await browser?.close();
    server?.stop();
    await engine.remove();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
