/**
 * Edit and recreate through the Dispatcher against a real engine: the plan reads the container's own settings
 * back, the new container's `docker inspect` matches the edited spec field by field, a failing recreate puts the
 * old container back untouched, and a commit first keeps the writable layer's files.
 */
import { execFileSync } from 'node:child_process';
import type Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainRunSpec } from '../../../shared/cli/containers.cli';
import type { RunSpec } from '../../../shared/dto/containers';
import type { EditPlan, RecreateResult } from '../../../shared/dto/recreate';
import type { Result } from '../../../shared/result';
import { createBackend, type Backend } from '../index';

const HOST = process.env.TEST_DOCKER_HOST ?? '';
const FIXTURE = 'berth-fixture/busybox:1';
const RUN = `rc-${process.pid}-${Date.now().toString(36)}`;
const NET = `${RUN}-net`;
const VOL = `${RUN}-vol`;

const cli = (...args: string[]): string => execFileSync('docker', ['-H', HOST, ...args], { encoding: 'utf8' }).trim();
const inspect = (name: string): Dockerode.ContainerInspectInfo => {
  const [raw] = JSON.parse(cli('inspect', '--type', 'container', name)) as Dockerode.ContainerInspectInfo[];
  if (!raw) throw new Error(`no container ${name}`);
  return raw;
};
const names = (): string[] => cli('ps', '-a', '--format', '{{.Names}}').split('\n').filter(Boolean);

let backend: Backend;
const call = async <T>(channel: string, input: unknown): Promise<Result<T>> =>
  (await backend.dispatcher.request(channel, input)) as Result<T>;
const value = async <T>(channel: string, input: unknown): Promise<T> => {
  const result = await call<T>(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
};

const base = (name: string, overrides: Partial<RunSpec> = {}): RunSpec => ({
  ...plainRunSpec(FIXTURE),
  name,
  command: ['sh', '-c', 'echo kept > /made-here; trap "exit 0" TERM; while true; do sleep 1; done'],
  env: ['GREETING=hello', 'MODE=one'],
  restart: 'on-failure',
  maxRetries: 3,
  workingDir: '/tmp',
  user: '0:0',
  // berth.test=1 comes from the fixture image itself, so the plan (which sets only what differs) leaves it out.
  labels: { tier: 'back' },
  network: NET,
  networkAliases: ['db-alias'],
  mounts: [{ type: 'volume', source: VOL, target: '/data', readOnly: false }],
  memory: 64 * 1024 * 1024,
  cpus: 0.5,
  ...overrides,
});

beforeAll(async () => {
  expect(HOST, 'TEST_DOCKER_HOST must name the engine').not.toBe('');
  backend = createBackend({ env: { DOCKER_HOST: HOST }, platform: 'linux', homedir: '/nonexistent' });
  for (let i = 0; i < 100 && backend.engine.status().state !== 'connected'; i++)
    await new Promise((r) => setTimeout(r, 50));
  cli('network', 'create', '--label', 'berth.test=1', NET);
});

afterAll(async () => {
  await backend?.dispose();
  const left = cli('ps', '-aq', '--filter', `name=${RUN}`).split('\n').filter(Boolean);
  if (left.length > 0) cli('rm', '-f', '-v', ...left);
  cli('network', 'rm', NET);
  execFileSync('docker', ['-H', HOST, 'volume', 'rm', VOL], { stdio: 'ignore' });
  const images = cli('images', '-q', `berth-${RUN}`).split('\n').filter(Boolean);
  if (images.length > 0) cli('rmi', '-f', ...images);
}, 60_000);

describe('containers:editPlan', () => {
  it('reads a container made from a spec back as the same spec', async () => {
    const name = `${RUN}-plan`;
    const spec = base(name);
    await value('containers:run', spec);
    const plan = await value<EditPlan>('containers:editPlan', { id: name });
    expect(plan.name).toBe(name);
    expect(plan.running).toBe(true);
    expect(plan.spec).toEqual(spec);
    expect(plan.hiddenEnv).toEqual([]);
  }, 30_000);

  it('keeps secret-looking values out of the plan and names their keys', async () => {
    const name = `${RUN}-secret`;
    await value('containers:run', base(name, { env: ['API_TOKEN=s3cret', 'MODE=one'] }));
    const plan = await value<EditPlan>('containers:editPlan', { id: name });
    expect(plan.spec.env).toEqual(['MODE=one']);
    expect(plan.hiddenEnv).toEqual(['API_TOKEN']);
    expect(JSON.stringify(plan)).not.toContain('s3cret');
    // Kept through a recreate without the renderer ever seeing it.
    await value('containers:recreate', { id: name, spec: { ...plan.spec, env: ['MODE=two'] }, keepEnv: ['API_TOKEN'] });
    expect(inspect(name).Config.Env).toEqual(expect.arrayContaining(['MODE=two', 'API_TOKEN=s3cret']));
  }, 30_000);
});

describe('containers:recreate', () => {
  it('makes the edited container under the same name; docker inspect matches the form field by field', async () => {
    const name = `${RUN}-edit`;
    const first = await value<{ id: string }>('containers:run', base(name));
    const plan = await value<EditPlan>('containers:editPlan', { id: name });
    const edited: RunSpec = {
      ...plan.spec,
      env: ['GREETING=bonjour', 'EXTRA=1'],
      labels: { tier: 'front' },
      restart: 'always',
      maxRetries: undefined,
      memory: 96 * 1024 * 1024,
      cpus: 0.25,
      workingDir: '/data',
      user: '65534:65534',
      networkAliases: ['web-alias'],
      command: ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done'],
      mounts: [{ type: 'volume', source: VOL, target: '/store', readOnly: true }],
    };
    const done = await value<RecreateResult>('containers:recreate', { id: first.id, spec: edited, keepEnv: [] });
    expect(done.name).toBe(name);
    expect(done.id).not.toBe(first.id);

    const raw = inspect(name);
    expect(raw.Id).toBe(done.id);
    expect(raw.State.Status).toBe('running');
    expect(raw.Config.Image).toBe(FIXTURE);
    expect(raw.Config.Env).toEqual(expect.arrayContaining(['GREETING=bonjour', 'EXTRA=1']));
    expect(raw.Config.Env).not.toContain('MODE=one');
    expect(raw.Config.Labels).toEqual({ 'berth.test': '1', tier: 'front' });
    expect(raw.HostConfig.RestartPolicy?.Name).toBe('always');
    expect(raw.HostConfig.Memory).toBe(96 * 1024 * 1024);
    expect((raw.HostConfig as { NanoCpus?: number }).NanoCpus).toBe(250_000_000);
    expect(raw.Config.WorkingDir).toBe('/data');
    expect(raw.Config.User).toBe('65534:65534');
    expect(raw.Config.Cmd).toEqual(edited.command);
    expect(raw.HostConfig.NetworkMode).toBe(NET);
    expect((raw.NetworkSettings.Networks as Record<string, { Aliases?: string[] }>)[NET]?.Aliases).toContain(
      'web-alias',
    );
    expect(raw.Mounts).toEqual([
      expect.objectContaining({ Type: 'volume', Name: VOL, Destination: '/store', RW: false }),
    ]);
    // The new container read back is the edited form, and nothing of the old one is left.
    const again = await value<EditPlan>('containers:editPlan', { id: name });
    expect(again.spec).toEqual(edited);
    expect(names().filter((n) => n.startsWith(`${name}-berth-old`))).toEqual([]);
    expect(() => cli('inspect', first.id)).toThrow();
  }, 60_000);

  it('puts the old container back untouched when the new one cannot be made (missing image)', async () => {
    const name = `${RUN}-fail`;
    const first = await value<{ id: string }>('containers:run', base(name));
    const before = inspect(name);
    const result = await call<RecreateResult>('containers:recreate', {
      id: name,
      spec: { ...base(name), image: 'berth-missing/nothing:1', env: ['MODE=two'] },
      keepEnv: [],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('NOT_FOUND');
      expect(result.error.message).toContain('berth-missing/nothing:1');
    }
    const after = inspect(name);
    expect(after.Id).toBe(first.id);
    expect(after.State.Status).toBe('running');
    expect(after.State.StartedAt).toBe(before.State.StartedAt);
    expect(after.Config).toEqual(before.Config);
    expect(after.HostConfig).toEqual(before.HostConfig);
    expect(names().filter((n) => n.startsWith(name))).toEqual([name]);
  }, 60_000);

  it('puts the old container back, running, when the new one cannot start (host port taken)', async () => {
    const holder = `${RUN}-holder`;
    await value(
      'containers:run',
      base(holder, { ports: [{ hostPort: 28781, containerPort: 80, protocol: 'tcp' }], mounts: [] }),
    );
    const name = `${RUN}-port`;
    const first = await value<{ id: string }>('containers:run', base(name, { mounts: [] }));
    const before = inspect(name);
    const result = await call<RecreateResult>('containers:recreate', {
      id: name,
      spec: { ...base(name, { mounts: [] }), ports: [{ hostPort: 28781, containerPort: 80, protocol: 'tcp' }] },
      keepEnv: [],
    });
    expect(result.ok).toBe(false);
    const after = inspect(name);
    expect(after.Id).toBe(first.id);
    expect(after.Name).toBe(`/${name}`);
    expect(after.State.Status).toBe('running');
    expect(after.Config).toEqual(before.Config);
    expect(after.HostConfig).toEqual(before.HostConfig);
    expect(names().filter((n) => n.startsWith(name))).toEqual([name]);
  }, 60_000);

  it('commits the writable layer first when asked: the new container holds the file', async () => {
    const name = `${RUN}-commit`;
    await value('containers:run', base(name, { mounts: [] }));
    await new Promise((r) => setTimeout(r, 500));
    const plan = await value<EditPlan>('containers:editPlan', { id: name });
    expect(plan.changes.map((c) => c.path)).toContain('/made-here');
    const repo = `berth-${RUN}`;
    const done = await value<RecreateResult>('containers:recreate', {
      id: name,
      spec: { ...plan.spec, command: ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done'] },
      keepEnv: [],
      commitAs: { repo, tag: 'kept' },
    });
    expect(done.committed).toBe(`${repo}:kept`);
    expect(inspect(name).Config.Image).toBe(`${repo}:kept`);
    expect(cli('exec', name, 'cat', '/made-here')).toBe('kept');
  }, 60_000);
});
