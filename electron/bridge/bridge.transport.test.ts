/**
 * The renderer's bridge transport against a real bridge server (it lives here, not beside the transport,
 * because it needs node:http and ws, which the renderer may not import).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StreamMessage } from '../../shared/stream';
import {
  apiUrl,
  createBridgeTransport,
  takeToken,
  type BridgeEnvironment,
  type BridgeState,
  type SocketLike,
} from '../../renderer/src/platform/bridge.transport';
import { memoryDispatcher } from './bridge.test-helper';
import { startBridge, type Bridge } from './server';

let dir: string;
const memory = memoryDispatcher();
const bridges: Bridge[] = [];
const sockets: WebSocket[] = [];

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'berth-transport-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
});
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  await Promise.all(bridges.splice(0).map((bridge) => bridge.close()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function serve(options: { port?: number; token?: string } = {}): Promise<Bridge> {
  const bridge = await startBridge({
    dispatcher: memory.dispatcher,
    rendererDir: dir,
    ...options,
  });
  bridges.push(bridge);
  return bridge;
}

/** A page at the bridge's address; its WebSocket is `ws`, sending the Origin a browser would send. */
function page(href: string, cookie?: string) {
  const addressBar: string[] = [];
  const opened: string[] = [];
  const env: BridgeEnvironment = {
    location: { href },
    history: {
      state: null,
      replaceState: (_data, _unused, url) => void addressBar.push(String(url)),
    },
    openSocket: (url) => {
      opened.push(url);
      const ws = new WebSocket(url, { origin: new URL(href).origin, ...(cookie ? { headers: { cookie } } : {}) });
      ws.on('error', () => undefined);
      sockets.push(ws);
      return ws as unknown as SocketLike;
    },
  };
  return { env, addressBar, opened };
}

describe('takeToken and apiUrl', () => {
  it('takes a token left in the address out of it and keeps it in memory only', () => {
    const { env, addressBar } = page('http://127.0.0.1:9/?token=abc&x=1#top');
    expect(takeToken(env)).toBe('abc');
    expect(addressBar).toEqual(['/?x=1#top']);
    const later = { ...env, location: { href: 'http://127.0.0.1:9/' } };
    expect(takeToken(later)).toBeNull();
  });

  it('builds the WebSocket address from the page address, with no token when the cookie carries it', () => {
    expect(apiUrl('http://127.0.0.1:9/?a', 't/k')).toBe('ws://127.0.0.1:9/api?token=t%2Fk');
    expect(apiUrl('https://localhost:9/', 't')).toBe('wss://localhost:9/api?token=t');
    expect(apiUrl('http://127.0.0.1:9/', null)).toBe('ws://127.0.0.1:9/api');
  });
});

describe('createBridgeTransport', () => {
  it('queues requests made before the socket opens, then answers them', async () => {
    const bridge = await serve();
    const transport = createBridgeTransport(page(bridge.url).env);
    expect(transport.state).toBe('connecting');
    const [status, unknown] = await Promise.all([
      transport.request('engine:status', undefined),
      transport.request('x:y', undefined),
    ]);
    expect(status).toEqual({
      ok: true,
      value: { state: 'connecting', attempt: 7 },
    });
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    expect(transport.state).toBe('connected');
  });

  it('signs in with the cookie alone, the token nowhere in the socket address', async () => {
    const bridge = await serve();
    const clean = `http://127.0.0.1:${bridge.port}/`;
    const withCookie = page(clean, `berth_token_${bridge.port}=${bridge.token}`);
    const transport = createBridgeTransport(withCookie.env);
    expect(await transport.request('engine:status', undefined)).toMatchObject({ ok: true });
    expect(transport.signedIn).toBe(true);
    expect(withCookie.opened).toEqual([`ws://127.0.0.1:${bridge.port}/api`]);
  });

  it('without a token or cookie, answers BRIDGE_DISCONNECTED saying it could not sign in', async () => {
    const bridge = await serve();
    const tokenless = page(`http://127.0.0.1:${bridge.port}/`);
    const transport = createBridgeTransport(tokenless.env);
    const answer = await transport.request('engine:status', undefined);
    expect(answer).toMatchObject({ ok: false, error: { code: 'BRIDGE_DISCONNECTED' } });
    expect(answer.ok ? '' : answer.error.message).toContain('could not sign in');
    expect(transport.signedIn).toBe(false);
  });

  it('while the server is gone, resolves with BRIDGE_DISCONNECTED; after it is back, re-subscribes', async () => {
    const first = await serve();
    const transport = createBridgeTransport(page(first.url).env);
    const states: BridgeState[] = [];
    transport.onState((state) => states.push(state));
    const messages: StreamMessage<unknown>[] = [];
    const stop = transport.subscribe('engine:watch', undefined, (message) => messages.push(message));
    await expect.poll(() => messages.length).toBe(1);
    expect(memory.counters.watchOpen).toBe(1);

    await first.close();
    bridges.splice(bridges.indexOf(first), 1);
    await expect.poll(() => transport.state).toBe('disconnected');
    expect(memory.counters.watchOpen).toBe(0);
    const down = await transport.request('engine:status', undefined);
    expect(down).toMatchObject({
      ok: false,
      error: { code: 'BRIDGE_DISCONNECTED' },
    });
    expect(down.ok ? '' : down.error.message).toMatch(/^Lost the connection to the Berth server/);

    await serve({ port: first.port, token: first.token });
    await expect.poll(() => transport.state, { timeout: 8000 }).toBe('connected');
    await expect.poll(() => messages.length).toBe(2);
    expect(memory.counters.watchOpen).toBe(1);
    expect(await transport.request('engine:status', undefined)).toMatchObject({
      ok: true,
    });
    expect(states).toEqual(['connected', 'disconnected', 'connected']);

    stop();
    await expect.poll(() => memory.counters.watchOpen).toBe(0);
    stop();
  }, 15_000);

  it('settles a pending request when the connection drops under it', async () => {
    const bridge = await serve();
    const transport = createBridgeTransport(page(bridge.url).env);
    await transport.request('engine:status', undefined);
    const hanging = transport.request('engine:status', undefined);
    for (const ws of sockets) ws.terminate();
    expect(await hanging).toMatchObject({
      ok: false,
      error: { code: 'BRIDGE_DISCONNECTED' },
    });
  });

  it('drops a subscription the server refused, so it is not reopened', async () => {
    const bridge = await serve();
    const transport = createBridgeTransport(page(bridge.url).env);
    const messages: StreamMessage<unknown>[] = [];
    transport.subscribe('nope:never', undefined, (message) => messages.push(message));
    await expect.poll(() => messages.length).toBe(1);
    expect(messages[0]).toMatchObject({
      type: 'error',
      error: { code: 'UNKNOWN_CHANNEL' },
    });
  });
});
