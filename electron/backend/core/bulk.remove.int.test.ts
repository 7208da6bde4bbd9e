/**
 * Removing many images, volumes or networks in one batch through the Dispatcher against a real engine, checked with
 * the docker CLI: one item fails for a stated reason, the others are gone, and the transcript holds one command.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkResult } from '../../../shared/dto/bulk';
import type { TranscriptEntry } from '../../../shared/dto/transcript';
import type { Result } from '../../../shared/result';
import { createBackend, type Backend } from '../index';

const HOST = process.env.TEST_DOCKER_HOST ?? '';
const FIXTURE = 'berth-fixture/busybox:1';
const RUN = `bulkrm-${process.pid}-${Date.now().toString(36)}`;

const cli = (...args: string[]): string => execFileSync('docker', ['-H', HOST, ...args], { encoding: 'utf8' }).trim();
const lines = (text: string): string[] => text.split('\n').filter(Boolean);
const quietly = (...args: string[]) => {
  try {
    cli(...args);
  } catch {
    // Already gone.
  }
};

let backend: Backend;
const value = async <T>(channel: string, input: unknown): Promise<T> => {
  const result = (await backend.dispatcher.request(channel, input)) as Result<T>;
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
};
const lastEntry = async () => (await value<readonly TranscriptEntry[]>('transcript:list', undefined)).at(-1);

/** The one failure of a batch, with everything else done. */
function onlyFailure(result: BulkResult, total: number, name: string) {
  expect(result.items).toHaveLength(total);
  expect(result.done).toBe(total - 1);
  expect(result.failed).toBe(1);
  const failed = result.items.find((i) => !i.ok);
  expect(failed?.name).toBe(name);
  if (!failed || failed.ok) throw new Error('no failure');
  return failed.error;
}

beforeAll(async () => {
  expect(HOST, 'TEST_DOCKER_HOST must name the engine').not.toBe('');
  backend = createBackend({ env: { DOCKER_HOST: HOST }, platform: 'linux', homedir: '/nonexistent' });
  for (let i = 0; i < 100 && backend.engine.status().state !== 'connected'; i++)
    await new Promise((r) => setTimeout(r, 50));
});

afterAll(async () => {
  await backend?.dispose();
  const left = lines(cli('ps', '-aq', '--filter', `name=${RUN}`));
  if (left.length > 0) cli('rm', '-f', '-v', ...left);
  for (const v of lines(cli('volume', 'ls', '-q', '--filter', `name=${RUN}`))) quietly('volume', 'rm', v);
  for (const n of lines(cli('network', 'ls', '-q', '--filter', `name=${RUN}`))) quietly('network', 'rm', n);
  for (const i of lines(cli('image', 'ls', '--format', '{{.Repository}}:{{.Tag}}', `${RUN}*`))) quietly('rmi', i);
}, 60_000);

describe('images:bulkRemove', () => {
  it('removes two tags; an image a container was made from fails with that container named', async () => {
    const [a, b, used] = ['a', 'b', 'used'].map((x) => `${RUN}-${x}:1`) as [string, string, string];
    cli('tag', FIXTURE, a);
    cli('tag', FIXTURE, b);
    // An image of its own (one tag only), with a stopped container made from it.
    cli('create', '--name', `${RUN}-src`, '--label', 'berth.test=1', FIXTURE, 'true');
    cli('commit', `${RUN}-src`, used);
    cli('create', '--name', `${RUN}-user`, '--label', 'berth.test=1', used, 'true');

    const result = await value<BulkResult>('images:bulkRemove', { refs: [a, b, used], force: false });

    const error = onlyFailure(result, 3, used);
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(`${RUN}-user`);
    expect(lines(cli('image', 'ls', '-q', `${RUN}-a`))).toEqual([]);
    expect(lines(cli('image', 'ls', '-q', `${RUN}-b`))).toEqual([]);
    expect(lines(cli('image', 'ls', '-q', `${RUN}-used`))).toHaveLength(1);
    expect(lines(cli('image', 'ls', '-q', FIXTURE))).toHaveLength(1);
    const entry = await lastEntry();
    expect(entry?.command).toBe(`docker image rm ${a} ${b} ${used}`);
    expect(entry?.outcome).toBe('failed');
  });

  it('with force, the image of a stopped container goes too (the container keeps its layers)', async () => {
    const used = `${RUN}-forced:1`;
    cli('create', '--name', `${RUN}-src2`, '--label', 'berth.test=1', FIXTURE, 'true');
    cli('commit', `${RUN}-src2`, used);
    cli('create', '--name', `${RUN}-user2`, '--label', 'berth.test=1', used, 'true');
    const result = await value<BulkResult>('images:bulkRemove', { refs: [used], force: true });
    expect(result.done).toBe(1);
    expect(lines(cli('image', 'ls', '-q', `${RUN}-forced`))).toEqual([]);
    expect(cli('inspect', '--format', '{{.State.Status}}', `${RUN}-user2`)).toBe('created');
    expect((await lastEntry())?.command).toBe(`docker image rm --force ${used}`);
  });
});

describe('volumes:bulkRemove', () => {
  it('removes three; the one a container mounts fails with that container named', async () => {
    const names = ['a', 'b', 'c', 'used'].map((x) => `${RUN}-vol-${x}`);
    for (const name of names) cli('volume', 'create', name);
    cli('create', '--name', `${RUN}-mounter`, '--label', 'berth.test=1', '-v', `${names[3]}:/data`, FIXTURE, 'true');

    const result = await value<BulkResult>('volumes:bulkRemove', { names });

    const error = onlyFailure(result, 4, names[3] ?? '');
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(`${RUN}-mounter`);
    expect(lines(cli('volume', 'ls', '-q', '--filter', `name=${RUN}-vol-`))).toEqual([names[3]]);
    const entry = await lastEntry();
    expect(entry?.command).toBe(`docker volume rm ${names.join(' ')}`);
    expect(entry?.error).toContain('1 of 4 failed');
  });
});

describe('networks:bulkRemove', () => {
  it('removes two; one with a running container and a built-in one fail with their reasons', async () => {
    const names = ['a', 'b', 'busy'].map((x) => `${RUN}-net-${x}`);
    for (const name of names) cli('network', 'create', name);
    cli(
      'run',
      '-d',
      '--name',
      `${RUN}-member`,
      '--label',
      'berth.test=1',
      '--network',
      names[2] ?? '',
      FIXTURE,
      'sleep',
      '600',
    );

    const result = await value<BulkResult>('networks:bulkRemove', { ids: [...names, 'none'] });

    expect(result.done).toBe(2);
    expect(result.failed).toBe(2);
    const failed = new Map(result.items.flatMap((i) => (i.ok ? [] : [[i.name, i.error] as const])));
    expect([...failed.keys()].sort()).toEqual([names[2], 'none'].sort());
    expect(failed.get(names[2] ?? '')?.message).toContain(`${RUN}-member`);
    expect(failed.get('none')?.message).toMatch(/engine's own networks.*cannot be removed/);
    expect(lines(cli('network', 'ls', '--format', '{{.Name}}', '--filter', `name=${RUN}-net-`))).toEqual([names[2]]);
    expect(lines(cli('network', 'ls', '--format', '{{.Name}}', '--filter', 'name=^none$'))).toEqual(['none']);
    expect((await lastEntry())?.command).toBe(`docker network rm ${names.join(' ')} none`);
  });

  it('refuses a batch with a bad name before touching anything', async () => {
    const result = (await backend.dispatcher.request('networks:bulkRemove', { ids: ['../x'] })) as Result<BulkResult>;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INVALID_INPUT');
  });
});
