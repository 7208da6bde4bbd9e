import { describe, expect, it } from 'vitest';
import type { EndpointInfo } from '../../../shared/dto/engine';
import { mostTelling, withDeadline } from './engine.probe';

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
