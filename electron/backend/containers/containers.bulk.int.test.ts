/**
 * Bulk container actions through the Dispatcher against a real engine, checked with the docker CLI: one batch,
 * a result per item, failures said in words and the others done.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkResult, ContainerLossPlan } from '../../../shared/dto/bulk';
import type { Result } from '../../../shared/result';
import type { TranscriptEntry } from '../../../shared/dto/transcript';
import { createBackend, type Backend } from '../index';

const HOST = process.env.TEST_DOCKER_HOST ?? '';
const FIXTURE = 'berth-fixture/busybox:1';
const RUN = `bulk-${process.pid}-${Date.now().toString(36)}`;

const cli = (...args: string[]): string => execFileSync('docker', ['-H', HOST, ...args], { encoding: 'utf8' }).trim();
const exists = (name: string): boolean =>
  cli('ps', '-aq', '--filter', `name=^/${name}$`).split('\n').filter(Boolean).length === 1;

let backend: Backend;
const value = async <T>(channel: string, input: unknown): Promise<T> => {
  const result = (await backend.dispatcher.request(channel, input)) as Result<T>;
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
};

async function make(name: string, running: boolean): Promise<string> {
  const docker = backend.engine.docker();
  const c = await docker.createContainer({
    Image: FIXTURE,
    name,
    Cmd: ['sh', '-c', 'echo hi > /made-here; sleep 600'],
    Labels: { 'berth.test': '1' },
    HostConfig: { NetworkMode: 'none' },
  });
  if (running) await c.start();
  return c.id;
}

beforeAll(async () => {
  expect(HOST, 'TEST_DOCKER_HOST must name the engine').not.toBe('');
  backend = createBackend({ env: { DOCKER_HOST: HOST }, platform: 'linux', homedir: '/nonexistent' });
  for (let i = 0; i < 100 && backend.engine.status().state !== 'connected'; i++)
    await new Promise((r) => setTimeout(r, 50));
});

afterAll(async () => {
  await backend?.dispose();
  const left = cli('ps', '-aq', '--filter', `name=${RUN}`).split('\n').filter(Boolean);
  if (left.length > 0) cli('rm', '-f', '-v', ...left);
}, 60_000);

describe('containers:bulk', () => {
  it('removes 50 at once: the 2 running ones fail with the reason, exactly the 48 others are gone', async () => {
    const names = Array.from({ length: 50 }, (_, i) => `${RUN}-rm-${i}`);
    const running = new Set([names[7], names[31]]);
    const ids: string[] = [];
    for (const name of names) ids.push(await make(name, running.has(name)));

    const result = await value<BulkResult>('containers:bulk', { action: 'remove', ids, force: false });

    expect(result.items).toHaveLength(50);
    expect(result.done).toBe(48);
    expect(result.failed).toBe(2);
    const failed = result.items.filter((i) => !i.ok);
    expect(failed.map((f) => f.name).sort()).toEqual([...running].sort());
    for (const f of failed) {
      expect(f.ok).toBe(false);
      if (!f.ok) {
        expect(f.error.code).toBe('CONFLICT');
        expect(f.error.message).toMatch(/is running/);
      }
    }
    for (const name of names) expect(exists(name), name).toBe(running.has(name));

    const entries = await value<readonly TranscriptEntry[]>('transcript:list', undefined);
    const entry = entries.at(-1);
    expect(entry?.command.startsWith(`docker rm ${names[0]} `)).toBe(true);
    expect(entry?.outcome).toBe('failed');
    expect(entry?.error).toContain('2 of 50 failed');
  }, 120_000);

  it('stops and starts several, each state checked with the CLI', async () => {
    const names = [0, 1, 2].map((i) => `${RUN}-life-${i}`);
    const ids: string[] = [];
    for (const name of names) ids.push(await make(name, true));
    const stopped = await value<BulkResult>('containers:bulk', { action: 'stop', ids, timeout: 0 });
    expect(stopped.done).toBe(3);
    for (const name of names) expect(cli('inspect', '--format', '{{.State.Status}}', name)).toBe('exited');
    const started = await value<BulkResult>('containers:bulk', { action: 'start', ids: [...ids, 'no-such-ctr-x'] });
    expect(started.done).toBe(3);
    const missing = started.items.find((i) => i.id === 'no-such-ctr-x');
    expect(missing?.ok).toBe(false);
    if (missing && !missing.ok) expect(missing.error.code).toBe('NOT_FOUND');
    for (const name of names) expect(cli('inspect', '--format', '{{.State.Status}}', name)).toBe('running');
  }, 60_000);

  it('plans a removal: writable-layer changes and anonymous versus named volumes', async () => {
    const name = `${RUN}-plan`;
    const vol = `${RUN}-named`;
    const c = await backend.engine.docker().createContainer({
      Image: FIXTURE,
      name,
      Cmd: ['sh', '-c', 'echo hi > /made-here; sleep 600'],
      Labels: { 'berth.test': '1' },
      HostConfig: { NetworkMode: 'none', Binds: [`${vol}:/named`] },
      Volumes: { '/anon': {} },
    });
    await c.start();
    await new Promise((r) => setTimeout(r, 300));
    const [plan] = await value<readonly ContainerLossPlan[]>('containers:lossPlan', { ids: [c.id] });
    expect(plan?.name).toBe(name);
    expect(plan?.changes).toBeGreaterThanOrEqual(1);
    expect(plan?.namedVolumes).toEqual([vol]);
    expect(plan?.anonymousVolumes).toHaveLength(1);
    cli('rm', '-f', '-v', name);
    cli('volume', 'rm', vol);
  }, 60_000);

  it('refuses a batch with a bad id before touching anything', async () => {
    const result = (await backend.dispatcher.request('containers:bulk', {
      action: 'remove',
      ids: ['../etc'],
    })) as Result<BulkResult>;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INVALID_INPUT');
  });
});
