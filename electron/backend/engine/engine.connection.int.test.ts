/**
 * EngineConnection against real sockets: missing, dead, not an engine, and an engine of our own that we stop
 * and start again. The shared engine (TEST_DOCKER_HOST) is never stopped.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { plainRunSpec } from '../../../shared/cli/containers.cli';
import { REQUEST_CHANNELS, type RequestChannel } from '../../../shared/contract';
import type { EngineEvent, EngineStatus } from '../../../shared/dto/engine';
import type { Result } from '../../../shared/result';
import { buildFixtures, startTestEngine, type TestEngine } from '../../../scripts/test-engine.mjs';
import { createBackend, type Backend } from '../index';
import { waitForStatus } from '../backend.test-helper';

const scratch = fs.mkdtempSync('/tmp/berth-sock-');
// projects:readFile reads a compose file from disk, engine or not.
fs.writeFileSync(`${scratch}/compose.yaml`, 'services:\n  web:\n    image: busybox\n');
const backends: Backend[] = [];

function backendFor(dockerHost: string): Backend {
  const backend = createBackend({ env: { DOCKER_HOST: dockerHost }, platform: 'linux', homedir: scratch });
  backends.push(backend);
  return backend;
}

const unreachable = (s: EngineStatus) => s.state === 'unreachable';
const connected = (s: EngineStatus) => s.state === 'connected';

// Channels that answer from the connection itself and so work while the engine is away.
const WITHOUT_ENGINE: readonly RequestChannel[] = [
  'engine:status',
  'engine:retry',
  // The engines to choose from are files and sockets on this machine; going back to automatic needs no engine.
  'engine:choices',
  'engine:use',
  'transcript:list',
  // The tour's plan is text; it needs no engine.
  'tour:plan',
  'settings:get',
  'settings:update',
  // Reads a folder on this machine, not the engine.
  'build:preview',
  'desktop:capabilities',
  // Build history is a file of Berth's own.
  'build:history',
  // Logins are the docker CLI's config.json and credential helpers; only logging in asks the engine.
  'registries:list',
  'registries:plan',
  'registries:logout',
  // A compose file is read from disk, and the Compose CLI found on PATH.
  'projects:readFile',
  'projects:cli',
];

/** Native dialogs: this backend has none (like the bridge), so they say so before touching the engine. */
const NEEDS_DESKTOP: readonly RequestChannel[] = [
  'desktop:saveImage',
  'desktop:saveLog',
  'desktop:loadImage',
  'desktop:exportVolume',
  'desktop:importVolume',
  'desktop:pickFolder',
  'desktop:pickComposeFile',
  'files:saveToFile',
  'files:uploadFromFile',
  'files:saveLayerFile',
  'desktop:pickTlsFile',
];

/** A valid input for each channel whose input is required; channels not named here take none. */
const SAMPLE_INPUT: Partial<Record<RequestChannel, unknown>> = {
  'desktop:pickTlsFile': { which: 'ca' },
  'containers:inspect': { id: 'web' },
  'containers:inspectRaw': { id: 'web' },
  'containers:changes': { id: 'web' },
  'containers:top': { id: 'web' },
  'containers:run': plainRunSpec('busybox'),
  'containers:start': { id: 'web' },
  'containers:stop': { id: 'web' },
  'containers:restart': { id: 'web' },
  'containers:pause': { id: 'web' },
  'containers:unpause': { id: 'web' },
  'containers:kill': { id: 'web', signal: 'SIGTERM' },
  'containers:remove': { id: 'web', force: false, volumes: false },
  'containers:rename': { id: 'web', name: 'web2' },
  'containers:commit': { id: 'web', repo: 'web-snapshot' },
  'containers:execInput': { sessionId: '00000000-0000-4000-8000-000000000000', data: 'ls\n' },
  'containers:execResize': { sessionId: '00000000-0000-4000-8000-000000000000', cols: 80, rows: 24 },
  'tour:run': { step: 'build' },
  'tour:check': { step: 'build' },
  'images:inspect': { ref: 'busybox' },
  'images:tag': { ref: 'busybox', target: 'busybox:copy' },
  'images:remove': { ref: 'busybox', force: false },
  'images:saveTicket': { ref: 'busybox' },
  'settings:update': { notifications: true },
  'build:preview': { contextPath: scratch },
  'logs:older': { container: 'web', before: '2024-05-01T10:00:00.000000001Z', skip: 0, limit: 10 },
  'logs:saveTicket': { containers: ['web'] },
  'desktop:saveImage': { ref: 'busybox' },
  'desktop:saveLog': { containers: ['web'] },
  'desktop:pickFolder': {},
  'desktop:exportVolume': { name: 'data' },
  'desktop:importVolume': { name: 'data' },
  'volumes:inspect': { name: 'data' },
  'volumes:create': { name: 'data', driverOpts: {}, labels: {} },
  'volumes:removePreview': { name: 'data' },
  'volumes:remove': { name: 'data' },
  'volumes:browse': { name: 'data', path: '/' },
  'volumes:readFile': { name: 'data', path: '/a.txt' },
  'volumes:exportTicket': { name: 'data' },
  'volumes:importTicket': { name: 'data' },
  'engine:use': { id: 'auto' },
  'networks:inspect': { id: 'backend' },
  'networks:create': { name: 'backend', driver: 'bridge', internal: false, attachable: false, labels: {} },
  'networks:remove': { id: 'backend' },
  'networks:connect': { network: 'backend', container: 'web', aliases: [] },
  'networks:disconnect': { network: 'backend', container: 'web' },
  'disk:prunePreview': { category: 'images' },
  'disk:prune': { category: 'images' },
  'layers:index': { image: 'busybox' },
  'layers:changes': { image: 'busybox', layer: 0, path: '/etc' },
  'layers:merged': { image: 'busybox', layer: 0 },
  'layers:search': { image: 'busybox', query: '**/*.conf', limit: 10 },
  'layers:readFile': { image: 'busybox', layer: 0, path: '/etc/passwd' },
  'layers:waste': { image: 'busybox' },
  'containers:bulk': { action: 'stop', ids: ['web'] },
  'containers:lossPlan': { ids: ['web'] },
  'containers:editPlan': { id: 'web' },
  'containers:recreate': { id: 'web', spec: plainRunSpec('busybox'), keepEnv: [] },
  'build:historyLog': { id: '00000000-0000-4000-8000-000000000000' },
  'registries:plan': { server: '127.0.0.1:5000' },
  'registries:login': { server: '127.0.0.1:5000', username: 'ada', password: 'secret' },
  'registries:logout': { server: '127.0.0.1:5000' },
  'projects:start': { name: 'shop' },
  'projects:stop': { name: 'shop' },
  'projects:restart': { name: 'shop' },
  'projects:pause': { name: 'shop' },
  'projects:unpause': { name: 'shop' },
  'projects:removePreview': { name: 'shop' },
  'projects:remove': { name: 'shop', volumes: false },
  'projects:readFile': { path: `${scratch}/compose.yaml` },
  'files:list': { id: 'web', path: '/' },
  'files:downloadTicket': { id: 'web', path: '/etc' },
  'files:uploadTicket': { id: 'web', path: '/tmp' },
  'files:saveToFile': { id: 'web', path: '/etc/hostname' },
  'files:uploadFromFile': { id: 'web', path: '/tmp' },
  'files:layerFileTicket': { image: 'busybox', layer: 0, path: '/etc/passwd' },
  'files:saveLayerFile': { image: 'busybox', layer: 0, path: '/etc/passwd' },
  'images:bulkRemove': { refs: ['busybox'], force: false },
  'volumes:bulkRemove': { names: ['data'] },
  'networks:bulkRemove': { ids: ['backend'] },
};

const RUNS_PROGRAMS: readonly RequestChannel[] = ['projects:cli', 'projects:readFile'];

/** Channels that answer from this machine alone, with this error for their sample input (nothing to find). */
const LOCAL_FAILURE: Partial<Record<RequestChannel, string>> = {
  'build:historyLog': 'NOT_FOUND',
};

/** Every request channel must answer within a second while the engine is away; those that need it, with ENGINE_UNREACHABLE. */
async function expectFailFast(backend: Backend): Promise<void> {
  for (const channel of REQUEST_CHANNELS) {
    const started = performance.now();
    const result = await backend.dispatcher.request(channel, SAMPLE_INPUT[channel]);
    // Looking for the Compose CLI runs programs, which is slow on a busy machine and has nothing to do with the engine.
    if (!RUNS_PROGRAMS.includes(channel)) expect(performance.now() - started, channel).toBeLessThan(1000);
    const local = LOCAL_FAILURE[channel];
    if (local !== undefined) {
      expect(!result.ok && result.error.code, channel).toBe(local);
    } else if (WITHOUT_ENGINE.includes(channel)) {
      expect(result.ok, channel).toBe(true);
    } else if (NEEDS_DESKTOP.includes(channel)) {
      expect(!result.ok && result.error.code, channel).toBe('NOT_SUPPORTED');
    } else {
      expect(!result.ok && result.error.code, channel).toBe('ENGINE_UNREACHABLE');
      expect(!result.ok && result.error.message, channel).toMatch(/^Cannot reach the Docker Engine\. /);
    }
  }
}

afterEach(async () => {
  await Promise.all(backends.splice(0).map((b) => b.dispose()));
});

afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe('unreachable endpoints', () => {
  it('a socket that does not exist is socket-missing, naming the endpoint, and retries on its own', async () => {
    const host = `unix://${scratch}/missing.sock`;
    const backend = backendFor(host);
    const status = await waitForStatus(backend, unreachable, 2000);
    expect(status).toMatchObject({
      state: 'unreachable',
      reason: 'socket-missing',
      endpoint: { kind: 'unix', address: host, source: 'DOCKER_HOST' },
    });
    expect(status.state === 'unreachable' && status.message).toContain(host);
    expect(status.state === 'unreachable' && status.nextRetryAt).toBeGreaterThan(Date.now() - 100);
    const later = await waitForStatus(backend, (s) => s.state === 'unreachable' && s.attempt >= 3, 3000);
    expect(later.state === 'unreachable' && later.tried).toHaveLength(1);
    await expectFailFast(backend);
  });

  it('a socket file with nothing listening is refused', async () => {
    const socket = path.join(scratch, 'dead.sock');
    // A listener killed with SIGKILL leaves its socket file behind, with nobody accepting on it.
    const child = spawnSync(process.execPath, [
      '-e',
      `require('net').createServer().listen(${JSON.stringify(socket)}, () => process.kill(process.pid, 'SIGKILL'))`,
    ]);
    expect(child.signal).toBe('SIGKILL');
    expect(fs.statSync(socket).isSocket()).toBe(true);
    const backend = backendFor(`unix://${socket}`);
    const status = await waitForStatus(backend, unreachable, 2000);
    expect(status).toMatchObject({ reason: 'refused', endpoint: { address: `unix://${socket}` } });
    expect(status.state === 'unreachable' && status.message).toBe(
      `Nothing is listening at unix://${socket}. Is Docker running?`,
    );
  });

  it('an HTTP server that is not an engine is not-an-engine', async () => {
    const socket = path.join(scratch, 'web.sock');
    const server = http.createServer((_req, res) => res.writeHead(404).end('page not found'));
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      const backend = backendFor(`unix://${socket}`);
      const status = await waitForStatus(backend, unreachable, 2000);
      expect(status).toMatchObject({ reason: 'not-an-engine' });
      expect(status.state === 'unreachable' && status.message).toContain('HTTP 404');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('a malformed DOCKER_HOST is bad-endpoint at once and is not retried', async () => {
    const backend = backendFor('tcp://host:notaport');
    const status = backend.engine.status();
    expect(status).toMatchObject({ state: 'unreachable', reason: 'bad-endpoint', nextRetryAt: null });
    expect(status.state === 'unreachable' && status.message).toMatch(/^DOCKER_HOST is not usable: /);
    expect(await backend.engine.retry()).toBe(status);
    await expectFailFast(backend);
  });

  it('engine:retry tries again at once and starts the backoff over', async () => {
    const backend = backendFor(`unix://${scratch}/missing-too.sock`);
    await waitForStatus(backend, (s) => s.state === 'unreachable' && s.attempt >= 3, 4000);
    const seen: EngineStatus[] = [];
    backend.engine.onStatus((s) => seen.push(s));
    const result = (await backend.dispatcher.request('engine:retry', undefined)) as Result<EngineStatus>;
    expect(result.ok && result.value).toMatchObject({ state: 'unreachable', reason: 'socket-missing', attempt: 1 });
    expect(seen[0]).toMatchObject({ state: 'connecting', attempt: 1 });
  });
});

describe('an engine that stops and starts again', () => {
  let engine: TestEngine | undefined;

  afterAll(async () => {
    await engine?.remove();
  }, 60_000);

  it('goes unreachable within 2 s, fails fast meanwhile, and comes back with events flowing', async () => {
    engine = await startTestEngine({ name: 'conn' });
    const cli = (...args: string[]) =>
      execFileSync('docker', ['-H', engine!.host, ...args], { encoding: 'utf8' }).trim();
    const backend = backendFor(engine.host);
    await waitForStatus(backend, connected);
    const events: EngineEvent[] = [];
    backend.engine.onEvent((e) => events.push(e));

    const stopping = performance.now();
    const down = waitForStatus(backend, unreachable, 20_000).then((s) => ({ s, at: performance.now() }));
    await engine.stop();
    const stopped = performance.now();
    const { s: lost, at } = await down;
    // Within 2 s of the engine stopping: measured from the moment we asked it to stop, or from its exit if shutdown itself was slow.
    expect(at - Math.max(stopping, stopped - 2000)).toBeLessThan(2000);
    expect(lost).toMatchObject({ endpoint: { address: engine.host } });
    expect(['socket-missing', 'refused']).toContain(lost.state === 'unreachable' && lost.reason);
    await expectFailFast(backend);

    await engine.start();
    const answering = performance.now();
    const back = await waitForStatus(backend, connected, 10_000);
    // The backoff is capped at 2 s, so the UI follows the engine within about that.
    expect(performance.now() - answering).toBeLessThan(3000);
    expect(back.state === 'connected' && back.engine.apiVersion).toMatch(/^1\.\d+$/);

    // Events were re-subscribed after the reconnect. The fresh engine has no images, so watch a volume.
    const volume = cli('volume', 'create', '--label', 'berth.test=1', 'berth-conn-vol');
    const event = await waitForEvent(events, (e) => e.scope === 'volume' && e.action === 'create' && e.id === volume);
    expect(event.id).toBe('berth-conn-vol');
    const list = await backend.dispatcher.request('containers:list', { all: true });
    expect(list).toEqual({ ok: true, value: [] });
  });
});

describe('an engine shutting down while a container runs', () => {
  let engine: TestEngine | undefined;

  afterAll(async () => {
    await engine?.remove();
  }, 60_000);

  it('is seen as stopping within 2 s, though its open connections still answer', async () => {
    engine = await startTestEngine({ name: 'stopping' });
    await buildFixtures(engine.host);
    // sleep as PID 1 ignores SIGTERM, so the engine waits out the container's stop timeout before it exits.
    execFileSync('docker', [
      '-H',
      engine.host,
      'run',
      '-d',
      '--label',
      'berth.test=1',
      'berth-fixture/busybox:1',
      'sleep',
      '600',
    ]);
    const backend = backendFor(engine.host);
    await waitForStatus(backend, connected);

    const down = waitForStatus(backend, unreachable, 20_000).then((s) => ({ s, at: performance.now() }));
    const asked = performance.now();
    const stopping = engine.stop();
    const { s: lost, at } = await down;
    expect(at - asked).toBeLessThan(2000);
    expect(lost.state === 'unreachable' && lost.message).toMatch(/is stopping: it refuses new connections/);
    await stopping;
  }, 60_000);
});

async function waitForEvent(
  events: EngineEvent[],
  accept: (e: EngineEvent) => boolean,
  ms = 5000,
): Promise<EngineEvent> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = events.find(accept);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching event in ${ms} ms; saw ${JSON.stringify(events)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
