import { describe, expect, it } from 'vitest';
import type { Result } from '../../shared/result';
import type { StreamMessage } from '../../shared/stream';
import { IPC_STREAM, IPC_SUBSCRIBE, IPC_UNSUBSCRIBE } from '../ipc.channels';
import { createIpcTransport, randomIdPrefix, type IpcRendererLike } from './ipc.transport';

// ipcRenderer cannot run here; this stand-in records calls and lets the test answer them and push stream messages.
function fakeIpc(answer: (channel: string, args: unknown[]) => unknown = () => ({ ok: true, value: null })) {
  const invoked: [string, unknown[]][] = [];
  const sent: [string, unknown[]][] = [];
  let streamListener: ((event: unknown, ...args: unknown[]) => void) | undefined;
  const ipc: IpcRendererLike = {
    invoke: (channel, ...args) => {
      invoked.push([channel, args]);
      try {
        return Promise.resolve(answer(channel, args));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    send: (channel, ...args) => void sent.push([channel, args]),
    on: (channel, listener) => {
      if (channel === IPC_STREAM) streamListener = listener;
    },
  };
  const push = (id: unknown, message: unknown) => streamListener?.({ sender: 'the IPC event' }, id, message);
  return { ipc, invoked, sent, push };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createIpcTransport requests', () => {
  it('invokes the channel with its input and returns main’s Result', async () => {
    const { ipc, invoked } = fakeIpc(() => ({ ok: true, value: [1, 2] }));
    const transport = createIpcTransport(ipc, 'p_');
    expect(await transport.request('containers:list', { all: true })).toEqual({ ok: true, value: [1, 2] });
    expect(invoked).toEqual([['containers:list', [{ all: true }]]]);
  });

  it('passes a failure Result through untouched', async () => {
    const failure = { ok: false, error: { code: 'NOT_FOUND', message: 'No such container.' } };
    const { ipc } = fakeIpc(() => failure);
    expect(await createIpcTransport(ipc, 'p_').request('x:y', undefined)).toEqual(failure);
  });

  it('turns a rejected invoke into an INTERNAL Result instead of throwing', async () => {
    const { ipc } = fakeIpc(() => {
      throw new Error("No handler registered for 'x:y'");
    });
    const result = await createIpcTransport(ipc, 'p_').request('x:y', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('turns an answer that is not a Result into an INTERNAL Result', async () => {
    const { ipc } = fakeIpc(() => 'surprise');
    const result = await createIpcTransport(ipc, 'p_').request('x:y', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('createIpcTransport streams', () => {
  it('subscribes with a fresh prefixed id and routes only that id’s messages to the listener', () => {
    const { ipc, invoked, push } = fakeIpc();
    const transport = createIpcTransport(ipc, 'pq_');
    const a: StreamMessage<unknown>[] = [];
    const b: StreamMessage<unknown>[] = [];
    transport.subscribe('engine:watch', undefined, (m) => a.push(m));
    transport.subscribe('engine:events', { since: 1 }, (m) => b.push(m));
    expect(invoked).toEqual([
      [IPC_SUBSCRIBE, ['pq_1', 'engine:watch', undefined]],
      [IPC_SUBSCRIBE, ['pq_2', 'engine:events', { since: 1 }]],
    ]);
    push('pq_1', { type: 'data', items: ['x'] });
    push('pq_2', { type: 'data', items: ['y'] });
    push('other', { type: 'data', items: ['z'] });
    expect(a).toEqual([{ type: 'data', items: ['x'] }]);
    expect(b).toEqual([{ type: 'data', items: ['y'] }]);
  });

  it('hands the listener only the message, never the IPC event', () => {
    const { ipc, push } = fakeIpc();
    const args: unknown[][] = [];
    createIpcTransport(ipc, 'p_').subscribe('engine:watch', undefined, (...received: unknown[]) => args.push(received));
    push('p_1', { type: 'data', items: [1] });
    expect(args).toEqual([[{ type: 'data', items: [1] }]]);
  });

  it('stops routing after end or error', () => {
    const { ipc, push } = fakeIpc();
    const got: StreamMessage<unknown>[] = [];
    createIpcTransport(ipc, 'p_').subscribe('engine:watch', undefined, (m) => got.push(m));
    push('p_1', { type: 'end' });
    push('p_1', { type: 'data', items: [1] });
    expect(got).toEqual([{ type: 'end' }]);
  });

  it('unsubscribes once, telling main, and drops later messages', () => {
    const { ipc, sent, push } = fakeIpc();
    const got: StreamMessage<unknown>[] = [];
    const stop = createIpcTransport(ipc, 'p_').subscribe('engine:watch', undefined, (m) => got.push(m));
    stop();
    stop();
    push('p_1', { type: 'data', items: [1] });
    expect(sent).toEqual([[IPC_UNSUBSCRIBE, ['p_1']]]);
    expect(got).toEqual([]);
  });

  it('reports a refused subscription to the listener as a stream error', async () => {
    const refused: Result<never> = { ok: false, error: { code: 'PERMISSION_DENIED', message: 'No.' } };
    const { ipc, sent } = fakeIpc(() => refused);
    const got: StreamMessage<unknown>[] = [];
    createIpcTransport(ipc, 'p_').subscribe('engine:watch', undefined, (m) => got.push(m));
    await settle();
    expect(got).toEqual([{ type: 'error', error: refused.error }]);
    expect(sent).toEqual([]);
  });

  it('says nothing about a refused subscription that was already unsubscribed', async () => {
    const { ipc } = fakeIpc(() => ({ ok: false, error: { code: 'INTERNAL', message: 'x' } }));
    const got: StreamMessage<unknown>[] = [];
    createIpcTransport(ipc, 'p_').subscribe('engine:watch', undefined, (m) => got.push(m))();
    await settle();
    expect(got).toEqual([]);
  });

  it('ignores malformed stream messages', () => {
    const { ipc, push } = fakeIpc();
    const got: StreamMessage<unknown>[] = [];
    createIpcTransport(ipc, 'p_').subscribe('engine:watch', undefined, (m) => got.push(m));
    push(1, { type: 'data', items: [] });
    push('p_1', null);
    push('p_1', 'text');
    expect(got).toEqual([]);
  });
});

describe('randomIdPrefix', () => {
  it('makes ids the dispatcher accepts, different per page load', () => {
    let seed = 0;
    const random = (bytes: Uint8Array) => bytes.map(() => (seed += 37) % 256);
    const one = randomIdPrefix(random);
    const two = randomIdPrefix(random);
    expect(one).toMatch(/^p[0-9a-f]{12}_$/);
    expect(`${one}123`).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(one).not.toBe(two);
  });
});
