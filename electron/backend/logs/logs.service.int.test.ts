/**
 * Logs through the Dispatcher against a real engine: containers with known numbered output, read back live,
 * paged backwards, across container restarts and removal, and across a restart of an engine of our own.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Dockerode from 'dockerode';
import type { LogsChunk, LogsPage } from '../../../shared/dto/logs';
import { unpackBatch } from '../../../shared/log-batch';
import type { Result } from '../../../shared/result';
import type { StreamMessage } from '../../../shared/stream';
import { buildFixtures, dockerFor, startTestEngine, type TestEngine } from '../../../scripts/test-engine.mjs';
import { createBackend, type Backend } from '../index';

const HOST = process.env.TEST_DOCKER_HOST ?? '';

const FIXTURE = 'berth-fixture/busybox:1';
const RUN = `l5-${process.pid}-${Date.now().toString(36)}`;
let serial = 0;

interface Line {
  readonly ts: string;
  readonly text: string;
  readonly stderr: boolean;
}

/** A live subscription: every line and notice in arrival order, and how it ended. */
class Follow {
  readonly lines: Line[] = [];
  readonly notices: string[] = [];
  /** Main said the lines begin with the log's first line. */
  beginning = false;
  ended: StreamMessage<LogsChunk> | null = null;
  private readonly waiters = new Set<() => void>();

  constructor(backend: Backend, input: unknown) {
    const session = backend.dispatcher.openSession((_id, message) => this.take(message as StreamMessage<LogsChunk>));
    const opened = session.subscribe(`s${++serial}`, 'logs:follow', input);
    if (!opened.ok) throw new Error(opened.error.message);
    this.close = () => session.close();
  }

  readonly close: () => void;

  until(what: string, ok: () => boolean, ms = 20_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!ok()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out waiting for ${what}; notices: ${this.notices.join(' | ')}`));
      }, ms);
      this.waiters.add(check);
      check();
    });
  }

  private take(message: StreamMessage<LogsChunk>): void {
    if (message.type !== 'data') this.ended = message;
    else {
      for (const chunk of message.items) {
        if (chunk.kind === 'notice') this.notices.push(chunk.text);
        if (chunk.kind === 'beginning') this.beginning = true;
        if (chunk.kind !== 'lines') continue;
        this.lines.push(...unpackBatch(chunk));
      }
    }
    for (const w of [...this.waiters]) w();
  }
}

async function run(docker: Dockerode, script: string, options: Partial<Dockerode.ContainerCreateOptions> = {}) {
  const container = await docker.createContainer({
    name: `${RUN}-${++serial}`,
    Image: FIXTURE,
    Cmd: ['sh', '-c', script],
    Labels: { 'berth.test': '1' },
    ...options,
  });
  await container.start();
  return container;
}

const waitExit = (c: Dockerode.Container) => c.wait();
const texts = (lines: readonly Line[]) => lines.map((l) => l.text);
const numbered = (from: number, to: number, prefix = 'line ') =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

describe('logs against the shared engine', () => {
  let backend: Backend;
  let docker: Dockerode;
  const open: Follow[] = [];
  const follow = (input: unknown) => {
    const f = new Follow(backend, input);
    open.push(f);
    return f;
  };

  beforeAll(async () => {
    docker = dockerFor(HOST);
    backend = createBackend({ env: { DOCKER_HOST: HOST }, platform: 'linux', homedir: '/tmp' });
    await new Promise<void>((resolve) => {
      if (backend.engine.status().state === 'connected') return resolve();
      const off = backend.engine.onStatus((s) => s.state === 'connected' && (off(), resolve()));
    });
  });
  afterAll(async () => {
    for (const f of open) f.close();
    await backend.dispose();
  });

  it('opens on the newest lines, keeps stderr apart, then pages back with no gap and no duplicate', async () => {
    const c = await run(
      docker,
      `awk 'BEGIN{for(i=1;i<=3000;i++){print "line " i; fflush(); if(i%500==0) {print "warn " i > "/dev/stderr"; fflush()}}}'`,
    );
    await waitExit(c);
    const f = follow({ container: c.id, tail: 400 });
    await f.until('the tail', () => f.notices.some((n) => n.includes('stopped')));
    const shown = texts(f.lines);
    expect(shown).toHaveLength(400);
    // The engine stamps each stream as it reads it, so stderr's place among stdout lines is not fixed.
    expect(f.lines.every((l) => l.stderr === l.text.startsWith('warn '))).toBe(true);

    let held: Line[] = f.lines;
    for (let pages = 0; pages < 20; pages++) {
      const oldest = held[0]!;
      const skip = held.filter((l) => l.ts === oldest.ts).length;
      const result = (await backend.dispatcher.request('logs:older', {
        container: c.id,
        before: oldest.ts,
        skip,
        limit: 700,
      })) as Result<LogsPage>;
      if (!result.ok) throw new Error(result.error.message);
      const page = result.value;
      held = [...unpackBatch(page), ...held];
      if (page.atStart) break;
    }
    expect(texts(held.filter((l) => !l.stderr))).toEqual(numbered(1, 3000));
    expect(texts(held.filter((l) => l.stderr))).toEqual([500, 1000, 1500, 2000, 2500, 3000].map((n) => `warn ${n}`));
    // Paged back together, the log is exactly what one read of the whole log gives, order included.
    const whole = follow({ container: c.id, tail: 'all' });
    await whole.until('the whole log', () => whole.lines.length === 3006);
    expect(held).toEqual(whole.lines);
  });

  it('pages back from lines the engine stamped out of order, matching docker logs line for line', async () => {
    // stdout and stderr are stamped by two goroutines, so a burst on both leaves a few lines stamped before
    // the ones written ahead of them. Each such line is taken as the view's oldest line.
    const c = await run(
      docker,
      'i=1; while [ $i -le 6000 ]; do echo "n $i"; [ $((i % 3)) -eq 0 ] && echo "e $i" >&2; i=$((i+1)); done',
    );
    await waitExit(c);
    const cli = execFileSync('sh', ['-c', `docker -H "$0" logs --timestamps "$1" 2>&1`, HOST, c.id], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    })
      .trimEnd()
      .split('\n')
      .map((l) => ({ ts: l.slice(0, l.indexOf(' ')), text: l.slice(l.indexOf(' ') + 1) }));
    expect(cli).toHaveLength(8000);
    let reordered = cli.flatMap((l, i) => (i > 50 && l.ts < cli[i - 1]!.ts ? [i] : []));
    if (reordered.length === 0) {
      console.log('The engine wrote this burst in timestamp order: paging from ordinary lines instead.');
      reordered = [1234, 4321, 7000];
    }
    for (const i of reordered.slice(0, 10)) {
      const cursor = cli[i]!;
      const r = (await backend.dispatcher.request('logs:older', {
        container: c.id,
        before: cursor.ts,
        skip: cli.slice(i).filter((l) => l.ts === cursor.ts).length,
        limit: 50,
      })) as Result<LogsPage>;
      if (!r.ok) throw new Error(r.error.message);
      expect(unpackBatch(r.value).map((l) => `${l.ts} ${l.text}`)).toEqual(
        cli.slice(i - 50, i).map((l) => `${l.ts} ${l.text}`),
      );
    }
  });

  it('says when the first read holds the whole log, and only then', async () => {
    const c = await run(docker, `awk 'BEGIN{for(i=1;i<=5;i++) print "s" i}'`);
    await waitExit(c);
    const exact = follow({ container: c.id, tail: 5 });
    const all = follow({ container: c.id, tail: 'all' });
    const short = follow({ container: c.id, tail: 4 });
    await exact.until('the hint', () => exact.beginning);
    await all.until('the hint', () => all.beginning);
    await short.until('the stop notice', () => short.notices.some((n) => n.includes('stopped')));
    // The hint comes from a second read; give it time to arrive if it were (wrongly) coming.
    await exact.until('five lines', () => exact.lines.length === 5);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(short.lines).toHaveLength(4);
    expect(short.beginning).toBe(false);
  });

  it('skips exactly the lines the view holds at the cursor timestamp', async () => {
    const c = await run(docker, `awk 'BEGIN{for(i=1;i<=50;i++) print "n" i}'`);
    await waitExit(c);
    const f = follow({ container: c.id, tail: 'all' });
    await f.until('50 lines', () => f.lines.length === 50);
    const at = f.lines[30]!;
    const older = async (skip: number) => {
      const r = (await backend.dispatcher.request('logs:older', {
        container: c.id,
        before: at.ts,
        skip,
        limit: 5,
      })) as Result<LogsPage>;
      if (!r.ok) throw new Error(r.error.message);
      return unpackBatch(r.value).map((l) => l.text);
    };
    expect(await older(1)).toEqual(['n26', 'n27', 'n28', 'n29', 'n30']);
    expect(await older(0)).toEqual(['n27', 'n28', 'n29', 'n30', 'n31']);
  });

  it('follows new lines, marks a restart and ends with a message when the container is removed', async () => {
    const c = await run(docker, 'echo started; while true; do echo tick; sleep 0.2; done');
    const f = follow({ container: c.id, tail: 10 });
    await f.until('a tick', () => f.lines.some((l) => l.text === 'tick'));
    await c.restart({ t: 0 });
    await f.until('the restart marker', () => f.notices.some((n) => n.includes('restarted')));
    await f.until('output after the restart', () => texts(f.lines).filter((t) => t === 'started').length === 2);
    await c.remove({ force: true });
    await f.until('the end', () => f.ended !== null);
    expect(f.ended).toMatchObject({ type: 'end', reason: expect.stringContaining('was removed') as unknown });
  });

  it('reads a TTY container raw and joins a line longer than 16 KB', async () => {
    const c = await run(docker, `printf 'tty says hi\\n'; awk 'BEGIN{s=""; for(i=0;i<20000;i++) s=s "é"; print s}'`, {
      Tty: true,
    });
    await waitExit(c);
    const f = follow({ container: c.id, tail: 'all' });
    await f.until('two lines', () => f.lines.length === 2);
    expect(f.lines[0]).toMatchObject({ text: 'tty says hi', stderr: false });
    expect(f.lines[1]!.text).toBe('é'.repeat(20_000));
  });

  it('explains a container whose log driver keeps nothing', async () => {
    const c = await run(docker, 'echo lost', { HostConfig: { LogConfig: { Type: 'none', Config: {} } } });
    const f = follow({ container: c.id, tail: 10 });
    await f.until('the error', () => f.ended !== null);
    expect(f.ended).toMatchObject({ type: 'error', error: { code: 'CONFLICT' } });
    expect(f.ended?.type === 'error' && f.ended.error.message).toMatch(/log driver "none"/);
  });
});

describe('logs across an engine restart', () => {
  let engine: TestEngine;
  let backend: Backend;

  beforeAll(async () => {
    engine = await startTestEngine({ name: 'logs' });
    await buildFixtures(engine.host);
    backend = createBackend({ env: { DOCKER_HOST: engine.host }, platform: 'linux', homedir: '/tmp' });
  }, 120_000);
  afterAll(async () => {
    await backend?.dispose();
    await engine?.remove();
  });

  it('resumes from the last timestamp with no lost and no duplicated line', async () => {
    const docker = dockerFor(engine.host);
    const c = await run(docker, 'i=0; while true; do i=$((i+1)); echo "n $i"; echo "e $i" >&2; usleep 20000; done', {
      HostConfig: { RestartPolicy: { Name: 'always' } },
    });
    await new Promise<void>((resolve) => {
      if (backend.engine.status().state === 'connected') return resolve();
      const off = backend.engine.onStatus((s) => s.state === 'connected' && (off(), resolve()));
    });
    const f = new Follow(backend, { container: c.id, tail: 'all' });
    await f.until('some lines', () => f.lines.length > 40);
    await engine.stop();
    await f.until('the loss notice', () => f.notices.some((n) => n.includes('Lost the Docker Engine')));
    await engine.start();
    await f.until('the return notice', () => f.notices.some((n) => n.includes('is back')), 60_000);
    const seen = f.lines.length;
    await f.until('lines after the restart', () => f.lines.length > seen + 40, 30_000);
    f.close();

    // The whole log, read in one go, is the reference.
    const reference: string[] = [];
    const ref = new Follow(backend, { container: c.id, tail: 'all' });
    await ref.until('the reference', () => ref.lines.length >= f.lines.length);
    ref.close();
    reference.push(...ref.lines.slice(0, f.lines.length).map((l) => `${l.ts} ${l.stderr ? 'E' : 'O'} ${l.text}`));
    expect(f.lines.map((l) => `${l.ts} ${l.stderr ? 'E' : 'O'} ${l.text}`)).toEqual(reference);
    await docker.getContainer(c.id).remove({ force: true });
  }, 180_000);
});
