/** The bridge in front of the real backend and a real engine (TEST_DOCKER_HOST), driven by real clients. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineStatus } from '../../shared/dto/engine';
import type { ServerFrame } from '../../shared/wire';
import { createBackend, type Backend } from '../backend';
import type { Dispatcher, Session } from '../backend/core/dispatcher';
import { contentSecurityPolicy } from '../backend/core/csp';
import { closed, frames, openSocket, rawHttp } from './bridge.test-helper';
import { startBridge, type Bridge } from './server';

const host = process.env.TEST_DOCKER_HOST ?? '';
let dir: string;
let backend: Backend;
let bridge: Bridge;
let origin: string;
const sessions: Session[] = [];

beforeAll(async () => {
  if (!host) throw new Error('TEST_DOCKER_HOST is not set; run through `npm run test:integration`.');
  dir = mkdtempSync(path.join(os.tmpdir(), 'berth-bridge-int-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Berth</title>');
  backend = createBackend({ env: { ...process.env, DOCKER_HOST: host } });
  // The real dispatcher, with a window onto the sessions the bridge opens.
  const dispatcher = Object.create(backend.dispatcher) as Dispatcher;
  dispatcher.openSession = (send) => {
    const session = backend.dispatcher.openSession(send);
    sessions.push(session);
    return session;
  };
  bridge = await startBridge({ dispatcher, rendererDir: dir });
  origin = `http://127.0.0.1:${bridge.port}`;
});

afterAll(async () => {
  await bridge?.close();
  await backend?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const apiUrl = (token = bridge.token) => `ws://127.0.0.1:${bridge.port}/api?token=${token}`;

async function connected() {
  const attempt = await openSocket(apiUrl(), { origin });
  if (!attempt.ok) throw new Error(`the bridge refused the right token and origin with ${attempt.status}`);
  return { ws: attempt.ws, got: frames(attempt.ws) };
}

const isConnected = (frame: ServerFrame) =>
  frame.t === 'stream' &&
  frame.message.type === 'data' &&
  frame.message.items.some((s) => (s as EngineStatus).state === 'connected');

describe('the bridge over the real engine', () => {
  it('refuses no token, a wrong token, a foreign or missing Origin and a foreign Host', async () => {
    const base = `ws://127.0.0.1:${bridge.port}/api`;
    expect(await openSocket(base, { origin })).toMatchObject({
      ok: false,
      status: 401,
    });
    expect(await openSocket(apiUrl('f'.repeat(64)), { origin })).toMatchObject({
      ok: false,
      status: 401,
    });
    expect(await openSocket(apiUrl(), { origin: 'http://evil.example' })).toMatchObject({ ok: false, status: 403 });
    expect(await openSocket(apiUrl())).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(await openSocket(apiUrl(), { origin, headers: { host: 'evil.example' } })).toMatchObject({
      ok: false,
      status: 421,
    });
    expect((await rawHttp(bridge.port, '/api')).status).toBe(401);
    expect(sessions).toHaveLength(0);
  });

  it('answers engine:status with the version `docker version` reports', async () => {
    const version = execFileSync('docker', ['-H', host, 'version', '--format', '{{.Server.Version}}'], {
      encoding: 'utf8',
    }).trim();
    const { ws, got } = await connected();
    ws.send(JSON.stringify({ t: 'sub', id: 'w', channel: 'engine:watch' }));
    await got.next(isConnected, 20_000);
    ws.send(JSON.stringify({ t: 'req', id: 1, channel: 'engine:status' }));
    const answer = await got.next((f) => f.t === 'res' && f.id === 1);
    expect(answer).toMatchObject({
      t: 'res',
      id: 1,
      result: { ok: true, value: { state: 'connected', engine: { version } } },
    });
    ws.close();
  });

  it('answers bad JSON and malformed frames with errors and stays up', async () => {
    const { ws, got } = await connected();
    ws.send('][');
    expect(await got.next((f) => f.t === 'error')).toMatchObject({
      error: { code: 'INVALID_INPUT' },
    });
    ws.send(
      JSON.stringify({
        t: 'req',
        id: 2,
        channel: 'containers:list',
        input: { all: 1 },
      }),
    );
    expect(await got.next((f) => f.t === 'res' && f.id === 2)).toMatchObject({
      result: { ok: false, error: { code: 'INVALID_INPUT' } },
    });
    ws.send(JSON.stringify({ t: 'req', id: 3, channel: 'containers:nuke' }));
    expect(await got.next((f) => f.t === 'res' && f.id === 3)).toMatchObject({
      result: { ok: false, error: { code: 'UNKNOWN_CHANNEL' } },
    });
    ws.send(JSON.stringify({ t: 'req', id: '4', channel: 'images:list' }));
    expect(await got.next((f) => f.t === 'error' && f.error.message.includes('not {t:'))).toMatchObject({
      error: { code: 'INVALID_INPUT' },
    });
    ws.send(JSON.stringify({ t: 'req', id: 5, channel: 'images:list' }));
    expect(await got.next((f) => f.t === 'res' && f.id === 5)).toMatchObject({
      result: { ok: true },
    });
    ws.close();
    const again = await connected();
    again.ws.send(JSON.stringify({ t: 'req', id: 1, channel: 'engine:status' }));
    expect(await again.got.next((f) => f.t === 'res' && f.id === 1)).toMatchObject({ result: { ok: true } });
    again.ws.close();
  });

  it('streams engine:watch and cleans the subscription up when the socket closes', async () => {
    const { ws, got } = await connected();
    const session = sessions.at(-1);
    ws.send(JSON.stringify({ t: 'sub', id: 'watch-1', channel: 'engine:watch' }));
    ws.send(JSON.stringify({ t: 'sub', id: 'events-1', channel: 'engine:events' }));
    const first = await got.next((f) => f.t === 'stream' && f.id === 'watch-1');
    expect(first).toMatchObject({
      message: { type: 'data', items: [{ endpoint: { address: host } }] },
    });
    expect(session?.subscriptionCount).toBe(2);
    const done = closed(ws);
    ws.close();
    await done;
    await expect.poll(() => session?.subscriptionCount).toBe(0);
  });

  it('serves the page with its CSP and refuses traversal', async () => {
    const page = await rawHttp(bridge.port, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(contentSecurityPolicy());
    for (const target of ['/../etc/passwd', '/..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd']) {
      const answer = await rawHttp(bridge.port, target);
      expect([400, 404], target).toContain(answer.status);
      expect(answer.body).not.toContain('root:');
    }
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/?token=${bridge.token}`);
    const others = [
      '127.0.0.2',
      '::1',
      ...Object.values(os.networkInterfaces())
        .flat()
        .filter((i) => i && !i.internal)
        .map((i) => i!.address),
    ];
    for (const address of others) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host: address, port: bridge.port });
        socket.once('connect', () => (socket.destroy(), resolve('connected')));
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(outcome, address).not.toBe('connected');
    }
  });
});
