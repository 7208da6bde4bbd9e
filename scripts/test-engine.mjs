// A throwaway Docker Engine for tests: its own dockerd on a private socket under /tmp, fixture images built
// offline from the host's static busybox, and a cleanup for engines the developer lends us via TEST_DOCKER_HOST.
// Importable (startTestEngine, buildFixtures, cleanupLabelled, pingHost, dockerFor) and runnable:
//   node scripts/test-engine.mjs            start one, build fixtures, print DOCKER_HOST, stop on Ctrl-C
//   node scripts/test-engine.mjs cleanup    remove everything labelled berth.test=1 from TEST_DOCKER_HOST
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Docker from 'dockerode';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES_DIR = path.join(ROOT, 'assets', 'fixtures');
const BUSYBOX = '/bin/busybox';
const STARTUP_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 15_000;
export const TEST_LABEL = 'berth.test';

/** Engines started by this process, so that they are stopped even when the process dies early. */
const live = new Set();

export class TestEngineError extends Error {}

/** Starts a private dockerd and resolves once it answers /_ping. */
export async function startTestEngine({ dir, name = 'eng' } = {}) {
  preflight();
  sweepStale();
  // Unix socket paths are limited to 107 bytes, hence a short directory straight under /tmp.
  const base = dir ?? fs.mkdtempSync(path.join('/tmp', `berth-${name}-`));
  fs.mkdirSync(base, { recursive: true });
  fs.writeFileSync(path.join(base, 'owner.pid'), String(process.pid));
  // An empty config file keeps the host's /etc/docker/daemon.json out of the test engine.
  fs.writeFileSync(path.join(base, 'daemon.json'), '{}');
  const socket = path.join(base, 'docker.sock');
  const engine = {
    host: `unix://${socket}`,
    dir: base,
    child: undefined,
    start: () => launch(engine),
    stop: () => halt(engine),
    /** Stops the engine and deletes its directory. */
    remove: async () => {
      await halt(engine);
      removeDir(base);
    },
  };
  await launch(engine);
  return engine;
}

function preflight() {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new TestEngineError(
      'dockerd needs root; run as root or set TEST_DOCKER_HOST to an engine you own (for example unix:///var/run/docker.sock).',
    );
  }
  if (!onPath('dockerd')) {
    throw new TestEngineError('dockerd is not installed; run `apt-get install docker.io` (or set TEST_DOCKER_HOST).');
  }
  checkBusybox();
}

function checkBusybox() {
  if (!fs.existsSync(BUSYBOX)) {
    throw new TestEngineError(`${BUSYBOX} is missing; the fixture images need it: run \`apt-get install busybox-static\`.`);
  }
  if (isDynamicElf(fs.readFileSync(BUSYBOX))) {
    throw new TestEngineError(
      `${BUSYBOX} is dynamically linked and cannot run in a FROM-scratch image; run \`apt-get install busybox-static\`.`,
    );
  }
}

/** True when a 64-bit little-endian ELF file asks for a program interpreter (PT_INTERP). */
function isDynamicElf(buf) {
  if (buf.length < 64 || buf.readUInt32BE(0) !== 0x7f454c46 || buf[4] !== 2 || buf[5] !== 1) return false;
  const phoff = Number(buf.readBigUInt64LE(0x20));
  const phentsize = buf.readUInt16LE(0x36);
  const phnum = buf.readUInt16LE(0x38);
  for (let i = 0; i < phnum; i++) {
    if (buf.readUInt32LE(phoff + i * phentsize) === 3) return true;
  }
  return false;
}

function onPath(cmd) {
  const dirs = (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/usr/bin', '/sbin', '/bin']);
  return dirs.some((d) => d && fs.existsSync(path.join(d, cmd)));
}

async function launch(engine) {
  if (engine.child && engine.child.exitCode === null) return;
  const { dir } = engine;
  const socket = path.join(dir, 'docker.sock');
  const logPath = path.join(dir, 'dockerd.log');
  const log = fs.openSync(logPath, 'a');
  const args = [
    '--host', engine.host,
    '--data-root', path.join(dir, 'data'),
    '--exec-root', path.join(dir, 'exec'),
    '--pidfile', path.join(dir, 'docker.pid'),
    '--config-file', path.join(dir, 'daemon.json'),
    '--iptables=false', '--ip-masq=false', '--bridge=none', '--storage-driver=vfs',
    // Tests stop the engine on purpose; a long wait for busy containers would only slow them down.
    '--shutdown-timeout=3',
  ];
  // Own process group, so a Ctrl-C meant for the test runner does not reach dockerd before we stop it cleanly.
  const child = spawn('dockerd', args, { detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  engine.child = child;
  engine.exited = new Promise((resolve) => child.once('exit', resolve));
  live.add(engine);
  child.unref();
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      live.delete(engine);
      throw new TestEngineError(`dockerd exited during startup (${child.exitCode ?? child.signalCode}).\n${tail(logPath)}`);
    }
    if (await ping({ socketPath: socket })) return;
    await sleep(200);
  }
  await halt(engine);
  throw new TestEngineError(`dockerd did not answer on ${socket} within ${STARTUP_TIMEOUT_MS / 1000} s.\n${tail(logPath)}`);
}

async function halt(engine) {
  const child = engine.child;
  if (!child) return;
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    let timer;
    const grace = new Promise((resolve) => (timer = setTimeout(resolve, STOP_GRACE_MS, true)));
    const timedOut = await Promise.race([engine.exited.then(() => false), grace]);
    clearTimeout(timer);
    if (timedOut) {
      killGroup(child.pid, 'SIGKILL');
      await engine.exited;
    }
  }
  // containerd and its shims live outside dockerd's group; anything still naming our directory is ours.
  await reap(engine.dir);
  engine.child = undefined;
  live.delete(engine);
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** Kills every process whose command line mentions `dir` (containerd, shims) and waits until they are gone. */
async function reap(dir) {
  for (let round = 0; round < 50; round++) {
    const pids = processesMentioning(dir);
    if (pids.length === 0) return;
    for (const pid of pids) {
      try {
        process.kill(pid, round < 10 ? 'SIGTERM' : 'SIGKILL');
      } catch {
        // Exited meanwhile.
      }
    }
    await sleep(100);
  }
}

function processesMentioning(dir) {
  const needle = `${dir}/`;
  const found = [];
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmdline.includes(needle)) found.push(pid);
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

/** Stops engines left behind by runs that died (their owner process is gone) and removes their directories. */
function sweepStale() {
  for (const entry of fs.readdirSync('/tmp')) {
    if (!entry.startsWith('berth-')) continue;
    const dir = path.join('/tmp', entry);
    let owner;
    try {
      owner = Number(fs.readFileSync(path.join(dir, 'owner.pid'), 'utf8'));
    } catch {
      continue;
    }
    if (isAlive(owner)) continue;
    for (const pid of processesMentioning(dir)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Exited meanwhile.
      }
    }
    try {
      removeDir(dir);
    } catch (err) {
      console.warn(`Could not remove a stale test engine directory: ${err.message}`);
    }
  }
}

/** Removes an engine directory, first undoing mounts a killed dockerd left in it (it bind-mounts its data root). */
function removeDir(dir) {
  const mounts = fs
    .readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[4])
    .filter((mountPoint) => mountPoint && (mountPoint === dir || mountPoint.startsWith(`${dir}/`)))
    .sort((a, b) => b.length - a.length);
  for (const mountPoint of mounts) spawnSync('umount', ['-l', mountPoint]);
  fs.rmSync(dir, { recursive: true, force: true });
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function stopAllNow() {
  // Synchronous on purpose ('exit' handlers cannot wait): dockerd finishes its own shutdown, containerd included.
  for (const engine of live) engine.child?.kill('SIGTERM');
  live.clear();
}

process.on('exit', stopAllNow);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stopAllNow();
    // Keep the default behaviour (terminate) unless the host process installed its own handler.
    if (process.listenerCount(signal) === 1) process.exit(128 + os.constants.signals[signal]);
  });
}

function tail(file, lines = 25) {
  try {
    const text = fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    return `Last lines of ${file}:\n${text}`;
  } catch {
    return `(no log at ${file})`;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Connection options for a DOCKER_HOST-style address (unix:// or tcp://). */
export function connectionFor(host) {
  if (host.startsWith('unix://')) return { socketPath: host.slice('unix://'.length) };
  const url = new URL(host.replace(/^tcp:/, 'http:'));
  return { host: url.hostname, port: Number(url.port || 2375), protocol: 'http' };
}

export function dockerFor(host) {
  return new Docker(connectionFor(host));
}

function ping(conn, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const req = http.get({ ...conn, path: '/_ping', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}

/** True when the engine at `host` answers /_ping. */
export function pingHost(host, timeoutMs) {
  return ping(connectionFor(host), timeoutMs);
}

/**
 * Builds every assets/fixtures/<name>/Dockerfile as berth-fixture/<name>:1 with the classic builder (offline:
 * FROM scratch + the host's static busybox copied into a temporary context). Returns the tags built.
 */
export async function buildFixtures(host) {
  checkBusybox();
  const docker = dockerFor(host);
  const tags = [];
  for (const name of fs.readdirSync(FIXTURES_DIR).sort()) {
    const dockerfile = path.join(FIXTURES_DIR, name, 'Dockerfile');
    if (!fs.existsSync(dockerfile)) continue;
    const context = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-ctx-'));
    try {
      fs.cpSync(path.join(FIXTURES_DIR, name), context, { recursive: true });
      fs.copyFileSync(BUSYBOX, path.join(context, 'busybox'));
      fs.chmodSync(path.join(context, 'busybox'), 0o755);
      const tag = `berth-fixture/${name}:1`;
      const stream = await docker.buildImage({ context, src: fs.readdirSync(context) }, { t: tag, version: '1' });
      await followBuild(docker, stream, tag);
      tags.push(tag);
    } finally {
      fs.rmSync(context, { recursive: true, force: true });
    }
  }
  return tags;
}

function followBuild(docker, stream, tag) {
  return new Promise((resolve, reject) => {
    docker.modem.followProgress(stream, (err, output) => {
      const failed = err ?? output.find((line) => line.error)?.error;
      if (failed) reject(new TestEngineError(`Building ${tag} failed: ${failed.message ?? failed}`));
      else resolve();
    });
  });
}

/**
 * Removes what tests left on an engine we do not own: containers labelled berth.test=1 (forced, with volumes),
 * then labelled volumes, networks and images. Fixture images (berth-fixture/*) stay unless `fixtures` is true.
 */
export async function cleanupLabelled(host, { fixtures = false } = {}) {
  const docker = dockerFor(host);
  const filters = { label: [`${TEST_LABEL}=1`] };
  for (const c of await docker.listContainers({ all: true, filters })) {
    await ignoreNotFound(docker.getContainer(c.Id).remove({ force: true, v: true }));
  }
  for (const v of (await docker.listVolumes({ filters })).Volumes ?? []) {
    await ignoreNotFound(docker.getVolume(v.Name).remove());
  }
  for (const n of await docker.listNetworks({ filters })) {
    await ignoreNotFound(docker.getNetwork(n.Id).remove());
  }
  for (const image of await docker.listImages({ filters })) {
    const isFixture = (image.RepoTags ?? []).some((t) => t.startsWith('berth-fixture/'));
    if (isFixture && !fixtures) continue;
    await ignoreNotFound(docker.getImage(image.Id).remove({ force: true }));
  }
}

async function ignoreNotFound(promise) {
  try {
    await promise;
  } catch (err) {
    if (err?.statusCode !== 404) throw err;
  }
}

async function main(command) {
  if (command === 'cleanup') {
    const host = process.env.TEST_DOCKER_HOST;
    if (!host) throw new TestEngineError('Set TEST_DOCKER_HOST to the engine to clean.');
    await cleanupLabelled(host, { fixtures: true });
    console.log(`Removed everything labelled ${TEST_LABEL}=1 from ${host}.`);
    return;
  }
  const engine = await startTestEngine();
  console.log(`Fixtures: ${(await buildFixtures(engine.host)).join(', ')}`);
  console.log(`Test engine running (log: ${engine.dir}/dockerd.log). Ctrl-C stops it.`);
  console.log(`export DOCKER_HOST=${engine.host} TEST_DOCKER_HOST=${engine.host}`);
  await new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await engine.remove();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv[2]).catch((err) => {
    console.error(err instanceof TestEngineError ? err.message : err);
    process.exitCode = 1;
  });
}
