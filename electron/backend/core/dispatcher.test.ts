import { afterEach, describe, expect, it, vi } from 'vitest';
import { REQUEST_CHANNELS, STREAM_CHANNELS } from '../../../shared/channels';
import type { EngineEvent, EngineStatus } from '../../../shared/dto/engine';
import { BerthFailure, type BerthError } from '../../../shared/result';
import type { StreamMessage } from '../../../shared/stream';
import { Dispatcher, MAIN_CALLER, MAX_IN_FLIGHT_PER_SESSION, MAX_SUBSCRIPTIONS_PER_SESSION } from './dispatcher';
import type { RequestHandlers, StreamHandlers, StreamSink } from './dispatcher.types';

const status: EngineStatus = {
  state: 'connecting',
  endpoint: { kind: 'unix', address: 'unix:///x.sock', source: 'default' },
  attempt: 1,
};

const mapError = (error: unknown): BerthError =>
  error instanceof BerthFailure ? error.error : { code: 'INTERNAL', message: 'Something went wrong.' };

function makeDispatcher(overrides: Partial<RequestHandlers> = {}, streamOverrides: Partial<StreamHandlers> = {}) {
  // Every channel answers with its own name unless a test gives it a handler.
  const requests = {
    ...Object.fromEntries(REQUEST_CHANNELS.map((channel) => [channel, () => channel])),
    'engine:status': () => status,
    ...overrides,
  } as RequestHandlers;
  const streams = {
    ...Object.fromEntries(STREAM_CHANNELS.map((channel) => [channel, () => undefined])),
    'engine:watch': (_input: undefined, sink: StreamSink<EngineStatus>) => sink.emit(status),
    ...streamOverrides,
  } as StreamHandlers;
  return new Dispatcher(requests, streams, { mapError, batchDelayMs: 5, batchMaxItems: 3 });
}

afterEach(() => vi.useRealTimers());

describe('Dispatcher.request', () => {
  it('answers an unknown channel with UNKNOWN_CHANNEL', async () => {
    const result = await makeDispatcher().request('containers:explode', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('does not treat inherited object keys as channels', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 42, null]) {
      const result = await makeDispatcher().request(name, undefined);
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });

  it('rejects a malformed input with INVALID_INPUT naming the field', async () => {
    const result = await makeDispatcher().request('containers:list', { all: 'yes' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.message).toContain('"all"');
    }
  });

  it('rejects unknown keys instead of passing them on', async () => {
    const result = await makeDispatcher().request('containers:list', { all: true, host: 'tcp://elsewhere' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('passes the parsed input to the handler and wraps its value', async () => {
    const list = vi.fn(() => []);
    const result = await makeDispatcher({ 'containers:list': list }).request('containers:list', { all: true });
    expect(result).toEqual({ ok: true, value: [] });
    expect(list).toHaveBeenCalledWith({ all: true }, MAIN_CALLER);
  });

  it('tells handlers which session asked: one identity per session, another for main', async () => {
    const callers: unknown[] = [];
    const list = vi.fn((_input: unknown, caller: unknown) => {
      callers.push(caller);
      return [];
    });
    const dispatcher = makeDispatcher({ 'containers:list': list });
    const a = dispatcher.openSession(() => undefined);
    const b = dispatcher.openSession(() => undefined);
    await a.request('containers:list', {});
    await a.request('containers:list', {});
    await b.request('containers:list', {});
    await dispatcher.request('containers:list', {});
    const [a1, a2, b1, main] = callers as { session: object }[];
    expect(a1?.session).toBe(a2?.session);
    expect(a1?.session).not.toBe(b1?.session);
    expect(main).toBe(MAIN_CALLER);
    expect(main?.session).not.toBe(a1?.session);
  });

  it('turns a thrown error into an error result through mapError', async () => {
    const dispatcher = makeDispatcher({
      'images:list': () => {
        throw new BerthFailure('NOT_FOUND', 'No such image.');
      },
      'engine:retry': () => Promise.reject(new Error('boom')),
    });
    expect(await dispatcher.request('images:list', undefined)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No such image.' },
    });
    expect(await dispatcher.request('engine:retry', undefined)).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });
});

describe('Dispatcher sessions', () => {
  it('batches chunks by count and by time, in order', async () => {
    let sink: StreamSink<EngineEvent> | undefined;
    const sent: StreamMessage<unknown>[] = [];
    const session = makeDispatcher({}, { 'engine:events': (_i, s) => void (sink = s) }).openSession((_id, m) =>
      sent.push(m),
    );
    expect(session.subscribe('s1', 'engine:events', undefined)).toEqual({ ok: true, value: null });
    const event = (n: number): EngineEvent => ({ scope: 'container', action: 'start', id: String(n), time: n });
    for (let n = 1; n <= 4; n++) sink!.emit(event(n));
    // Three fill a batch at once; the fourth waits for the timer.
    expect(sent).toEqual([{ type: 'data', items: [event(1), event(2), event(3)] }]);
    await new Promise((r) => setTimeout(r, 20));
    expect(sent[1]).toEqual({ type: 'data', items: [event(4)] });
  });

  it('flushes pending chunks before the end message and then forgets the subscription', () => {
    let sink: StreamSink<EngineEvent> | undefined;
    const sent: StreamMessage<unknown>[] = [];
    const session = makeDispatcher({}, { 'engine:events': (_i, s) => void (sink = s) }).openSession((_id, m) =>
      sent.push(m),
    );
    session.subscribe('s1', 'engine:events', undefined);
    sink!.emit({ scope: 'image', action: 'tag', id: 'x', time: 1 });
    sink!.end('engine stopped');
    sink!.emit({ scope: 'image', action: 'tag', id: 'y', time: 2 });
    expect(sent.map((m) => m.type)).toEqual(['data', 'end']);
    expect(session.subscriptionCount).toBe(0);
  });

  it('runs the cleanup and aborts the signal on unsubscribe and on close', () => {
    const cleanups: string[] = [];
    const signals: AbortSignal[] = [];
    const session = makeDispatcher(
      {},
      {
        'engine:events': (_i, sink) => {
          signals.push(sink.signal);
          return () => cleanups.push('events');
        },
        'engine:watch': () => () => cleanups.push('watch'),
      },
    ).openSession(() => undefined);
    session.subscribe('a', 'engine:events', undefined);
    session.subscribe('b', 'engine:watch', undefined);
    session.unsubscribe('a');
    expect(cleanups).toEqual(['events']);
    expect(signals[0]?.aborted).toBe(true);
    session.close();
    expect(cleanups).toEqual(['events', 'watch']);
    expect(session.subscriptionCount).toBe(0);
  });

  it('refuses bad ids, duplicate ids, unknown channels and bad input', () => {
    const session = makeDispatcher().openSession(() => undefined);
    expect(session.subscribe('bad id!', 'engine:watch', undefined)).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expect(session.subscribe('x', 'engine:nothing', undefined)).toMatchObject({ error: { code: 'UNKNOWN_CHANNEL' } });
    expect(session.subscribe('x', 'engine:watch', { extra: 1 })).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expect(session.subscribe('x', 'engine:events', undefined)).toEqual({ ok: true, value: null });
    expect(session.subscribe('x', 'engine:events', undefined)).toMatchObject({ error: { code: 'CONFLICT' } });
  });

  it('reports a handler that throws while starting as a stream error', () => {
    const sent: StreamMessage<unknown>[] = [];
    const session = makeDispatcher(
      {},
      {
        'engine:events': () => {
          throw new BerthFailure('ENGINE_UNREACHABLE', 'The engine is not reachable.');
        },
      },
    ).openSession((_id, m) => sent.push(m));
    expect(session.subscribe('e', 'engine:events', undefined).ok).toBe(true);
    expect(sent).toEqual([
      { type: 'error', error: { code: 'ENGINE_UNREACHABLE', message: 'The engine is not reachable.' } },
    ]);
    expect(session.subscriptionCount).toBe(0);
  });
});

describe('per-session limits', () => {
  it(`refuses subscription ${MAX_SUBSCRIPTIONS_PER_SESSION + 1} of one session, and takes new ones once some close`, () => {
    const session = makeDispatcher().openSession(() => undefined);
    for (let i = 0; i < MAX_SUBSCRIPTIONS_PER_SESSION; i++)
      expect(session.subscribe(`s${i}`, 'engine:events', undefined)).toEqual({ ok: true, value: null });
    expect(session.subscribe('one-more', 'engine:events', undefined)).toMatchObject({
      ok: false,
      error: { code: 'LIMIT_REACHED' },
    });
    session.unsubscribe('s0');
    expect(session.subscribe('one-more', 'engine:events', undefined)).toEqual({ ok: true, value: null });
    // The limit is a session's, not the dispatcher's: another page is not affected.
    const other = makeDispatcher().openSession(() => undefined);
    expect(other.subscribe('s0', 'engine:events', undefined)).toEqual({ ok: true, value: null });
    session.close();
    other.close();
  });

  it(`answers request ${MAX_IN_FLIGHT_PER_SESSION + 1} at once with LIMIT_REACHED, and takes more once answers come`, async () => {
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const session = makeDispatcher({ 'engine:status': () => gate.then(() => status) }).openSession(() => undefined);
    const waiting = Array.from({ length: MAX_IN_FLIGHT_PER_SESSION }, () =>
      session.request('engine:status', undefined),
    );
    expect(await session.request('engine:status', undefined)).toMatchObject({
      ok: false,
      error: { code: 'LIMIT_REACHED' },
    });
    release();
    expect((await Promise.all(waiting)).every((r) => r.ok)).toBe(true);
    expect(await session.request('engine:status', undefined)).toMatchObject({ ok: true });
  });
});
