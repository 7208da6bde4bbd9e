// A throwaway Docker Engine for tests: its own dockerd on a private socket under /tmp. Fixture images and the
// cleanup for engines lent through TEST_DOCKER_HOST live in test-fixtures.mjs and are re-exported here.
// Importable (startTestEngine, buildFixtures, cleanupLabelled, pingHost, dockerFor) and runnable:
//   node scripts/test-engine.mjs            start one, build fixtures, print DOCKER_HOST, stop on Ctrl-C
//   node scripts/test-engine.mjs cleanup    remove everything labelled berth.test=1 from TEST_DOCKER_HOST
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFixtures, checkBusybox, cleanupLabelled, ping, TEST_LABEL, TestEngineError } from './test-fixtures.mjs';

export {
  buildFixtures,
  cleanupLabelled,
  connectionFor,
  dockerFor,
  pingHost,
  TEST_LABEL,
  TestEngineError,
} from './test-fixtures.mjs';

const STARTUP_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 15_000;

/** Engines started by this process, so that they are stopped even when the process dies early. */
const live = new Set();

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
    '--host',
    engine.host,
    '--data-root',
    path.join(dir, 'data'),
    '--exec-root',
    path.join(dir, 'exec'),
    '--pidfile',
    path.join(dir, 'docker.pid'),
    '--config-file',
    path.join(dir, 'daemon.json'),
    '--iptables=false',
    '--ip-masq=false',
    '--bridge=none',
    '--storage-driver=vfs',
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
      throw new TestEngineError(
        `dockerd exited during startup (${child.exitCode ?? child.signalCode}).\n${tail(logPath)}`,
      );
    }
    if (await ping({ socketPath: socket })) return;
    await sleep(200);
  }
  await halt(engine);
  throw new TestEngineError(
    `dockerd did not answer on ${socket} within ${STARTUP_TIMEOUT_MS / 1000} s.\n${tail(logPath)}`,
  );
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
  // Signal listeners alone do not keep node running.
  const keepAlive = setInterval(() => {}, 1 << 30);
  await new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  clearInterval(keepAlive);
  await engine.remove();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv[2]).catch((err) => {
    console.error(err instanceof TestEngineError ? err.message : err);
    process.exitCode = 1;
  });
}
