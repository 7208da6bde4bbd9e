/**
 * The backend against a real engine (TEST_DOCKER_HOST), checked against what the docker CLI says about the
 * same engine, and every channel of the contract fed malformed input through the Dispatcher.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_CHANNELS, STREAM_CHANNELS, type RequestChannel, type StreamChannel } from '../../shared/contract';
import type { EngineEvent, EngineStatus } from '../../shared/dto/engine';
import type { ContainerSummary, ImageSummary } from '../../shared/dto/lists';
import type { Result } from '../../shared/result';
import type { StreamMessage } from '../../shared/stream';
import { createBackend, type Backend } from './index';
import { waitForStatus } from './backend.test-helper';

const HOST = process.env.TEST_DOCKER_HOST ?? '';
const FIXTURE = 'berth-fixture/busybox:1';

const cli = (...args: string[]): string => execFileSync('docker', ['-H', HOST, ...args], { encoding: 'utf8' }).trim();
const lines = (text: string): string[] => text.split('\n').filter((l) => l !== '');

/** A Dispatcher session that records every stream message by subscription id. */
function recordingSession(backend: Backend) {
  const received = new Map<string, StreamMessage<unknown>[]>();
  const session = backend.dispatcher.openSession((id, message) => {
    received.set(id, [...(received.get(id) ?? []), message]);
  });
  const items = (id: string): unknown[] =>
    (received.get(id) ?? []).flatMap((m) => (m.type === 'data' ? [...m.items] : []));
  return { session, received, items };
}

async function until<T>(probe: () => T | undefined, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

let backend: Backend;

beforeAll(async () => {
  expect(HOST, 'TEST_DOCKER_HOST must name the engine').not.toBe('');
  backend = createBackend({ env: { DOCKER_HOST: HOST }, platform: 'linux', homedir: '/nonexistent' });
  await waitForStatus(backend, (s) => s.state === 'connected');
});

afterAll(async () => {
  await backend?.dispose();
  if (HOST)
    execFileSync('docker', ['-H', HOST, 'rm', '-f', ...lines(cli('ps', '-aq', '--filter', 'label=berth.test=1'))]);
}, 30_000);

describe('engine status', () => {
  it('reports what `docker version` and `docker info` report', async () => {
    const [version, api, os, minApi] = cli(
      'version',
      '--format',
      '{{.Server.Version}}|{{.Server.APIVersion}}|{{.Server.Os}}|{{.Server.MinAPIVersion}}',
    ).split('|');
    const result = (await backend.dispatcher.request('engine:status', undefined)) as Result<EngineStatus>;
    expect(result.ok).toBe(true);
    const status = result.ok ? result.value : null;
    expect(status?.state).toBe('connected');
    if (status?.state !== 'connected') return;
    expect(status.endpoint).toEqual({ kind: 'unix', address: HOST, source: 'DOCKER_HOST' });
    expect([status.engine.version, status.engine.apiVersion, status.engine.os, status.engine.minApiVersion]).toEqual([
      version,
      api,
      os,
      minApi,
    ]);
    const [name, driver, cpus, images] = cli('info', '--format', '{{.Name}}|{{.Driver}}|{{.NCPU}}|{{.Images}}').split(
      '|',
    );
    expect([
      status.engine.name,
      status.engine.storageDriver,
      String(status.engine.cpus),
      String(status.engine.images),
    ]).toEqual([name, driver, cpus, images]);
    expect(status.engine.flavor).toBe('docker');
  });

  it('engine:retry while connected answers the connected status', async () => {
    const result = (await backend.dispatcher.request('engine:retry', undefined)) as Result<EngineStatus>;
    expect(result.ok && result.value.state).toBe('connected');
  });

  it('engine:watch sends the current status at once', async () => {
    const { session, items } = recordingSession(backend);
    expect(session.subscribe('w1', 'engine:watch', undefined)).toEqual({ ok: true, value: null });
    const first = await until(() => items('w1')[0] as EngineStatus | undefined);
    expect(first.state).toBe('connected');
    session.close();
    expect(session.subscriptionCount).toBe(0);
  });
});

describe('lists', () => {
  let running = '';
  let created = '';

  beforeAll(() => {
    running = cli(
      'run',
      '-d',
      '--network',
      'none',
      '--label',
      'berth.test=1',
      '--name',
      'berth-int-running',
      FIXTURE,
      'sleep',
      '300',
    );
    created = cli(
      'create',
      '--network',
      'none',
      '--label',
      'berth.test=1',
      '--name',
      'berth-int-created',
      FIXTURE,
      'true',
    );
  });

  it('containers:list {all: true} matches `docker ps -a`', async () => {
    const expected = lines(
      cli('ps', '-a', '--no-trunc', '--format', '{{.ID}}|{{.Names}}|{{.Image}}|{{.State}}'),
    ).sort();
    const result = (await backend.dispatcher.request('containers:list', { all: true })) as Result<ContainerSummary[]>;
    expect(result.ok).toBe(true);
    const got = result.ok ? result.value.map((c) => `${c.id}|${c.name}|${c.image}|${c.state}`).sort() : [];
    expect(got).toEqual(expected);
    expect(got).toContain(`${running}|berth-int-running|${FIXTURE}|running`);
    expect(got).toContain(`${created}|berth-int-created|${FIXTURE}|created`);
    const mine = result.ok ? result.value.find((c) => c.id === running) : undefined;
    expect(mine?.labels['berth.test']).toBe('1');
    expect(mine?.command).toBe('sleep 300');
    expect(Math.abs((mine?.created ?? 0) - Date.now())).toBeLessThan(120_000);
  });

  it('containers:list without input matches `docker ps` (running only)', async () => {
    const expected = lines(cli('ps', '--no-trunc', '--format', '{{.ID}}')).sort();
    const result = (await backend.dispatcher.request('containers:list', undefined)) as Result<ContainerSummary[]>;
    expect(result.ok && result.value.map((c) => c.id).sort()).toEqual(expected);
    expect(expected).toContain(running);
    expect(expected).not.toContain(created);
  });

  it('images:list matches `docker images`, with tags, dangling and container counts', async () => {
    const rows = lines(cli('images', '--no-trunc', '--format', '{{.ID}}|{{.Repository}}:{{.Tag}}'));
    const result = (await backend.dispatcher.request('images:list', undefined)) as Result<ImageSummary[]>;
    expect(result.ok).toBe(true);
    const images = result.ok ? result.value : [];
    expect(new Set(images.map((i) => i.id))).toEqual(new Set(rows.map((r) => r.split('|')[0])));
    for (const row of rows) {
      const [id, tag] = row.split('|') as [string, string];
      const image = images.find((i) => i.id === id);
      if (tag === '<none>:<none>') expect(image?.dangling).toBe(true);
      else expect(image?.repoTags).toContain(tag);
    }
    const usedBy = lines(cli('ps', '-aq', '--no-trunc')).map((id) => cli('inspect', '--format', '{{.Image}}', id));
    for (const image of images) expect(image.containers).toBe(usedBy.filter((used) => used === image.id).length);
    expect(images.find((i) => i.repoTags.includes(FIXTURE))?.containers).toBeGreaterThanOrEqual(2);
  });
});

describe('malformed input over every channel', () => {
  const MALFORMED: unknown[] = [{ bogus: true }, 'text', 42, [1], { all: 'yes' }, null];
  // Channels whose schema accepts any value; each entry needs a reason. None today.
  const ACCEPTS_ANYTHING: readonly (RequestChannel | StreamChannel)[] = [];

  it.each(REQUEST_CHANNELS)('request %s answers INVALID_INPUT', async (channel) => {
    for (const input of MALFORMED) {
      const result = await backend.dispatcher.request(channel, input);
      if (ACCEPTS_ANYTHING.includes(channel)) continue;
      expect(result.ok, `${channel} with ${JSON.stringify(input)}`).toBe(false);
      expect(!result.ok && result.error.code).toBe('INVALID_INPUT');
      expect(!result.ok && result.error.message).toMatch(new RegExp(`^The input for ${channel} is not valid`));
    }
  });

  it.each(STREAM_CHANNELS)('stream %s answers INVALID_INPUT and opens nothing', (channel) => {
    const { session, received } = recordingSession(backend);
    MALFORMED.forEach((input, n) => {
      const result = session.subscribe(`bad-${n}`, channel, input);
      if (ACCEPTS_ANYTHING.includes(channel)) return;
      expect(!result.ok && result.error.code, `${channel} with ${JSON.stringify(input)}`).toBe('INVALID_INPUT');
    });
    for (const badId of ['', 'has space', 'x'.repeat(65), 7, null]) {
      expect(session.subscribe(badId, channel, undefined)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    expect(session.subscriptionCount).toBe(0);
    expect(received.size).toBe(0);
  });

  it('unknown channels answer UNKNOWN_CHANNEL, for requests and streams alike', async () => {
    const { session } = recordingSession(backend);
    for (const channel of ['nope:nothing', '__proto__', 'constructor', 'toString', 42, null, undefined, {}]) {
      const result = await backend.dispatcher.request(channel, undefined);
      expect(!result.ok && result.error.code).toBe('UNKNOWN_CHANNEL');
      expect(session.subscribe('s1', channel, undefined)).toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL' },
      });
    }
    // A request name is not a stream name and the other way round.
    expect(session.subscribe('s2', REQUEST_CHANNELS[0], undefined)).toMatchObject({
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    expect(await backend.dispatcher.request(STREAM_CHANNELS[0], undefined)).toMatchObject({
      error: { code: 'UNKNOWN_CHANNEL' },
    });
  });

  it('still answers normally afterwards', async () => {
    expect(await backend.dispatcher.request('engine:status', undefined)).toMatchObject({
      ok: true,
      value: { state: 'connected' },
    });
  });
});

describe('engine events', () => {
  it('a container created with the CLI reaches an engine:events subscriber, and the status counts follow', async () => {
    const { session, items } = recordingSession(backend);
    session.subscribe('ev', 'engine:events', undefined);
    session.subscribe('st', 'engine:watch', undefined);
    const id = cli('create', '--network', 'none', '--label', 'berth.test=1', FIXTURE, 'true');
    const event = await until(() =>
      (items('ev') as EngineEvent[]).find((e) => e.scope === 'container' && e.action === 'create' && e.id === id),
    );
    expect(event.name).toMatch(/^[a-z]+_[a-z]+$/);
    expect(Math.abs(event.time - Date.now())).toBeLessThan(60_000);
    // The status bar's counts follow from a debounced /info after the event, without any polling.
    const expected = Number(cli('info', '--format', '{{.Containers}}'));
    const after = await until(() =>
      (items('st') as EngineStatus[]).find((s) => s.state === 'connected' && s.engine.containers === expected),
    );
    expect(after.state).toBe('connected');
    session.close();
  });
});
