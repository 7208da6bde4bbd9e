/** The bridge over a dispatcher with in-memory handlers: real HTTP, real WebSockets, real files. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../backend/core/csp';
import { closed, frames, memoryDispatcher, openSocket, rawHttp } from './bridge.test-helper';
import { startBridge, type Bridge } from './server';

let dir: string;
let rendererDir: string;
let bridge: Bridge;
let origin: string;
const memory = memoryDispatcher();

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'berth-bridge-'));
  rendererDir = path.join(dir, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Berth</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1);');
  writeFileSync(path.join(rendererDir, '.env'), 'SECRET=1');
  writeFileSync(path.join(dir, 'secret.txt'), 'outside');
  symlinkSync(path.join(dir, 'secret.txt'), path.join(rendererDir, 'escape.txt'));
  bridge = await startBridge({ dispatcher: memory.dispatcher, rendererDir });
  origin = `http://127.0.0.1:${bridge.port}`;
});

afterAll(async () => {
  await bridge.close();
  rmSync(dir, { recursive: true, force: true });
});

const apiUrl = () => `ws://127.0.0.1:${bridge.port}/api?token=${bridge.token}`;

describe('static files', () => {
  it('serves index.html at / with every security header', async () => {
    const answer = await rawHttp(bridge.port, '/');
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('<title>Berth</title>');
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['content-security-policy']).toBe(contentSecurityPolicy());
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['referrer-policy']).toBe('no-referrer');
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['x-frame-options']).toBe('DENY');
    expect(answer.headers['cross-origin-opener-policy']).toBe('same-origin');
  });

  it('serves assets with their content type, and HEAD without a body', async () => {
    const js = await rawHttp(bridge.port, '/assets/app.js');
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toBe('console.log(1);');
    const head = await rawHttp(bridge.port, '/assets/app.js', {
      method: 'HEAD',
    });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('15');
    expect(head.body).toBe('');
  });

  it('refuses traversal, dotfiles, symlinks out of the folder and other methods', async () => {
    for (const target of [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/assets/../../secret.txt',
      '/../../../../etc/passwd',
    ]) {
      const answer = await rawHttp(bridge.port, target);
      expect([400, 404], target).toContain(answer.status);
      expect(answer.body).not.toContain('outside');
      expect(answer.headers['content-security-policy']).toBe(contentSecurityPolicy());
    }
    expect((await rawHttp(bridge.port, '/.env')).status).toBe(404);
    expect((await rawHttp(bridge.port, '/escape.txt')).status).toBe(404);
    expect((await rawHttp(bridge.port, '/assets')).status).toBe(404);
    expect((await rawHttp(bridge.port, '/%ZZ')).status).toBe(400);
    const post = await rawHttp(bridge.port, '/', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('refuses every request whose Host is not the loopback address and port', async () => {
    for (const host of ['evil.example', `evil.example:${bridge.port}`, '127.0.0.1', `127.0.0.1:${bridge.port + 1}`]) {
      const answer = await rawHttp(bridge.port, '/', { headers: { host } });
      expect(answer.status, host).toBe(421);
      expect(JSON.parse(answer.body)).toMatchObject({
        code: 'PERMISSION_DENIED',
      });
    }
    // localhost may resolve to ::1, where another user's program could take the port: refused too.
    expect((await rawHttp(bridge.port, '/', { headers: { host: `localhost:${bridge.port}` } })).status).toBe(421);
  });

  it('never answers the API over plain HTTP', async () => {
    expect((await rawHttp(bridge.port, '/api')).status).toBe(401);
    expect((await rawHttp(bridge.port, `/api?token=${bridge.token}`)).status).toBe(426);
  });
});

describe('WebSocket admission', () => {
  it('refuses a missing or wrong token, a foreign or missing Origin, and a foreign Host', async () => {
    const base = `ws://127.0.0.1:${bridge.port}/api`;
    expect(await openSocket(base, { origin })).toMatchObject({
      ok: false,
      status: 401,
    });
    expect(await openSocket(`${base}?token=${'0'.repeat(64)}`, { origin })).toMatchObject({ ok: false, status: 401 });
    expect(await openSocket(apiUrl(), { origin: 'http://evil.example' })).toMatchObject({ ok: false, status: 403 });
    expect(await openSocket(apiUrl())).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(
      await openSocket(apiUrl(), {
        origin,
        headers: { host: `evil.example:${bridge.port}` },
      }),
    ).toMatchObject({ ok: false, status: 421 });
    expect(await openSocket(`ws://127.0.0.1:${bridge.port}/other?token=${bridge.token}`, { origin })).toMatchObject({
      ok: false,
      status: 404,
    });
  });

  it('accepts the page origin with the token, and only at 127.0.0.1', async () => {
    const attempt = await openSocket(apiUrl(), { origin });
    expect(attempt.ok).toBe(true);
    if (attempt.ok) attempt.ws.close();
    expect(await openSocket(apiUrl(), { origin: `http://localhost:${bridge.port}` })).toMatchObject({
      ok: false,
      status: 403,
    });
  });
});

describe('frames', () => {
  it('answers requests, failures and bad frames, and keeps the socket open', async () => {
    const attempt = await openSocket(apiUrl(), { origin });
    if (!attempt.ok) throw new Error(`refused: ${attempt.status}`);
    const { ws } = attempt;
    const got = frames(ws);
    ws.send(JSON.stringify({ t: 'req', id: 1, channel: 'engine:status' }));
    expect(await got.next((f) => f.t === 'res' && f.id === 1)).toEqual({
      t: 'res',
      id: 1,
      result: { ok: true, value: { state: 'connecting', attempt: 7 } },
    });
    ws.send(JSON.stringify({ t: 'req', id: 2, channel: 'engine:retry' }));
    expect(await got.next((f) => f.t === 'res' && f.id === 2)).toMatchObject({
      result: {
        ok: false,
        error: { code: 'INTERNAL', message: 'retry exploded' },
      },
    });
    ws.send(JSON.stringify({ t: 'req', id: 3, channel: 'nope:nothing' }));
    expect(await got.next((f) => f.t === 'res' && f.id === 3)).toMatchObject({
      result: { ok: false, error: { code: 'UNKNOWN_CHANNEL' } },
    });
    ws.send(
      JSON.stringify({
        t: 'req',
        id: 4,
        channel: 'containers:list',
        input: { all: 'yes' },
      }),
    );
    expect(await got.next((f) => f.t === 'res' && f.id === 4)).toMatchObject({
      result: { ok: false, error: { code: 'INVALID_INPUT' } },
    });
    ws.send('{not json');
    expect(await got.next((f) => f.t === 'error')).toMatchObject({
      error: { code: 'INVALID_INPUT' },
    });
    ws.send(Buffer.from([1, 2, 3]), { binary: true });
    await got.next((f) => f.t === 'error' && f.error.message.includes('text'));
    ws.send(JSON.stringify({ t: 'sub', id: 'bad id!', channel: 'engine:watch' }));
    expect(await got.next((f) => f.t === 'stream' && f.id === 'bad id!')).toMatchObject({
      message: { type: 'error', error: { code: 'INVALID_INPUT' } },
    });
    ws.send(JSON.stringify({ t: 'req', id: 5, channel: 'images:list' }));
    expect(await got.next((f) => f.t === 'res' && f.id === 5)).toMatchObject({
      result: { ok: true, value: [] },
    });
    ws.close();
  });

  it('closes a socket that sends a frame over 1 MiB with 1009, and the server stays up', async () => {
    const attempt = await openSocket(apiUrl(), { origin });
    if (!attempt.ok) throw new Error('refused');
    const done = closed(attempt.ws);
    attempt.ws.send('x'.repeat(1024 * 1024 + 1));
    expect((await done).code).toBe(1009);
    expect((await rawHttp(bridge.port, '/')).status).toBe(200);
  });

  it('streams a subscription and ends it when the socket closes', async () => {
    const attempt = await openSocket(apiUrl(), { origin });
    if (!attempt.ok) throw new Error('refused');
    const got = frames(attempt.ws);
    attempt.ws.send(JSON.stringify({ t: 'sub', id: 's1', channel: 'engine:watch' }));
    expect(await got.next((f) => f.t === 'stream' && f.id === 's1')).toEqual({
      t: 'stream',
      id: 's1',
      message: { type: 'data', items: [{ state: 'connecting', attempt: 1 }] },
    });
    expect(memory.counters.watchOpen).toBe(1);
    attempt.ws.close();
    await expect.poll(() => memory.counters.watchOpen).toBe(0);
  });
});
