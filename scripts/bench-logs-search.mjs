// Figures (g) and (h) of `npm run bench:logs`: the Logs section's "Search all history" over 20 containers holding
// 1,000,000 lines in all (about 100 MB with timestamps), against `docker logs -t` of the same containers piped
// through `grep -F` (the reference), measured in the same run, taking turns.
//  (g) time from pressing Enter to the last result shown, as a ratio to the reference (target <= 1.2);
//      time from pressing Enter to the first result shown when the only match lies in the newest 10 % of one
//      log (target <= 300 ms)
//  (h) the server's JS heap (the process that plays main in browser mode; sampled through its inspector) during
//      the scans (target < 150 MB), and the renderer's longest main-thread task (target < 100 ms)
// Figures only: nothing is asserted.
/* global window, document, HTMLInputElement -- page.evaluate's functions run in the browser */
import { spawn } from 'node:child_process';
import WebSocket from 'ws';

const FIXTURE = 'berth-fixture/busybox:1';
export const SEARCH_CONTAINERS = 20;
const LINES = 50_000;
/** Every this many lines (from line HIT_EVERY/2 on) carries the needle of the full search. */
const HIT_EVERY = 5_000;
const NEEDLE = 'needle-everywhere';
/** Once each, at 95.4 % of a log: of the container listed first (created last), and of the one listed last. */
const LATE_FIRST = 'needle-late-in-first';
const LATE_LAST = 'needle-late-in-last';
const LATE_AT = 47_700;
const ROUNDS = 3;

const ms = (n) => `${n.toFixed(0)} ms`;
const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
const log = (...a) => console.log(...a);

/** 20 stopped containers of 50,000 lines each, every tenth line on stderr, about 100 bytes a line with its timestamp. */
export async function createSearchContainers(docker) {
  const names = [];
  for (let c = 1; c <= SEARCH_CONTAINERS; c++) {
    const name = `bench-search-${String(c).padStart(2, '0')}`;
    const late = c === 1 || c === SEARCH_CONTAINERS ? LATE_AT : -1;
    const lateNeedle = c === 1 ? LATE_LAST : LATE_FIRST;
    const program =
      `BEGIN{for(i=1;i<=${LINES};i++){` +
      `s=sprintf("%s %07d the quick brown fox jumps over the lazy dog %s", "${name}", i, ` +
      `(i%${HIT_EVERY}==${HIT_EVERY / 2}) ? "${NEEDLE}" : (i==${late} ? "${lateNeedle}" : "padding-padding"));` +
      `if(i%10==0) print s > "/dev/stderr"; else print s}}`;
    const container = await docker.createContainer({
      name,
      Image: FIXTURE,
      Cmd: ['awk', program],
      Labels: { 'berth.test': '1' },
    });
    await container.start();
    names.push(name);
  }
  await Promise.all(names.map((n) => docker.getContainer(n).wait()));
  return names;
}

/** The reference: `docker logs -t` of each container in turn, all through one `grep -F`. */
function reference(host, names, needle) {
  const script = `for c in ${names.join(' ')}; do docker logs -t "$c" 2>&1; done | grep -F -- '${needle}' | wc -l`;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', script], { env: { ...process.env, DOCKER_HOST: host } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve({ ms: performance.now() - started, hits: Number(out.trim()) })
        : reject(new Error(`reference exited ${code}`)),
    );
  });
}

/** The JS heap of a Node process started with --inspect, through its inspector. */
async function inspectorOf(url) {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  let next = 1;
  const pending = new Map();
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data));
    pending.get(msg.id)?.(msg.result);
    pending.delete(msg.id);
  });
  return {
    heap: () =>
      new Promise((resolve) => {
        const id = next++;
        pending.set(id, (r) => resolve(r?.usedSize ?? 0));
        ws.send(JSON.stringify({ id, method: 'Runtime.getHeapUsage' }));
      }),
    close: () => ws.close(),
  };
}

/** The bridge server with its inspector open on a free loopback port. */
export function serveInspected(host) {
  const child = spawn(process.execPath, ['--inspect=127.0.0.1:0', 'scripts/serve.mjs', '--port', '0'], {
    env: { ...process.env, DOCKER_HOST: host },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let inspector = '';
    const ready = () => {
      const m = /Berth is serving at (\S+)/.exec(out);
      if (m && inspector) {
        resolve({ url: m[1], pid: child.pid, inspector, stop: () => child.kill('SIGTERM') });
      }
    };
    child.stdout.on('data', (d) => {
      out += d;
      ready();
    });
    child.stderr.on('data', (d) => {
      const m = /Debugger listening on (ws:\/\/\S+)/.exec(String(d));
      if (m) inspector = m[1];
      else if (!/For help, see|Debugger attached/.test(String(d))) process.stderr.write(d);
      ready();
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
}

/**
 * In the page: types the needle into "Search all history for", ticks "Match case" (grep -F is case-sensitive)
 * and presses Enter; resolves with ms to the first result drawn, ms to the frame that says the scan is done, and
 * the number of lines found. With `cancel`, presses Cancel once the first result is drawn.
 */
const searchInPage = (page, needle, cancel = false) =>
  page.evaluate(
    async ({ needle, cancel }) => {
      const { until } = window.__bench;
      const input = await until(() => document.querySelector('input[aria-label="Search all history for"]'));
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      setValue.call(input, needle);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const matchCase = [...input.form.querySelectorAll('label')].find((l) => l.textContent.trim() === 'Match case');
      const box = matchCase.querySelector('input');
      if (!box.checked) box.click();
      await until(() => !input.form.querySelector('button[type=submit]').disabled, 'frame');
      const results = () => document.querySelector('ol[aria-label="Search results"]');
      const status = () => document.querySelector('[aria-label="Search progress"]')?.textContent ?? '';
      const started = performance.now();
      input.form.requestSubmit();
      // The results of the previous search stay until React draws the new run.
      await until(() => status().startsWith('Searching'), 'frame', 600_000);
      await until(() => results()?.querySelector('li'), 'frame', 600_000);
      const first = performance.now() - started;
      if (cancel) {
        window.__bench.button('Cancel').click();
        await until(() => status() === 'Search cancelled.', 'frame');
        return { first, last: 0, hits: 0 };
      }
      const text = await until(() => (/ found\.$/.test(status()) ? status() : null), 'frame', 600_000);
      const last = performance.now() - started;
      return { first, last, hits: Number(text.replace(/\D/g, '')) };
    },
    { needle, cancel },
  );

/** Runs (g) and (h) and prints them. `server` must come from serveInspected. */
export async function benchSearch({ docker, host, browser, server, pageHelpers }) {
  const names = await createSearchContainers(docker);
  const inspector = await inspectorOf(server.inspector);
  const page = await browser.newPage();
  await page.addInitScript(pageHelpers);
  await page.goto(server.url);
  await page.evaluate(async () => {
    const { until, button } = window.__bench;
    const nav = await until(() => document.querySelector('nav[aria-label=Sections]'));
    (await until(() => button('Logs', nav))).click();
    await until(() => document.querySelector('input[aria-label="Search all history for"]'));
  });
  await reference(host, names, NEEDLE); // warm the engine's and the kernel's caches
  let heap = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      heap = Math.max(heap, await inspector.heap());
      await new Promise((res) => setTimeout(res, 100));
    }
  })();
  const rounds = [];
  let longest = 0;
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      const ref = await reference(host, names, NEEDLE);
      await page.evaluate(() => (window.__longestTask = 0));
      const berth = await searchInPage(page, NEEDLE);
      longest = Math.max(longest, await page.evaluate(() => window.__longestTask ?? 0));
      rounds.push({ ref, berth });
      log(
        `round ${round}: reference ${ms(ref.ms)} (${ref.hits} lines); Berth last result ${ms(berth.last)} (${berth.hits} lines) = ${(berth.last / ref.ms).toFixed(2)} x; first result ${ms(berth.first)}`,
      );
    }
    const late = { first: [], last: [] };
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [needle, into] of [
        [LATE_FIRST, late.first],
        [LATE_LAST, late.last],
      ]) {
        await page.evaluate(() => (window.__longestTask = 0));
        into.push((await searchInPage(page, needle, true)).first);
        longest = Math.max(longest, await page.evaluate(() => window.__longestTask ?? 0));
      }
    }
    sampling = false;
    await sampler;
    const ref = median(rounds.map((r) => r.ref.ms));
    const last = median(rounds.map((r) => r.berth.last));
    const total = `${SEARCH_CONTAINERS} containers, ${(SEARCH_CONTAINERS * LINES).toLocaleString()} lines`;
    log(`(g) literal search over ${total}, median of ${ROUNDS}:`);
    log(`    reference (docker logs -t each | grep -F): ${ms(ref)}, ${rounds[0].ref.hits} lines`);
    log(`    Berth, Enter to last result: ${ms(last)} = ${(last / ref).toFixed(2)} x the reference (target <= 1.2)`);
    log(
      `    first result when the only match lies in the newest 10 % of one log (target <= 300 ms), median of ${ROUNDS}: ${ms(median(late.first))} in the container listed first, ${ms(median(late.last))} in the one listed last`,
    );
    const task = longest === 0 ? 'none of 50 ms or more' : ms(longest);
    log(`(h) server JS heap during the scans: max ${mb(heap)} (target < 150 MB)`);
    log(`    renderer's longest main-thread task during the scans: ${task} (target < 100 ms)`);
  } finally {
    sampling = false;
    await sampler;
    inspector.close();
    await page.close();
  }
}
