/**
 * The log view's time range against a real engine: logs:follow with since/until gives the lines of
 * `docker logs -t --since --until`, ends with a sentence when the range is closed, and "Load older" stops at the
 * range's start.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Dockerode from 'dockerode';
import type { LogsChunk, LogsPage } from '../../../shared/dto/logs';
import { unpackBatch } from '../../../shared/log-batch';
import type { Result } from '../../../shared/result';
import type { StreamMessage } from '../../../shared/stream';
import { cleanupLabelled, dockerFor } from '../../../scripts/test-engine.mjs';
import { createBackend, type Backend } from '../index';
import { waitForStatus } from '../backend.test-helper';

const HOST = process.env.TEST_DOCKER_HOST ?? '';
const NAME = `lr-${process.pid}-${Date.now().toString(36)}`;
let docker: Dockerode;
let backend: Backend;
let all: string[] = [];

/** `docker logs -t [range] NAME 2>&1` as `ts text` lines, in the log's order. */
function cli(range: string[] = []): string[] {
  return execFileSync('sh', ['-c', `docker -H "$H" logs -t ${range.join(' ')} "$C" 2>&1`], {
    env: { ...process.env, H: HOST, C: NAME },
  })
    .toString('utf8')
    .split('\n')
    .filter((l) => l !== '');
}

/** Follows with `input` until the stream ends or `enough` lines came; the lines as `ts text`, and the end. */
function follow(input: Record<string, unknown>, enough = Infinity) {
  const lines: string[] = [];
  let beginning = false;
  return new Promise<{ lines: string[]; end: StreamMessage<LogsChunk> | null; beginning: boolean }>((resolve) => {
    const session = backend.dispatcher.openSession((_id, raw) => {
      const message = raw as StreamMessage<LogsChunk>;
      if (message.type !== 'data') {
        session.close();
        return resolve({ lines, end: message, beginning });
      }
      for (const chunk of message.items) {
        if (chunk.kind === 'beginning') beginning = true;
        if (chunk.kind === 'lines') lines.push(...unpackBatch(chunk).map((l) => `${l.ts} ${l.text}`));
      }
      if (lines.length >= enough) {
        session.close();
        resolve({ lines, end: null, beginning });
      }
    });
    const opened = session.subscribe('r', 'logs:follow', { container: NAME, ...input });
    if (!opened.ok) resolve({ lines, end: { type: 'error', error: opened.error }, beginning });
  });
}

beforeAll(async () => {
  docker = dockerFor(HOST);
  backend = createBackend({ env: { DOCKER_HOST: HOST }, platform: 'linux', homedir: os.tmpdir() });
  await waitForStatus(backend, (s) => s.state === 'connected');
  const c = await docker.createContainer({
    name: NAME,
    Image: 'berth-fixture/busybox:1',
    Cmd: [
      'sh',
      '-c',
      'i=0; while [ $i -lt 400 ]; do echo "tick $i"; i=$((i+1)); [ $((i % 100)) -eq 0 ] && sleep 0.4; done',
    ],
    Labels: { 'berth.test': '1' },
  });
  await c.start();
  await c.wait();
  all = cli();
}, 60_000);

afterAll(async () => {
  await backend?.dispose();
  await cleanupLabelled(HOST);
});

const tsOf = (line: string | undefined) => (line ?? '').split(' ')[0] ?? '';

describe('the log view in a time range', () => {
  it('a closed range gives the lines of docker logs --since --until, says where it ends and is its own start', async () => {
    expect(all).toHaveLength(400);
    const since = tsOf(all[120]);
    const until = tsOf(all[310]);
    const r = await follow({ tail: 1000, since, until });
    const expected = cli(['--since', since, '--until', until]);
    expect(expected.length).toBeGreaterThan(150);
    expect(expected.length).toBeLessThan(400);
    expect(r.lines).toEqual(expected);
    expect(r.end?.type).toBe('end');
    expect(r.end?.type === 'end' && r.end.reason).toMatch(/^The time range ends at .* UTC: no newer line is shown\.$/);
    expect(r.beginning).toBe(true);
  });

  it('an open range follows from its start, and Load older stops there', async () => {
    const since = tsOf(all[250]);
    const expected = cli(['--since', since]);
    const r = await follow({ tail: 50, since }, 50);
    expect(r.lines).toEqual(expected.slice(-50));
    const oldest = r.lines[0] ?? '';
    const page = (await backend.dispatcher.request('logs:older', {
      container: NAME,
      before: tsOf(oldest),
      skip: 1,
      limit: 1000,
      since,
    })) as Result<LogsPage>;
    expect(page.ok).toBe(true);
    if (!page.ok) return;
    const older = unpackBatch(page.value).map((l) => `${l.ts} ${l.text}`);
    expect([...older, ...r.lines]).toEqual(expected);
    expect(page.value.atStart).toBe(true);
    const before = (await backend.dispatcher.request('logs:older', {
      container: NAME,
      before: tsOf(all[100]),
      skip: 1,
      limit: 10,
      since,
    })) as Result<LogsPage>;
    expect(before.ok && before.value.atStart && before.value.text).toBe('');
  });

  it('refuses a range that ends before it starts, in words', async () => {
    const r = await follow({ tail: 10, since: tsOf(all[300]), until: tsOf(all[10]) });
    expect(r.end?.type === 'error' && r.end.error.message).toMatch(/ends before it starts/);
  });
});
