import { describe, expect, it } from 'vitest';
import type Dockerode from 'dockerode';
import type { EndpointInfo } from '../../../shared/dto/engine';
import { mostTelling, probeEndpoint, withDeadline } from './engine.probe';

const at = (address: string): EndpointInfo => ({ kind: 'unix', address, source: 'default' });

describe('mostTelling', () => {
  it('prefers permission-denied on the second endpoint over a missing first socket', () => {
    const missing = { endpoint: at('unix:///a'), reason: 'socket-missing' as const, message: 'a' };
    const denied = { endpoint: at('unix:///b'), reason: 'permission-denied' as const, message: 'b' };
    expect(mostTelling([missing, denied])).toBe(denied);
  });

  it('keeps the first when all say the same', () => {
    const a = { endpoint: at('unix:///a'), reason: 'socket-missing' as const, message: 'a' };
    const b = { endpoint: at('unix:///b'), reason: 'socket-missing' as const, message: 'b' };
    expect(mostTelling([a, b])).toBe(a);
  });
});

describe('withDeadline', () => {
  it('aborts the work when the deadline passes', async () => {
    const work = (signal: AbortSignal) =>
      new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error)));
    await expect(withDeadline(20, new AbortController().signal, work)).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('aborts the work when the parent aborts', async () => {
    const parent = new AbortController();
    const pending = withDeadline(
      10_000,
      parent.signal,
      (signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('stopped')))),
    );
    parent.abort();
    await expect(pending).rejects.toThrow('stopped');
  });

  it('resolves with the work', async () => {
    await expect(withDeadline(1000, new AbortController().signal, () => Promise.resolve(7))).resolves.toBe(7);
  });
});

describe('probeEndpoint', () => {
  const candidate = { endpoint: at('unix:///podman.sock'), options: {} };
  const later =
    <T>(ms: number, value: T) =>
    (o: { abortSignal: AbortSignal }) =>
      new Promise<T>((resolve, reject) => {
        const timer = setTimeout(resolve, ms, value);
        o.abortSignal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(o.abortSignal.reason as Error);
        });
      });
  const engine = (pingMs: number, versionMs: number) => () =>
    ({
      ping: later(pingMs, 'OK'),
      version: later(versionMs, { ApiVersion: '1.41', Version: '4.3.1' }),
      info: later(1, {}),
      modem: {},
    }) as unknown as Dockerode;

  it('waits longer than the ping deadline for a slow /version once the engine answered /_ping (Podman)', async () => {
    const result = await probeEndpoint(candidate, engine(1, 120), 30, new AbortController().signal);
    expect(result).toMatchObject({ ok: true, engine: { clientApiVersion: '1.41' } });
  });

  it('still gives up on an engine that does not answer /_ping in time', async () => {
    const result = await probeEndpoint(candidate, engine(500, 1), 30, new AbortController().signal);
    expect(result).toMatchObject({ ok: false, reason: 'timeout' });
  });

  it('gives up on /version after the answer deadline', async () => {
    const result = await probeEndpoint(candidate, engine(1, 500), 30, new AbortController().signal, 60);
    expect(result).toMatchObject({ ok: false, reason: 'timeout' });
  });
});
