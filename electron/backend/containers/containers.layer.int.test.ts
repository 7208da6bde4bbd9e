/**
 * The writable layer (diff, size, commit), processes, live stats and the exec terminal against a real engine,
 * through the Dispatcher and its sessions as the renderer uses them.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContainerChanges, ContainerOverview, ExecChunk, StatsSample } from '../../../shared/dto/containers';
import type { Result } from '../../../shared/result';
import type { StreamMessage } from '../../../shared/stream';
import { createBackend, type Backend } from '../index';

const HOST = process.env.TEST_DOCKER_HOST ?? '';
const FIXTURE = 'berth-fixture/busybox:1';
const RUN = `c4l-${process.pid}-${Date.now().toString(36)}`;
const REPO = `berth-c4-${process.pid}/committed`;
const cli = (...args: string[]): string => execFileSync('docker', ['-H', HOST, ...args], { encoding: 'utf8' }).trim();

let backend: Backend;
const value = async <T>(channel: string, input: unknown): Promise<T> => {
  const result = (await backend.dispatcher.request(channel, input)) as Result<T>;
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
};

async function until<T>(probe: () => T | undefined | Promise<T | undefined>, ms = 8000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function recordingSession() {
  const received = new Map<string, StreamMessage<unknown>[]>();
  const session = backend.dispatcher.openSession((id, message) => {
    received.set(id, [...(received.get(id) ?? []), message]);
  });
  const items = <T>(id: string): T[] =>
    (received.get(id) ?? []).flatMap((m) => (m.type === 'data' ? ([...m.items] as T[]) : []));
  /** A request from this session (as its window or socket would send it), failing on an error. */
  const ask = async (channel: string, input: unknown): Promise<unknown> => {
    const result = await session.request(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  return { session, received, items, ask };
}

const runContainer = (name: string) =>
  cli('run', '-d', '--label', 'berth.test=1', '--name', name, FIXTURE, 'sleep', '600');

beforeAll(async () => {
  expect(HOST, 'TEST_DOCKER_HOST must name the engine').not.toBe('');
  backend = createBackend({ env: { DOCKER_HOST: HOST }, platform: 'linux', homedir: '/nonexistent' });
  await until(() => (backend.engine.status().state === 'connected' ? true : undefined));
});

afterAll(async () => {
  await backend?.dispose();
  const left = cli('ps', '-aq', '--filter', `name=${RUN}`).split('\n').filter(Boolean);
  if (left.length > 0) cli('rm', '-f', ...left);
  const images = cli('images', '-q', REPO).split('\n').filter(Boolean);
  if (images.length > 0) cli('rmi', '-f', ...images);
}, 30_000);

describe('the writable layer', () => {
  it('shows a written file in the diff and its size, and commit puts it in one new layer on top', async () => {
    const name = `${RUN}-layer`;
    const id = runContainer(name);
    const empty = await value<ContainerChanges>('containers:changes', { id });
    expect(empty.entries).toEqual([]);

    cli('exec', name, 'sh', '-c', 'mkdir -p /srv/notes && head -c 5000 /dev/zero > /srv/notes/berth.txt && rm /bin/vi');
    const changes = await value<ContainerChanges>('containers:changes', { id });
    expect(changes.entries).toEqual(
      expect.arrayContaining([
        { path: '/srv/notes/berth.txt', kind: 'added' },
        { path: '/bin/vi', kind: 'deleted' },
        { path: '/bin', kind: 'changed' },
      ]),
    );
    expect(changes.counts.added).toBeGreaterThanOrEqual(3);
    const srv = changes.tree.find((n) => n.name === 'srv');
    expect(srv?.children[0]?.children[0]).toMatchObject({
      name: 'berth.txt',
      path: '/srv/notes/berth.txt',
      kind: 'added',
    });

    const overview = await value<ContainerOverview>('containers:inspect', { id });
    const [sizeRw, sizeRootFs] = cli('inspect', '--size', '--format', '{{.SizeRw}} {{.SizeRootFs}}', name).split(' ');
    expect(overview.sizeRw).toBe(Number(sizeRw));
    expect(overview.sizeRootFs).toBe(Number(sizeRootFs));
    expect(overview.sizeRw).toBeGreaterThanOrEqual(5000);
    const baseLayers = Number(cli('image', 'inspect', '--format', '{{len .RootFS.Layers}}', FIXTURE));
    expect(overview.imageLayers).toBe(baseLayers);

    const committed = await value<{ imageId: string; reference: string }>('containers:commit', {
      id,
      repo: REPO,
      tag: 'v1',
      message: 'notes added',
      author: 'Berth test',
    });
    expect(committed.reference).toBe(`${REPO}:v1`);
    expect(cli('image', 'inspect', '--format', '{{.Id}}', `${REPO}:v1`)).toBe(committed.imageId);
    expect(Number(cli('image', 'inspect', '--format', '{{len .RootFS.Layers}}', `${REPO}:v1`))).toBe(baseLayers + 1);
    expect(cli('image', 'inspect', '--format', '{{.Comment}}|{{.Author}}', `${REPO}:v1`)).toBe(
      'notes added|Berth test',
    );

    // The new top layer, read from `docker save`, holds the file (and the deletion as a whiteout).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-c4-save-'));
    try {
      execFileSync('sh', ['-c', `docker -H ${HOST} save ${REPO}:v1 | tar -x -C ${dir}`]);
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { Layers: string[] }[];
      const layers = manifest[0]?.Layers ?? [];
      expect(layers).toHaveLength(baseLayers + 1);
      const top = execFileSync('tar', ['-tf', path.join(dir, layers.at(-1) ?? '')], { encoding: 'utf8' });
      expect(top.split('\n')).toEqual(expect.arrayContaining(['srv/notes/berth.txt', 'bin/.wh.vi']));
      const below = execFileSync('tar', ['-tf', path.join(dir, layers.at(-2) ?? '')], { encoding: 'utf8' });
      expect(below).not.toContain('berth.txt');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('processes and stats', () => {
  it('lists the processes like docker top', async () => {
    const name = `${RUN}-top`;
    const id = runContainer(name);
    const table = await value<{ titles: string[]; processes: string[][] }>('containers:top', { id });
    expect(table.titles).toContain('CMD');
    const cmd = table.titles.indexOf('CMD');
    expect(table.processes.map((p) => p[cmd])).toContain('sleep 600');
  });

  it('streams stats samples for the asked containers until unsubscribed', async () => {
    const name = `${RUN}-stats`;
    const id = runContainer(name);
    const { session, items } = recordingSession();
    expect(session.subscribe('stats-1', 'containers:stats', { ids: [id] })).toEqual({ ok: true, value: null });
    const samples = await until(() => {
      const got = items<StatsSample>('stats-1');
      return got.length >= 2 ? got : undefined;
    });
    expect(samples.every((s) => s.id === id)).toBe(true);
    expect(samples[0]?.cpuPercent).toBeNull();
    expect(samples[1]?.cpuPercent).toBeGreaterThanOrEqual(0);
    expect(samples[1]?.memoryUsed).toBeGreaterThan(0);
    expect(samples[1]?.pids).toBe(1);
    session.unsubscribe('stats-1');
    expect(session.subscriptionCount).toBe(0);
  });

  it('ends the stats stream of a container that stops', async () => {
    const name = `${RUN}-stats-end`;
    const id = runContainer(name);
    const { session, received } = recordingSession();
    session.subscribe('stats-2', 'containers:stats', { ids: [id] });
    await until(() => ((received.get('stats-2') ?? []).length > 0 ? true : undefined));
    cli('kill', name);
    const last = await until(() => (received.get('stats-2') ?? []).find((m) => m.type !== 'data'));
    expect(last).toEqual({ type: 'end', reason: 'stopped' });
  });
});

describe('exec terminal', () => {
  const decode = (chunks: ExecChunk[]): string =>
    chunks.map((c) => (c.type === 'output' ? Buffer.from(c.data, 'base64').toString('utf8') : '')).join('');

  it('runs a TTY shell: input, output, resize; unsubscribing ends the shell', async () => {
    const name = `${RUN}-exec`;
    const id = runContainer(name);
    const { session, items, ask } = recordingSession();
    session.subscribe('term-1', 'containers:exec', { id, cols: 80, rows: 24 });
    const sessionId = await until(() => {
      const first = items<ExecChunk>('term-1').find((c) => c.type === 'session');
      return first?.type === 'session' ? first.sessionId : undefined;
    });
    await ask('containers:execInput', { sessionId, data: 'echo "hel""lo"\n' });
    await until(() => (/^hello\r?$/m.test(decode(items('term-1'))) ? true : undefined));

    await ask('containers:execResize', { sessionId, cols: 100, rows: 40 });
    await ask('containers:execInput', { sessionId, data: 'stty size\n' });
    await until(() => (/^40 100\r?$/m.test(decode(items('term-1'))) ? true : undefined));

    const shells = () =>
      cli('top', name)
        .split('\n')
        .filter((l) => /\/bin\/sh\s*$/.test(l)).length;
    expect(shells()).toBe(1);
    session.unsubscribe('term-1');
    await until(() => (shells() === 0 ? true : undefined));
    const ended = await backend.dispatcher.request('containers:execInput', { sessionId, data: 'echo again\n' });
    expect(ended).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'That terminal session has ended.' },
    });
  });

  it('is tied to the session that opened it: another cannot type or resize, and closing the session ends the shell', async () => {
    const name = `${RUN}-exec-owner`;
    const id = runContainer(name);
    const owner = recordingSession();
    const stranger = recordingSession();
    owner.session.subscribe('term-o', 'containers:exec', { id, cols: 80, rows: 24 });
    const sessionId = await until(() => {
      const first = owner.items<ExecChunk>('term-o').find((c) => c.type === 'session');
      return first?.type === 'session' ? first.sessionId : undefined;
    });
    const denied = { ok: false, error: { code: 'PERMISSION_DENIED' } };
    expect(
      await stranger.session.request('containers:execInput', { sessionId, data: 'echo stranger-$((1+1))\n' }),
    ).toMatchObject(denied);
    expect(
      await backend.dispatcher.request('containers:execInput', { sessionId, data: 'echo main-$((2+2))\n' }),
    ).toMatchObject(denied);
    expect(await stranger.session.request('containers:execResize', { sessionId, cols: 10, rows: 10 })).toMatchObject(
      denied,
    );
    await owner.ask('containers:execInput', { sessionId, data: 'echo done-$((6*7))\n' });
    await until(() => (/done-42/.test(decode(owner.items('term-o'))) ? true : undefined));
    const screen = decode(owner.items('term-o'));
    expect(screen).not.toContain('stranger');
    expect(screen).not.toContain('main-4');

    const shells = () =>
      cli('top', name)
        .split('\n')
        .filter((l) => /\/bin\/sh\s*$/.test(l)).length;
    expect(shells()).toBe(1);
    // The window closes or the socket drops: the session's streams end, and with them the shell.
    owner.session.close();
    await until(() => (shells() === 0 ? true : undefined));
    expect(await owner.session.request('containers:execInput', { sessionId, data: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('reports the exit code when the shell exits by itself', async () => {
    const name = `${RUN}-exec-exit`;
    const id = runContainer(name);
    const { session, items, received } = recordingSession();
    session.subscribe('term-2', 'containers:exec', { id, cols: 80, rows: 24, command: ['sh', '-c', 'exit 3'] });
    const exit = await until(() => items<ExecChunk>('term-2').find((c) => c.type === 'exit'));
    expect(exit).toEqual({ type: 'exit', exitCode: 3 });
    expect(received.get('term-2')?.some((m) => m.type === 'error')).toBe(false);
  });

  it('refuses a terminal in a stopped container with CONFLICT', async () => {
    const name = `${RUN}-exec-stopped`;
    const id = cli('create', '--label', 'berth.test=1', '--name', name, FIXTURE, 'true');
    const { session, received } = recordingSession();
    session.subscribe('term-3', 'containers:exec', { id, cols: 80, rows: 24 });
    const error = await until(() => (received.get('term-3') ?? []).find((m) => m.type === 'error'));
    expect(error).toMatchObject({ type: 'error', error: { code: 'CONFLICT' } });
    expect(error.type === 'error' && error.error.message).toContain('is not running');
  });
});
