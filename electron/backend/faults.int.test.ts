/**
 * Faults during actions: the engine is stopped (SIGTERM) and, separately, killed (SIGKILL) in the middle of a build
 * and of an exec terminal, on a throwaway engine of this test's own. Each action must end with an error in words,
 * leave nothing half-done (no tag from the failed build), and work again once the engine is back on the same data.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BuildEvent } from '../../shared/dto/build';
import type { ExecChunk } from '../../shared/dto/containers';
import type { StreamMessage } from '../../shared/stream';
import { buildFixtures, startTestEngine, type TestEngine } from '../../scripts/test-engine.mjs';
import { createBackend, type Backend } from './index';
import { waitForStatus } from './backend.test-helper';

let engine: TestEngine;
let backend: Backend;
const context = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-faults-'));
fs.writeFileSync(
  path.join(context, 'Dockerfile'),
  'FROM berth-fixture/busybox:1\nARG PAUSE=60\nRUN echo started && sleep $PAUSE\n',
);
const cli = (...args: string[]) => execFileSync('docker', ['-H', engine.host, ...args], { encoding: 'utf8' }).trim();

beforeAll(async () => {
  engine = await startTestEngine({ name: 'faults' });
  await buildFixtures(engine.host);
  backend = createBackend({ env: { DOCKER_HOST: engine.host }, platform: 'linux', homedir: context });
  await waitForStatus(backend, (s) => s.state === 'connected');
}, 120_000);

afterAll(async () => {
  await backend?.dispose();
  await engine?.remove();
  fs.rmSync(context, { recursive: true, force: true });
}, 60_000);

async function until<T>(probe: () => T | undefined, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = probe();
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
  const last = (id: string) => (received.get(id) ?? []).find((m) => m.type !== 'data');
  return { session, items, last };
}

/** The fault, then the engine back on the same data root, and Berth connected to it again. */
async function fault(signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
  if (signal === 'SIGKILL') {
    const pid = (engine as unknown as { child?: { pid?: number } }).child?.pid;
    if (pid === undefined) throw new Error('the test engine is not running');
    // The whole group, as a service manager's kill would: dockerd and the containerd it started.
    process.kill(-pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 500));
    // A killed containerd leaves its socket and pid file behind; the next dockerd would wait on them.
    fs.rmSync(path.join(engine.dir, 'exec', 'containerd'), { recursive: true, force: true });
  }
  // After a kill this only reaps what dockerd left behind; otherwise it stops it gracefully.
  await engine.stop();
  await waitForStatus(backend, (s) => s.state === 'unreachable', 10_000);
}

async function bringBack(): Promise<void> {
  await engine.start();
  await waitForStatus(backend, (s) => s.state === 'connected', 15_000);
}

const aSentence = (message: unknown) => {
  expect(typeof message).toBe('string');
  expect(String(message)).toMatch(/^[A-Z].{10,}/s);
  expect(String(message)).not.toMatch(/ECONNRESET|EPIPE|socket hang up|undefined/);
};

describe.each(['SIGTERM', 'SIGKILL'] as const)('the engine gets %s', (signal) => {
  afterEach(async () => {
    if (backend.engine.status().state !== 'connected') await bringBack();
  }, 60_000);

  it('during a build: the build fails in words, nothing is tagged, and the same build works once it is back', async () => {
    const tag = `berth-fault-${signal.toLowerCase()}:1`;
    const { session, items, last } = recordingSession();
    session.subscribe('build', 'build:run', { contextPath: context, tags: [tag], builder: 'classic' });
    await until(() =>
      items<BuildEvent>('build').some((e) => e.type === 'output' && e.text.includes('started')) ? true : undefined,
    );
    await fault(signal);
    const end = await until(() => last('build')).catch((error: unknown) => {
      throw new Error(
        `${String(error)}: ${JSON.stringify(items('build')).slice(-600)} ${JSON.stringify(backend.engine.status())}`,
      );
    });
    expect(end.type).toBe('error');
    if (end.type === 'error') {
      expect(['ENGINE_UNREACHABLE', 'ENGINE_ERROR', 'CANCELLED']).toContain(end.error.code);
      aSentence(end.error.message);
    }

    await bringBack();
    expect(() => cli('image', 'inspect', tag)).toThrow();
    // No helper container of the failed step is left running.
    expect(cli('ps', '-q')).toBe('');
    session.subscribe('retry', 'build:run', {
      contextPath: context,
      tags: [tag],
      buildArgs: { PAUSE: '0' },
      builder: 'classic',
    });
    const done = await until(() => last('retry'), 60_000);
    expect(done, JSON.stringify(done)).toMatchObject({ type: 'end' });
    expect(cli('image', 'inspect', '--format', '{{.Id}}', tag)).toMatch(/^sha256:/);
    cli('rmi', tag);
  }, 120_000);

  it('during an exec terminal: the terminal ends, typing says the engine is away, and a new one opens after', async () => {
    const name = `berth-fault-exec-${signal.toLowerCase()}`;
    const id = cli('run', '-d', '--label', 'berth.test=1', '--name', name, 'berth-fixture/busybox:1', 'sleep', '600');
    const { session, items, last } = recordingSession();
    session.subscribe('term', 'containers:exec', { id, cols: 80, rows: 24 });
    const sessionId = await until(() => {
      const first = items<ExecChunk>('term').find((c) => c.type === 'session');
      return first?.type === 'session' ? first.sessionId : undefined;
    });
    await fault(signal);
    // The terminal's stream is over: an exit (the shell's connection closed) or an error, never left hanging.
    await until(() => ((last('term') ?? items<ExecChunk>('term').find((c) => c.type === 'exit')) ? true : undefined));
    const typed = await session.request('containers:execInput', { sessionId, data: 'ls\n' });
    expect(typed.ok).toBe(false);
    if (!typed.ok) aSentence(typed.error.message);

    await bringBack();
    // A fresh container: after a SIGKILL, runc may keep the old one's state, which is the engine's to clean up.
    const again = cli('run', '-d', '--label', 'berth.test=1', 'berth-fixture/busybox:1', 'sleep', '600');
    session.subscribe('term-2', 'containers:exec', {
      id: again,
      cols: 80,
      rows: 24,
      command: ['sh', '-c', 'echo back-$((40+2))'],
    });
    const exit = await until(() => items<ExecChunk>('term-2').find((c) => c.type === 'exit'));
    expect(exit).toEqual({ type: 'exit', exitCode: 0 });
    const text = items<ExecChunk>('term-2')
      .map((c) => (c.type === 'output' ? Buffer.from(c.data, 'base64').toString('utf8') : ''))
      .join('');
    expect(text).toContain('back-42');
    cli('rm', '-f', again);
  }, 120_000);
});
