/**
 * Containers through the Dispatcher (the same path the renderer uses) against a real engine, each resulting state
 * compared with what `docker inspect` says about the same container.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainRunSpec, runAction } from '../../../shared/cli/containers.cli';
import type { RunSpec } from '../../../shared/dto/containers';
import type { Result } from '../../../shared/result';
import type { TranscriptEntry } from '../../../shared/dto/transcript';
import { createBackend, type Backend } from '../index';

const HOST = process.env.TEST_DOCKER_HOST ?? '';
const FIXTURE = 'berth-fixture/busybox:1';
const RUN = `c4-${process.pid}-${Date.now().toString(36)}`;
let serial = 0;
const unique = (what: string) => `${RUN}-${what}-${++serial}`;

const cli = (...args: string[]): string => execFileSync('docker', ['-H', HOST, ...args], { encoding: 'utf8' }).trim();
const state = (name: string): string => cli('inspect', '--format', '{{.State.Status}}', name);
const cliFails = (...args: string[]): boolean => {
  try {
    execFileSync('docker', ['-H', HOST, ...args], { stdio: 'ignore' });
    return false;
  } catch {
    return true;
  }
};

let backend: Backend;
const call = async <T>(channel: string, input: unknown): Promise<Result<T>> =>
  (await backend.dispatcher.request(channel, input)) as Result<T>;
const value = async <T>(channel: string, input: unknown): Promise<T> => {
  const result = await call<T>(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
};

const spec = (overrides: Partial<RunSpec> = {}): RunSpec => ({
  ...plainRunSpec(FIXTURE),
  command: ['sleep', '600'],
  labels: { 'berth.test': '1' },
  ...overrides,
});

/** A running container whose PID 1 ends on SIGTERM (a bare `sleep` as PID 1 would ignore it). */
const graceful = (name: string) =>
  spec({ name, command: ['sh', '-c', 'trap "exit 143" TERM; while true; do sleep 1; done'] });

beforeAll(async () => {
  expect(HOST, 'TEST_DOCKER_HOST must name the engine').not.toBe('');
  backend = createBackend({ env: { DOCKER_HOST: HOST }, platform: 'linux', homedir: '/nonexistent' });
  for (let i = 0; i < 100 && backend.engine.status().state !== 'connected'; i++)
    await new Promise((r) => setTimeout(r, 50));
});

afterAll(async () => {
  await backend?.dispose();
  const left = cli('ps', '-aq', '--filter', `name=${RUN}`).split('\n').filter(Boolean);
  if (left.length > 0) cli('rm', '-f', ...left);
  const images = cli('images', '-q', `berth-c4-${process.pid}`).split('\n').filter(Boolean);
  if (images.length > 0) cli('rmi', '-f', ...images);
}, 30_000);

describe('create and run', () => {
  it('runs a container from a spec, and the shown `docker run` makes the same container', async () => {
    const name = unique('run');
    const full = spec({
      name,
      env: ['GREETING=hello world', 'API_TOKEN=s3cret'],
      ports: [{ hostPort: 18080, containerPort: 80, protocol: 'tcp' }],
      restart: 'on-failure',
      maxRetries: 2,
      workingDir: '/tmp',
      user: '65534:65534',
      labels: { 'berth.test': '1', tier: 'front' },
      entrypoint: 'sh',
      command: ['-c', 'sleep 600'],
    });
    const created = await value<{ id: string; name: string }>('containers:run', full);
    expect(created.name).toBe(name);
    expect(state(name)).toBe('running');

    // The same command line, as Berth shows it, run by the docker CLI under another name.
    const twin = unique('twin');
    const line = runAction({ ...full, name: twin }).command;
    execFileSync('sh', ['-c', line.replace(/^docker /, `docker -H ${HOST} `)]);
    const fields =
      '{{json .Config.Cmd}}|{{json .Config.Entrypoint}}|{{json .Config.Labels}}|{{.Config.WorkingDir}}|{{.Config.User}}|{{json .HostConfig.PortBindings}}|{{json .HostConfig.RestartPolicy}}';
    expect(cli('inspect', '--format', fields, twin)).toBe(cli('inspect', '--format', fields, name));
    // The same variables; the docker CLI does not always keep their order.
    const env = (id: string) => (JSON.parse(cli('inspect', '--format', '{{json .Config.Env}}', id)) as string[]).sort();
    expect(env(twin)).toEqual(env(name));
    expect(env(name)).toEqual(expect.arrayContaining(['GREETING=hello world', 'API_TOKEN=s3cret']));
    expect(state(twin)).toBe('running');

    // Secret-looking values never leave main.
    const overview = await value<{ env: { key: string; value: string; masked: boolean }[] }>('containers:inspect', {
      id: name,
    });
    expect(overview.env).toContainEqual({ key: 'API_TOKEN', value: '', masked: true });
    expect(overview.env).toContainEqual({ key: 'GREETING', value: 'hello world', masked: false });
    const raw = JSON.stringify(await value('containers:inspectRaw', { id: name }));
    expect(raw).not.toContain('s3cret');
  });

  it('joins a network with aliases under CPU and memory limits, as the shown `docker run` does', async () => {
    const network = unique('net');
    cli('network', 'create', '--label', 'berth.test=1', network);
    try {
      const name = unique('limits');
      const full = spec({ name, network, networkAliases: ['web', 'front'], cpus: 0.5, memory: 64 * 1024 * 1024 });
      await value('containers:run', full);
      const twin = unique('twin');
      execFileSync('sh', ['-c', runAction({ ...full, name: twin }).command.replace(/^docker /, `docker -H ${HOST} `)]);
      const fields = '{{.HostConfig.NetworkMode}}|{{.HostConfig.NanoCpus}}|{{.HostConfig.Memory}}';
      expect(cli('inspect', '--format', fields, name)).toBe(`${network}|500000000|67108864`);
      expect(cli('inspect', '--format', fields, twin)).toBe(cli('inspect', '--format', fields, name));
      const aliases = (id: string) =>
        (
          JSON.parse(
            cli('inspect', '--format', `{{json (index .NetworkSettings.Networks "${network}").Aliases}}`, id),
          ) as string[] | null
        )?.filter((a) => a === 'web' || a === 'front');
      expect(aliases(name)).toEqual(['web', 'front']);
      expect(aliases(twin)).toEqual(aliases(name));
    } finally {
      const on = cli('ps', '-aq', '--filter', `network=${network}`).split('\n').filter(Boolean);
      if (on.length > 0) cli('rm', '-f', ...on);
      cli('network', 'rm', network);
    }
  });

  it('publishes nothing on an engine without a bridge, but keeps the requested binding (-p is accepted)', async () => {
    const name = unique('port');
    await value('containers:run', spec({ name, ports: [{ hostPort: 18081, containerPort: 80, protocol: 'tcp' }] }));
    expect(cli('inspect', '--format', '{{json .HostConfig.PortBindings}}', name)).toBe(
      '{"80/tcp":[{"HostIp":"","HostPort":"18081"}]}',
    );
    expect(cli('inspect', '--format', '{{json .NetworkSettings.Ports}}', name)).toBe('{}');
  });

  it('refuses a taken name, explaining who has it', async () => {
    const name = unique('taken');
    await value('containers:run', spec({ name }));
    const again = await call('containers:run', spec({ name }));
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!again.ok && again.error.message).toMatch(
      new RegExp(`^The name ${name} is already taken by container [0-9a-f]{12} \\(running\\)\\.`),
    );
  });

  it('refuses a bad port mapping before it reaches the engine', async () => {
    const bad = await call(
      'containers:run',
      spec({ ports: [{ hostPort: 8080, containerPort: 70000, protocol: 'tcp' }] }),
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!bad.ok && bad.error.message).toContain('ports.0.containerPort');
  });

  it('says an image is missing and how to get it', async () => {
    const missing = await call('containers:run', spec({ image: 'berth-nope/missing:1', name: unique('missing') }));
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(!missing.ok && missing.error.message).toBe(
      'There is no image berth-nope/missing:1 on this engine. Pull or build it first (`docker pull berth-nope/missing:1`).',
    );
  });
});

describe('lifecycle, each step checked with docker inspect', () => {
  it('stop, start, pause, unpause, restart, kill, rename, remove', async () => {
    const name = unique('life');
    const { id } = await value<{ id: string }>('containers:run', graceful(name));
    const overview = async () =>
      value<{ state: string; exitCode: number; started: number; name: string; oomKilled: boolean }>(
        'containers:inspect',
        { id },
      );

    await value('containers:stop', { id, timeout: 5 });
    expect(state(name)).toBe('exited');
    expect(await overview()).toMatchObject({ state: 'exited', exitCode: 143 });
    expect(cli('inspect', '--format', '{{.State.ExitCode}}', name)).toBe('143');

    await value('containers:start', { id });
    expect(state(name)).toBe('running');
    expect((await overview()).state).toBe('running');

    await value('containers:pause', { id });
    expect(state(name)).toBe('paused');
    expect((await overview()).state).toBe('paused');

    await value('containers:unpause', { id });
    expect(state(name)).toBe('running');

    const before = cli('inspect', '--format', '{{.State.StartedAt}}', name);
    await value('containers:restart', { id, timeout: 5 });
    expect(state(name)).toBe('running');
    expect(cli('inspect', '--format', '{{.State.StartedAt}}', name)).not.toBe(before);
    expect((await overview()).started).toBe(Date.parse(cli('inspect', '--format', '{{.State.StartedAt}}', name)));

    await value('containers:kill', { id, signal: 'SIGKILL' });
    expect(state(name)).toBe('exited');
    expect(await overview()).toMatchObject({ state: 'exited', exitCode: 137, oomKilled: false });

    const renamed = unique('renamed');
    await value('containers:rename', { id, name: renamed });
    expect(cli('inspect', '--format', '{{.Name}}', id)).toBe(`/${renamed}`);
    expect((await overview()).name).toBe(renamed);

    await value('containers:remove', { id, force: false, volumes: true });
    expect(cliFails('inspect', id)).toBe(true);

    // Every action is in the transcript as the docker command that does the same.
    const commands = (await value<TranscriptEntry[]>('transcript:list', undefined)).map((e) => e.command);
    expect(commands).toEqual(
      expect.arrayContaining([
        `docker stop --time 5 ${name}`,
        `docker start ${name}`,
        `docker pause ${name}`,
        `docker unpause ${name}`,
        `docker restart --time 5 ${name}`,
        `docker kill --signal SIGKILL ${name}`,
        `docker rename ${name} ${renamed}`,
        `docker rm -v ${renamed}`,
      ]),
    );
  });

  it('a removed container cannot be started: NOT_FOUND', async () => {
    const name = unique('gone');
    const { id } = await value<{ id: string }>('containers:run', spec({ name }));
    cli('rm', '-f', name);
    const result = await call('containers:start', { id });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: `There is no container ${id} on this engine; it may have been removed.` },
    });
  });

  it('a running container is not removed without force: CONFLICT, explained; with force it goes', async () => {
    const name = unique('busy');
    const { id } = await value<{ id: string }>('containers:run', spec({ name }));
    const result = await call('containers:remove', { id, force: false, volumes: false });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!result.ok && result.error.message).toContain('is running, so the engine will not remove it. Stop it first');
    expect(state(name)).toBe('running');
    await value('containers:remove', { id, force: true, volumes: false });
    expect(cliFails('inspect', name)).toBe(true);
  });

  it('pausing a stopped container is a CONFLICT with the engine reason', async () => {
    const name = unique('stopped');
    const { id } = await value<{ id: string }>('containers:run', spec({ name, command: ['true'] }));
    cli('wait', name);
    const result = await call('containers:pause', { id });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!result.ok && result.error.message).toMatch(/is not running/);
  });
});
