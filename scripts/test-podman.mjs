// A throwaway Podman engine for tests: `podman system service` as root on a private unix socket under /tmp, with
// its own containers.conf and storage.conf (vfs, private graphroot/runroot) so the host's Podman is never touched.
// Importable (podmanInstalled, startTestPodman, loadImages) and runnable:
//   node scripts/test-podman.mjs   start one, print DOCKER_HOST, stop on Ctrl-C
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { dockerFor, ping } from './test-fixtures.mjs';

const STARTUP_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 10_000;

export class TestPodmanError extends Error {}

/** The installed Podman's version ("4.3.1"), or null when the `podman` command is missing. */
export function podmanInstalled() {
  const out = spawnSync('podman', ['--version'], { encoding: 'utf8' });
  if (out.error || out.status !== 0) return null;
  return /(\d+\.\d+\.\d+)/.exec(out.stdout)?.[1] ?? out.stdout.trim();
}

/**
 * Settings that work in containers without systemd, cgroup delegation or a network namespace of their own. tmp_dir
 * is private too: the default /run/libpod (exit files, events, the boot marker) is shared by every root Podman on
 * the machine, and another service's `system reset` empties it under this one's running containers.
 */
function containersConf(base) {
  return [
    '[containers]',
    'netns="none"',
    'default_ulimits=["nofile=1024:1024","nproc=1024:1024"]',
    '',
    '[engine]',
    'runtime="runc"',
    'cgroup_manager="cgroupfs"',
    'events_logger="file"',
    `tmp_dir="${path.join(base, 'libpod')}"`,
    '',
  ].join('\n');
}

function storageConf(base) {
  return [
    '[storage]',
    'driver="vfs"',
    `graphroot="${path.join(base, 'graph')}"`,
    `runroot="${path.join(base, 'run')}"`,
    '',
  ].join('\n');
}

/** Starts `podman system service` on base/podman.sock and resolves once it answers /_ping. */
export async function startTestPodman({ name = 'pod' } = {}) {
  const version = podmanInstalled();
  if (!version) throw new TestPodmanError('podman is not installed: run `apt-get install podman`.');
  // Unix socket paths are limited to 107 bytes, hence a short directory straight under /tmp.
  const base = fs.mkdtempSync(path.join('/tmp', `berth-${name}-`));
  for (const d of ['graph', 'run', 'tmp', 'libpod']) fs.mkdirSync(path.join(base, d));
  fs.writeFileSync(path.join(base, 'containers.conf'), containersConf(base));
  fs.writeFileSync(path.join(base, 'storage.conf'), storageConf(base));
  const socket = path.join(base, 'podman.sock');
  const env = {
    ...process.env,
    CONTAINERS_CONF: path.join(base, 'containers.conf'),
    CONTAINERS_STORAGE_CONF: path.join(base, 'storage.conf'),
    TMPDIR: path.join(base, 'tmp'),
    XDG_RUNTIME_DIR: path.join(base, 'run'),
  };
  const log = fs.openSync(path.join(base, 'podman.log'), 'a');
  const child = spawn('podman', ['system', 'service', '--time=0', `unix://${socket}`], {
    env,
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  const conn = { socketPath: socket };
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (!(await ping(conn))) {
    if (exited || Date.now() > deadline) {
      child.kill('SIGKILL');
      const tail = fs.readFileSync(path.join(base, 'podman.log'), 'utf8').slice(-2000);
      throw new TestPodmanError(`podman system service did not answer on ${socket}: ${tail}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const remove = async () => {
    if (!exited) {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await gone;
      clearTimeout(timer);
    }
    // Containers' conmon processes may outlive the service; ask podman itself to clean its store.
    spawnSync('podman', ['rm', '--all', '--force', '--time', '0'], { env, stdio: 'ignore', timeout: 20_000 });
    spawnSync('podman', ['system', 'reset', '--force'], { env, stdio: 'ignore', timeout: 20_000 });
    fs.rmSync(base, { recursive: true, force: true });
  };
  return { host: `unix://${socket}`, socket, dir: base, version, env, remove };
}

/** Moves images from a Docker engine into a Podman one: `docker save` there, POST /images/load here. */
export async function loadImages(fromHost, toHost, tags) {
  const from = dockerFor(fromHost);
  const to = dockerFor(toHost);
  const tar = await from.getImage(tags[0]).get();
  const archive = tags.length === 1 ? tar : await from.getImages({ names: tags });
  if (archive !== tar) tar.destroy();
  const res = await to.loadImage(archive);
  const body = await new Promise((resolve, reject) => {
    let text = '';
    res.on('data', (c) => (text += c));
    res.on('end', () => resolve(text));
    res.on('error', reject);
  });
  if (/"error"/i.test(body)) throw new TestPodmanError(`podman could not load ${tags.join(', ')}: ${body}`);
  return body;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const engine = await startTestPodman();
  console.log(`Podman ${engine.version}: DOCKER_HOST=${engine.host}  (Ctrl-C stops it)`);
  const stop = () => engine.remove().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
