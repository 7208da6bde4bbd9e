// Talking to a test engine: addresses, ping, fixture images built offline, and cleanup of what tests labelled.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Docker from 'dockerode';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES_DIR = path.join(ROOT, 'assets', 'fixtures');
const BUSYBOX = '/bin/busybox';
export const TEST_LABEL = 'berth.test';

export class TestEngineError extends Error {}

export function checkBusybox() {
  if (!fs.existsSync(BUSYBOX)) {
    throw new TestEngineError(
      `${BUSYBOX} is missing; the fixture images need it: run \`apt-get install busybox-static\`.`,
    );
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

/** Connection options for a DOCKER_HOST-style address (unix:// or tcp://). */
export function connectionFor(host) {
  if (host.startsWith('unix://')) return { socketPath: host.slice('unix://'.length) };
  const url = new URL(host.replace(/^tcp:/, 'http:'));
  return { host: url.hostname, port: Number(url.port || 2375), protocol: 'http' };
}

export function dockerFor(host) {
  return new Docker(connectionFor(host));
}

export function ping(conn, timeoutMs = 1000) {
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
    // Podman names them localhost/berth-fixture/*.
    const isFixture = (image.RepoTags ?? []).some((t) => /^(localhost\/)?berth-fixture\//.test(t));
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
