import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { REQUEST_CHANNELS, requestChannels, STREAM_CHANNELS } from '../../shared/contract';
import type { BerthError, Result } from '../../shared/result';
import type { StreamMessage } from '../../shared/stream';
import { IPC_STREAM, IPC_SUBSCRIBE, IPC_UNSUBSCRIBE } from '../ipc.channels';
import { Dispatcher } from '../backend/core/dispatcher';
import type { RequestHandlers, StreamHandlers, StreamSink } from '../backend/core/dispatcher.types';
import { registerIpc, type IpcEvent, type IpcMainLike, type IpcWebContents } from './ipc.registrar';
import type { SenderFrame } from './security/sender';

// Electron's ipcMain and webContents cannot run here; these stand-ins behave like them for what the registrar uses.
type Listener = (event: IpcEvent, ...args: unknown[]) => unknown;

class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();
  readonly listeners = new Map<string, Listener>();
  handle(channel: string, listener: Listener) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  on(channel: string, listener: Listener) {
    this.listeners.set(channel, listener);
  }
  removeListener(channel: string, listener: Listener) {
    if (this.listeners.get(channel) === listener) this.listeners.delete(channel);
  }
  invoke(event: IpcEvent, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return Promise.resolve(handler(event, ...args));
  }
  send(event: IpcEvent, channel: string, ...args: unknown[]) {
    this.listeners.get(channel)?.(event, ...args);
  }
}

class FakeContents extends EventEmitter implements IpcWebContents {
  private static next = 1;
  readonly id = FakeContents.next++;
  readonly sent: [string, StreamMessage<unknown>][] = [];
  private destroyed = false;
  isDestroyed() {
    return this.destroyed;
  }
  send(channel: string, id: unknown, message: unknown) {
    if (channel !== IPC_STREAM) throw new Error(`unexpected channel ${channel}`);
    this.sent.push([id as string, message as StreamMessage<unknown>]);
  }
  destroy() {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

const APP = 'file:///app/out/renderer/index.html';
const appFrame: SenderFrame = { url: APP, parent: null };
const eventFrom = (sender: FakeContents, senderFrame: SenderFrame | null = appFrame): IpcEvent => ({
  sender,
  senderFrame,
});

const sinks: StreamSink<unknown>[] = [];
const stopped: string[] = [];
// Tiny handlers for every channel: a request answers its own name; a stream parks its sink for the test to drive.
const requests = Object.fromEntries(
  REQUEST_CHANNELS.map((c) => [c, () => ({ answered: c })]),
) as unknown as RequestHandlers;
const streams = Object.fromEntries(
  STREAM_CHANNELS.map((c) => [
    c,
    (_input: unknown, sink: StreamSink<unknown>) => {
      sinks.push(sink);
      return () => stopped.push(c);
    },
  ]),
) as unknown as StreamHandlers;

function setup() {
  const dispatcher = new Dispatcher(requests, streams, {
    mapError: (): BerthError => ({ code: 'INTERNAL', message: 'Something went wrong.' }),
    batchDelayMs: 1,
  });
  const ipcMain = new FakeIpcMain();
  const logged: string[] = [];
  const dispose = registerIpc({
    ipcMain,
    dispatcher,
    isTrusted: (frame) => frame !== null && frame.parent === null && frame.url === APP,
    log: (message) => logged.push(message),
  });
  return { ipcMain, logged, dispose };
}

const streamChannel = STREAM_CHANNELS[0] ?? 'engine:watch';
const tick = (ms = 10) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  sinks.length = 0;
  stopped.length = 0;
});

describe('registerIpc', () => {
  it('registers a handler for every request channel and the stream channels', () => {
    const { ipcMain } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...REQUEST_CHANNELS, IPC_SUBSCRIBE].sort());
    expect([...ipcMain.listeners.keys()]).toEqual([IPC_UNSUBSCRIBE]);
  });

  it.each(REQUEST_CHANNELS)('answers %s from the dispatcher for the app page', async (channel) => {
    const { ipcMain } = setup();
    const result = await ipcMain.invoke(eventFrom(new FakeContents()), channel, undefined);
    // A channel that needs input is answered by the dispatcher's validation, which shows the call reached it too.
    if (requestChannels[channel].input.safeParse(undefined).success) {
      expect(result).toEqual({ ok: true, value: { answered: channel } });
    } else {
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });

  it('passes malformed input to validation and answers INVALID_INPUT', async () => {
    const { ipcMain } = setup();
    const result = (await ipcMain.invoke(eventFrom(new FakeContents()), 'containers:list', {
      all: 'yes',
    })) as Result<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it.each([
    ['another page', { url: 'https://evil.example/', parent: null }],
    ['a sub-frame of the app', { url: APP, parent: appFrame }],
    ['a frame that is gone', null],
  ])('refuses %s with PERMISSION_DENIED and logs it', async (_name, frame) => {
    const { ipcMain, logged } = setup();
    const contents = new FakeContents();
    for (const channel of REQUEST_CHANNELS) {
      const result = await ipcMain.invoke(eventFrom(contents, frame), channel, undefined);
      expect(result).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    }
    const sub = await ipcMain.invoke(eventFrom(contents, frame), IPC_SUBSCRIBE, 's1', streamChannel, undefined);
    expect(sub).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect(sinks).toHaveLength(0);
    expect(logged).toHaveLength(REQUEST_CHANNELS.length + 1);
    expect(logged[0]).toContain('Refused IPC on');
  });

  it('sends a subscription’s data to its webContents, tagged with its id, until unsubscribed', async () => {
    const { ipcMain } = setup();
    const contents = new FakeContents();
    const result = await ipcMain.invoke(eventFrom(contents), IPC_SUBSCRIBE, 'sub-1', streamChannel, undefined);
    expect(result).toEqual({ ok: true, value: null });
    sinks[0]?.emit({ n: 1 });
    sinks[0]?.emit({ n: 2 });
    await tick();
    expect(contents.sent).toEqual([['sub-1', { type: 'data', items: [{ n: 1 }, { n: 2 }] }]]);

    ipcMain.send(eventFrom(contents), IPC_UNSUBSCRIBE, 'sub-1');
    expect(stopped).toEqual([streamChannel]);
    sinks[0]?.emit({ n: 3 });
    await tick();
    expect(contents.sent).toHaveLength(1);
  });

  it('ignores an unsubscribe from an untrusted frame', async () => {
    const { ipcMain } = setup();
    const contents = new FakeContents();
    await ipcMain.invoke(eventFrom(contents), IPC_SUBSCRIBE, 'sub-1', streamChannel, undefined);
    ipcMain.send(eventFrom(contents, { url: 'https://evil.example/', parent: null }), IPC_UNSUBSCRIBE, 'sub-1');
    expect(stopped).toEqual([]);
  });

  it('answers a bad subscription through the dispatcher', async () => {
    const { ipcMain } = setup();
    const contents = new FakeContents();
    expect(await ipcMain.invoke(eventFrom(contents), IPC_SUBSCRIBE, 'sub-1', 'nope:nothing', undefined)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    expect(await ipcMain.invoke(eventFrom(contents), IPC_SUBSCRIBE, 'bad id!', streamChannel, undefined)).toMatchObject(
      {
        ok: false,
        error: { code: 'INVALID_INPUT' },
      },
    );
  });

  it('closes a webContents’ session when it is destroyed, and sends nothing to it after', async () => {
    const { ipcMain } = setup();
    const contents = new FakeContents();
    await ipcMain.invoke(eventFrom(contents), IPC_SUBSCRIBE, 'a', streamChannel, undefined);
    await ipcMain.invoke(eventFrom(contents), IPC_SUBSCRIBE, 'b', streamChannel, undefined);
    sinks[0]?.emit('pending');
    contents.destroy();
    expect(stopped).toHaveLength(2);
    expect(sinks.every((sink) => sink.signal.aborted)).toBe(true);
    await tick();
    expect(contents.sent).toEqual([]);
    expect(contents.listenerCount('destroyed')).toBe(0);
  });

  it('closes the session when the renderer crashes, and opens a fresh one for the next page', async () => {
    const { ipcMain } = setup();
    const contents = new FakeContents();
    await ipcMain.invoke(eventFrom(contents), IPC_SUBSCRIBE, 'a', streamChannel, undefined);
    contents.emit('render-process-gone');
    expect(stopped).toHaveLength(1);
    // The id is free again: the old session is gone, not just its subscription.
    expect(await ipcMain.invoke(eventFrom(contents), IPC_SUBSCRIBE, 'a', streamChannel, undefined)).toEqual({
      ok: true,
      value: null,
    });
  });

  it('closes the session when the page navigates to a new document, not on in-page navigation', async () => {
    const { ipcMain } = setup();
    const contents = new FakeContents();
    await ipcMain.invoke(eventFrom(contents), IPC_SUBSCRIBE, 'a', streamChannel, undefined);
    contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true });
    contents.emit('did-start-navigation', { isMainFrame: false, isSameDocument: false });
    expect(stopped).toHaveLength(0);
    contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    expect(stopped).toHaveLength(1);
  });

  it('keeps the sessions of two windows apart', async () => {
    const { ipcMain } = setup();
    const one = new FakeContents();
    const two = new FakeContents();
    await ipcMain.invoke(eventFrom(one), IPC_SUBSCRIBE, 'same', streamChannel, undefined);
    await ipcMain.invoke(eventFrom(two), IPC_SUBSCRIBE, 'same', streamChannel, undefined);
    sinks[1]?.emit('for two');
    one.destroy();
    await tick();
    expect(stopped).toHaveLength(1);
    expect(two.sent).toEqual([['same', { type: 'data', items: ['for two'] }]]);
    expect(one.sent).toEqual([]);
  });

  it('dispose removes every handler and closes every session', async () => {
    const { ipcMain, dispose } = setup();
    const contents = new FakeContents();
    await ipcMain.invoke(eventFrom(contents), IPC_SUBSCRIBE, 'a', streamChannel, undefined);
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
    expect(ipcMain.listeners.size).toBe(0);
    expect(stopped).toHaveLength(1);
    expect(contents.listenerCount('destroyed')).toBe(0);
    expect(contents.listenerCount('did-start-navigation')).toBe(0);
  });
});
