/**
 * Whole-history search through the Dispatcher against a real engine: hits equal `docker logs -t NAME | grep`
 * for a literal and a pattern, with and without a time range, over a container that restarted and one writing
 * to stderr; the stream filter, the context lines, bad patterns refused in words, and a cancel that closes every
 * engine connection of the scan.
 */
import { execFileSync } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Dockerode from 'dockerode';
import type { LogSearchChunk, LogSearchHit } from '../../../shared/dto/logs';
import type { StreamMessage } from '../../../shared/stream';
import { cleanupLabelled, dockerFor } from '../../../scripts/test-engine.mjs';
import { createBackend, type Backend } from '../index';
import { waitForStatus } from '../backend.test-helper';

const HOST = process.env.TEST_DOCKER_HOST ?? '';
const FIXTURE = 'berth-fixture/busybox:1';
const RUN = `ls-${process.pid}-${Date.now().toString(36)}`;
let serial = 0;

let docker: Dockerode;
let backend: Backend;

interface Scan {
  hits: LogSearchHit[];
  chunks: LogSearchChunk[];
  ended: Promise<StreamMessage<LogSearchChunk>>;
  close: () => void;
}

function search(input: Record<string, unknown>): Scan {
  const hits: LogSearchHit[] = [];
  const chunks: LogSearchChunk[] = [];
  let settle: (m: StreamMessage<LogSearchChunk>) => void = () => undefined;
  const ended = new Promise<StreamMessage<LogSearchChunk>>((r) => (settle = r));
  const session = backend.dispatcher.openSession((_id, raw) => {
    const message = raw as StreamMessage<LogSearchChunk>;
    if (message.type !== 'data') return settle(message);
    for (const chunk of message.items) {
      chunks.push(chunk);
      if (chunk.kind === 'hits') hits.push(...chunk.hits);
    }
  });
  const opened = session.subscribe(`q${++serial}`, 'logs:search', {
    regex: false,
    caseSensitive: true,
    streams: 'all',
    context: 0,
    ...input,
  });
  if (!opened.ok) throw new Error(opened.error.message);
  return { hits, chunks, ended, close: () => session.close() };
}

async function run(name: string, script: string): Promise<Dockerode.Container> {
  const c = await docker.createContainer({
    name: `${RUN}-${name}`,
    Image: FIXTURE,
    Cmd: ['sh', '-c', script],
    Labels: { 'berth.test': '1' },
  });
  await c.start();
  await c.wait();
  return c;
}

/** `docker logs -t NAME [--since --until] 2>&1 | grep ARGS`, as sorted `ts text` lines. */
function cli(name: string, grep: string[], range: string[] = [], streams = '2>&1'): string[] {
  const out = execFileSync(
    'sh',
    ['-c', `docker -H "$H" logs -t ${range.join(' ')} "$C" ${streams} | grep "$@" || true`, 'sh', ...grep],
    { env: { ...process.env, H: HOST, C: name }, maxBuffer: 64 * 1024 * 1024 },
  ).toString('utf8');
  return out
    .split('\n')
    .filter((l) => l !== '')
    .sort();
}

const asCli = (hits: LogSearchHit[], name: string) =>
  hits
    .filter((h) => h.name === name)
    .map((h) => `${h.ts} ${h.text}`)
    .sort();

const A = `${RUN}-a`;
const B = `${RUN}-b`;

beforeAll(async () => {
  docker = dockerFor(HOST);
  backend = createBackend({ env: { DOCKER_HOST: HOST }, platform: 'linux', homedir: os.tmpdir() });
  await waitForStatus(backend, (s) => s.state === 'connected');
  // A restarts: its second run appends to the same log. B writes errors to stderr.
  const a = await run(
    'a',
    `i=0; while [ $i -lt 400 ]; do echo "alpha $i ok"; [ $((i % 50)) -eq 7 ] && echo "alpha $i Needle found"; i=$((i+1)); [ $((i % 100)) -eq 0 ] && sleep 0.3; done`,
  );
  await a.start();
  await a.wait();
  await run(
    'b',
    `i=0; while [ $i -lt 300 ]; do echo "beta $i"; [ $((i % 30)) -eq 3 ] && echo "beta $i needle code=E$i" >&2; i=$((i+1)); [ $((i % 100)) -eq 0 ] && sleep 0.3; done`,
  );
}, 120_000);

afterAll(async () => {
  await backend?.dispose();
  await cleanupLabelled(HOST);
});

describe('logs:search', () => {
  it('finds a literal across a restarted container and stderr, as docker logs | grep -F does', async () => {
    const s = search({ containers: [A, B], query: 'Needle', caseSensitive: false });
    expect((await s.ended).type).toBe('end');
    expect(asCli(s.hits, A)).toEqual(cli(A, ['-F', '-i', 'Needle']));
    expect(asCli(s.hits, B)).toEqual(cli(B, ['-F', '-i', 'Needle']));
    expect(asCli(s.hits, A)).toHaveLength(16);
    expect(s.hits.filter((h) => h.name === B).every((h) => h.stream === 'stderr')).toBe(true);
    const done = s.chunks.find((c) => c.kind === 'done');
    expect(done).toMatchObject({ kind: 'done', hits: 26, capped: false });
    const progress = s.chunks.filter((c) => c.kind === 'progress').at(-1);
    expect(progress?.kind === 'progress' && progress.counts.map((c) => [c.name, c.hits, c.done])).toEqual([
      [A, 16, true],
      [B, 10, true],
    ]);
    s.close();
  });

  it('matches case as asked', async () => {
    const s = search({ containers: [A, B], query: 'Needle' });
    await s.ended;
    expect(asCli(s.hits, B)).toEqual([]);
    expect(asCli(s.hits, A)).toEqual(cli(A, ['-F', 'Needle']));
    s.close();
  });

  it('finds a pattern as grep -E does, and keeps to the chosen stream', async () => {
    const s = search({ containers: [A, B], query: 'beta [0-9]+ needle code=E[0-9]*3$', regex: true });
    await s.ended;
    expect(asCli(s.hits, B)).toEqual(cli(B, ['-E', 'beta [0-9]+ needle code=E[0-9]*3$']));
    expect(asCli(s.hits, B).length).toBeGreaterThan(0);
    const out = search({ containers: [B], query: 'needle', streams: 'stdout' });
    await out.ended;
    expect(out.hits).toEqual([]);
    const err = search({ containers: [B], query: 'beta 1', streams: 'stderr' });
    await err.ended;
    expect(asCli(err.hits, B)).toEqual(cli(B, ['-F', 'beta 1'], [], '2>&1 >/dev/null'));
    for (const x of [s, out, err]) x.close();
  });

  it('keeps to a time range, as docker logs --since --until does', async () => {
    const all = cli(A, ['-F', 'ok']);
    const since = (all[Math.floor(all.length / 4)] ?? '').split(' ')[0] ?? '';
    const until = (all[Math.floor((all.length * 3) / 4)] ?? '').split(' ')[0] ?? '';
    const s = search({ containers: [A], query: 'ok', since, until });
    await s.ended;
    const expected = cli(A, ['-F', 'ok'], ['--since', since, '--until', until]);
    expect(expected.length).toBeGreaterThan(100);
    expect(expected.length).toBeLessThan(all.length);
    expect(asCli(s.hits, A)).toEqual(expected);
  });

  it('sends context lines around a hit, and searches every container when none are named', async () => {
    const s = search({ query: 'alpha 57 Needle', context: 2 });
    await s.ended;
    const hits = s.hits.filter((h) => h.name === A);
    expect(hits).toHaveLength(2);
    expect(hits[0]?.before).toEqual(['alpha 56 ok', 'alpha 57 ok']);
    expect(hits[0]?.after).toEqual(['alpha 58 ok', 'alpha 59 ok']);
    expect(hits[0]?.text.slice(...(hits[0]?.match ?? [0, 0]))).toBe('alpha 57 Needle');
  });

  it('reads a long log newest part first and meets each part exactly: no line missed, none twice, context intact', async () => {
    // 25,000 lines: the scan reads the newest 1,000, then the 10,000 before them, then the rest from the start.
    await run('long', `awk 'BEGIN{for(i=1;i<=25000;i++) printf "row %d%s\\n", i, (i%7==0 ? " seven" : "")}'`);
    const name = `${RUN}-long`;
    const s = search({ containers: [name], query: 'seven' });
    await s.ended;
    const expected = cli(name, ['-F', 'seven']);
    expect(expected).toHaveLength(3571);
    expect(asCli(s.hits, name)).toEqual(expected);
    // Every line around where one read meets the next, with two lines of context each side.
    const edges = 'row (2399[5-9]|2400[0-9]|1499[5-9]|1500[0-9])( seven)?$';
    const near = search({ containers: [name], query: edges, regex: true, context: 2 });
    await near.ended;
    expect(asCli(near.hits, name)).toEqual(cli(name, ['-E', edges]));
    expect(near.hits).toHaveLength(30);
    for (const hit of near.hits) {
      const n = Number(/row (\d+)/.exec(hit.text)?.[1]);
      const row = (k: number) => `row ${k}${k % 7 === 0 ? ' seven' : ''}`;
      expect([hit.before, hit.after]).toEqual([
        [row(n - 2), row(n - 1)],
        [row(n + 1), row(n + 2)],
      ]);
    }
    const first = near.chunks.find((c) => c.kind === 'hits');
    expect(first?.kind === 'hits' && first.hits[0]?.text).toMatch(/^row 2400/);
    for (const x of [s, near]) x.close();
  }, 60_000);

  it('refuses a bad or runaway pattern and an unknown container in words', async () => {
    for (const [query, words] of [
      ['a(b', /not a valid regular expression/],
      ['(a+)+$', /could take very long/],
      ['x*', /matches an empty line/],
    ] as const) {
      const s = search({ containers: [A], query, regex: true });
      const end = await s.ended;
      expect(end.type).toBe('error');
      expect(end.type === 'error' && end.error.message).toMatch(words);
    }
    const missing = await search({ containers: [`${RUN}-nope`], query: 'x' }).ended;
    expect(missing.type === 'error' && missing.error.code).toBe('NOT_FOUND');
    const bad = backend.dispatcher.openSession(() => undefined).subscribe('z', 'logs:search', { query: '' });
    expect(bad.ok).toBe(false);
  });

  it('cancel aborts every engine read at once and leaves no connection open', async () => {
    const names = [];
    for (const n of ['big1', 'big2']) {
      await run(n, `awk 'BEGIN{for(i=0;i<300000;i++) print "filler line number " i}'`);
      names.push(`${RUN}-${n}`);
    }
    const sockets = () =>
      (process as unknown as { _getActiveHandles(): unknown[] })
        ._getActiveHandles()
        .filter((h) => h instanceof net.Socket && !h.destroyed).length;
    const before = sockets();
    const s = search({ containers: names, query: 'never printed' });
    const deadline = Date.now() + 20_000;
    while (!s.chunks.some((c) => c.kind === 'progress' && c.bytes > 0) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(s.chunks.some((c) => c.kind === 'done')).toBe(false);
    expect(sockets()).toBeGreaterThan(before);
    s.close();
    await new Promise((r) => setTimeout(r, 300));
    expect(sockets()).toBe(before);
    expect(s.chunks.some((c) => c.kind === 'done')).toBe(false);
  }, 60_000);
});
