/**
 * For the engine-fault integration tests: stop (SIGTERM) or kill (SIGKILL) a throwaway engine of the test's own,
 * bring it back on the same data root, and wait on conditions rather than fixed sleeps.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { expect } from 'vitest';
import type { StreamMessage } from '../../shared/stream';
import type { TestEngine } from '../../scripts/test-engine.mjs';
import { waitForStatus } from './backend.test-helper';
import type { Backend } from './index';

export type FaultSignal = 'SIGTERM' | 'SIGKILL';

/** Polls `probe` until it returns something, or fails after `ms` with `what` in the message. */
export async function until<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  ms = 30_000,
  what = '',
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting${what ? ` for ${what}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A dispatcher session that keeps every stream message, by subscription id. */
export function recordingSession(backend: Backend) {
  const received = new Map<string, StreamMessage<unknown>[]>();
  const session = backend.dispatcher.openSession((id, message) => {
    received.set(id, [...(received.get(id) ?? []), message]);
  });
  const items = <T>(id: string): T[] =>
    (received.get(id) ?? []).flatMap((m) => (m.type === 'data' ? ([...m.items] as T[]) : []));
  const last = (id: string) => (received.get(id) ?? []).find((m) => m.type !== 'data');
  return { session, items, last };
}

/** Stops the engine gracefully, or kills it with its containerd as a service manager would; waits until Berth sees it. */
export async function fault(engine: TestEngine, backend: Backend, signal: FaultSignal): Promise<void> {
  if (signal === 'SIGKILL') {
    const pid = (engine as unknown as { child?: { pid?: number } }).child?.pid;
    if (pid === undefined) throw new Error('the test engine is not running');
    process.kill(-pid, 'SIGKILL');
    await until(
      () =>
        (engine as unknown as { child?: { exitCode: unknown; signalCode: unknown } }).child?.signalCode
          ? true
          : undefined,
      5000,
      'dockerd to die',
    );
    // A killed containerd leaves its socket and pid file behind; the next dockerd would wait on them.
    fs.rmSync(path.join(engine.dir, 'exec', 'containerd'), { recursive: true, force: true });
  }
  // After a kill this only reaps what dockerd left behind; otherwise it stops it gracefully.
  await engine.stop();
  await waitForStatus(backend, (s) => s.state === 'unreachable', 10_000);
}

export async function bringBack(engine: TestEngine, backend: Backend): Promise<void> {
  await engine.start();
  await waitForStatus(backend, (s) => s.state === 'connected', 15_000);
}

/** An error a person can read: a sentence, not a socket code. */
export function aSentence(message: unknown): void {
  expect(typeof message).toBe('string');
  expect(String(message)).toMatch(/^[A-Z].{10,}/s);
  expect(String(message)).not.toMatch(/ECONNRESET|EPIPE|socket hang up|undefined|\[object /);
}

export interface ThrottledProxy {
  readonly port: number;
  /** Bytes per second each way, or null for full speed. */
  rate: number | null;
  close(): Promise<void>;
}

/**
 * A TCP proxy on loopback in front of `targetPort` that passes at most `rate` bytes per second in each direction:
 * a registry slow enough for a pull or push to be caught in the middle, without sleeping in the test.
 */
export async function throttledProxy(targetPort: number, rate: number | null): Promise<ThrottledProxy> {
  const sockets = new Set<net.Socket>();
  const pipe = (from: net.Socket, to: net.Socket) => {
    from.on('data', (chunk: Buffer) => {
      const drained = to.write(chunk);
      const pause = proxy.rate === null ? 0 : (chunk.length * 1000) / proxy.rate;
      if (pause === 0 && drained) return;
      from.pause();
      const resume = () => from.resume();
      if (pause > 0) setTimeout(resume, pause);
      else to.once('drain', resume);
    });
    from.on('end', () => to.end());
    from.on('error', () => to.destroy());
    from.on('close', () => to.destroy());
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    }
    pipe(client, upstream);
    pipe(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy has no port');
  const proxy: ThrottledProxy = {
    port: address.port,
    rate,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  return proxy;
}
