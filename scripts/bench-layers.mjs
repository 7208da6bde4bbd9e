// npm run bench:layers — Berth's layer index against the engine's own export plus a plain listing, in one run.
// Starts its own engine, builds offline an image of 6 layers and over 50,000 files (with overwrites and
// deletions), then prints:
//  (a) the reference: `docker save IMAGE | tar -x`, then `tar -t` of every layer's tar
//  (b) Berth's index of all layers, from opening the Layers tab to the first layer's tree in the renderer (cold
//      index cache), as a ratio to (a)
//  (c) the same on the already indexed image (a fresh page)
//  (d) a path search over all layers, from the click to the results on screen
//  (e) renderer JS heap and longest main-thread task
// Figures only, each printed beside its target from issue #14: nothing is asserted.
/* global window, document, requestAnimationFrame, HTMLInputElement -- page.evaluate's functions run in the browser */
import { execFileSync, execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tar from 'tar-stream';
import { launchChromium } from './bench-cdp.mjs';
import { buildFixtures, startTestEngine } from './test-engine.mjs';

const FIXTURE = 'berth-fixture/busybox:1';
const IMAGE = 'berth-bench/layers:1';
const PER_FOLDER = 26_000;
const ROUNDS = 3;

// The fixture gives 2 layers; 4 steps make 6. Step 3 adds /data/a, step 4 /data/b (from tars made here, which
// ADD unpacks: far quicker than a shell loop on the test engine's vfs), step 5 overwrites 5,000 files of a, step 6
// deletes /data/b/f1* and adds /data/c.
const DOCKERFILE = `FROM ${FIXTURE}
LABEL berth.test=1
ADD a.tar /data/a/
ADD b.tar /data/b/
ADD over.tar /data/a/
RUN rm -f /data/b/f1* && mkdir /data/c && echo c > /data/c/new
`;

/** A tar of `count` small files f<from>..f<from+count-1>, each holding one line. */
async function makeTar(file, from, count, text) {
  const pack = tar.pack();
  const out = fs.createWriteStream(file);
  pack.pipe(out);
  for (let i = from; i < from + count; i++) pack.entry({ name: `f${i}`, mode: 0o644 }, `${text} ${i}\n`);
  pack.finalize();
  await new Promise((resolve, reject) => out.on('finish', resolve).on('error', reject));
}

async function buildImage(host) {
  const context = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-bench-ctx-'));
  try {
    await makeTar(path.join(context, 'a.tar'), 0, PER_FOLDER, 'a');
    await makeTar(path.join(context, 'b.tar'), 0, PER_FOLDER, 'b');
    await makeTar(path.join(context, 'over.tar'), 0, 5000, 'overwritten');
    fs.writeFileSync(path.join(context, 'Dockerfile'), DOCKERFILE);
    execFileSync('docker', ['-H', host, 'build', '-q', '-t', IMAGE, context], {
      env: { ...process.env, DOCKER_BUILDKIT: '0' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } finally {
    fs.rmSync(context, { recursive: true, force: true });
  }
}

const ms = (n) => `${n.toFixed(0)} ms`;
const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const log = (...a) => console.log(...a);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function reference(host) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-bench-save-'));
  try {
    const started = performance.now();
    execSync(`docker -H ${host} save ${IMAGE} | tar -x -C ${dir}`, { stdio: 'ignore' });
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    let names = 0;
    for (const layer of manifest[0].Layers) {
      names += execFileSync('tar', ['-tf', path.join(dir, layer)], { maxBuffer: 1 << 28 })
        .toString()
        .split('\n').length;
    }
    return { ms: performance.now() - started, names, layers: manifest[0].Layers.length };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function serve(host, home) {
  const child = spawn(process.execPath, ['scripts/serve.mjs', '--port', '0'], {
    // A home of its own: the index cache starts empty, and nobody else's is touched.
    env: { ...process.env, DOCKER_HOST: host, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') },
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

function pageHelpers() {
  window.__longestTask = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longestTask = Math.max(window.__longestTask, e.duration);
  }).observe({ type: 'longtask', buffered: true });
  const until = (test, timeoutMs = 600_000) =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const check = () => {
        const value = test();
        if (value) return resolve(value);
        if (performance.now() - started > timeoutMs) return reject(new Error(`timed out: ${test}`));
        requestAnimationFrame(check);
      };
      check();
    });
  const button = (name, within = document) =>
    [...within.querySelectorAll('button,[role=tab]')].find(
      (b) => (b.getAttribute('aria-label') ?? b.textContent.trim()) === name,
    );
  window.__bench = { until, button };
}

/** Opens the image page, clicks the Layers tab and resolves with ms until the first tree row is drawn. */
async function openLayers(browser, url) {
  const page = await browser.newPage();
  await page.addInitScript(pageHelpers);
  await page.goto(url);
  const took = await page.evaluate(async (image) => {
    const { until, button } = window.__bench;
    const nav = await until(() => document.querySelector('nav[aria-label=Sections]'));
    (await until(() => button('Images', nav))).click();
    (await until(() => button(`Open image ${image}`))).click();
    const tab = await until(() => button('Layers'));
    window.__longestTask = 0;
    const started = performance.now();
    tab.click();
    await until(() => document.querySelector('[role=tree] [role=treeitem]'));
    return performance.now() - started;
  }, IMAGE);
  return { page, took };
}

/** Types a query, clicks Search and resolves with ms until the results are on screen. */
const searchOnce = (page, query) =>
  page.evaluate(async (query) => {
    const { until, button } = window.__bench;
    const box = document.querySelector('input[type=search][aria-label="Search paths in all layers"]');
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(box, query);
    box.dispatchEvent(new Event('input', { bubbles: true }));
    const go = await until(() => !button('Search')?.disabled && button('Search'));
    const before = document.querySelector('section[aria-label="Search results"] [role=status]')?.textContent;
    const started = performance.now();
    go.click();
    await until(() => {
      const text = document.querySelector('section[aria-label="Search results"] [role=status]')?.textContent;
      return text && text !== before && text.includes(query);
    });
    return performance.now() - started;
  }, query);

async function main() {
  const engine = await startTestEngine({ name: 'benchl' });
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-bench-home-'));
  let server;
  let browser;
  try {
    await buildFixtures(engine.host);
    const builtAt = performance.now();
    await buildImage(engine.host);
    log(`built ${IMAGE} in ${ms(performance.now() - builtAt)}`);
    reference(engine.host); // warm the engine's and the kernel's caches
    const refs = [];
    for (let i = 0; i < ROUNDS; i++) refs.push(reference(engine.host));
    const a = median(refs.map((r) => r.ms));
    log(
      `(a) docker save | tar -x, then tar -t of each of ${refs[0].layers} layers (${refs[0].names.toLocaleString()} names), median of ${ROUNDS}: ${ms(a)}`,
    );

    server = await serve(engine.host, home);
    browser = await launchChromium();
    const cold = await openLayers(browser, server.url);
    log(
      `(b) Berth's index of every layer, Layers tab to the first tree in the renderer (empty cache): ${ms(cold.took)} = ${(cold.took / a).toFixed(2)} x (a) (target: at most 1.5 x)`,
    );
    let heap = await cold.page.heap();
    let longest = await cold.page.evaluate(() => window.__longestTask);
    await cold.page.close();

    const warm = [];
    let page;
    for (let i = 0; i < ROUNDS; i++) {
      const opened = await openLayers(browser, server.url);
      warm.push(opened.took);
      heap = Math.max(heap, await opened.page.heap());
      longest = Math.max(longest, await opened.page.evaluate(() => window.__longestTask));
      if (i < ROUNDS - 1) await opened.page.close();
      else page = opened.page;
    }
    log(
      `(c) first layer's tree on the indexed image, median of ${ROUNDS}: ${ms(median(warm))} (${warm.map(ms).join(', ')}) (target: at most 300 ms)`,
    );

    const searches = [];
    for (const query of ['f12345', 'data/c/f9*', 'f2500']) searches.push(await searchOnce(page, query));
    heap = Math.max(heap, await page.heap());
    longest = Math.max(longest, await page.evaluate(() => window.__longestTask));
    log(
      `(d) path search over all layers (substring, glob, substring): ${searches.map(ms).join(', ')}; median ${ms(median(searches))} (target: at most 100 ms)`,
    );
    log(
      `(e) renderer JS heap: max ${mb(heap)} (target: at most 200 MB); longest main-thread task: ${longest === 0 ? 'none of 50 ms or more' : ms(longest)} (target: at most 100 ms)`,
    );
  } finally {
    await browser?.close();
    server?.stop();
    await engine.remove();
    fs.rmSync(home, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
