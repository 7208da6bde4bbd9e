/** The bridge's bounds, each shown to hold on a real server: connections, slow headers, upload sizes, tickets. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ImageTransfers } from '../backend/images/images.transfers';
import type { VolumeTransfers } from '../backend/volumes/volumes.transfers';
import { parseServeArgs } from './args';
import { memoryDispatcher, rawHttp } from './bridge.test-helper';
import { DEFAULT_MAX_UPLOAD_BYTES, HEADERS_TIMEOUT_MS, MAX_CONNECTIONS, startBridge, type Bridge } from './server';
import { imageTransferRoute, volumeTransferRoute } from './transfers.routes';

let rendererDir: string;
let bridge: Bridge | undefined;
const memory = memoryDispatcher();

beforeAll(() => {
  rendererDir = mkdtempSync(path.join(os.tmpdir(), 'berth-limits-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Berth</title>');
  return () => rmSync(rendererDir, { recursive: true, force: true });
});

afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

/** A raw TCP connection to the bridge, resolved once connected, with a promise for when the server closes it. */
function connect(port: number): Promise<{ socket: net.Socket; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => resolve({ socket, closed }));
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    // Read whatever comes, so that the server's end of the connection is seen.
    socket.resume();
    socket.on('error', () => undefined);
    socket.once('error', reject);
  });
}

/** Sends `head` (a request without its body) on a fresh connection and resolves with the status line's code. */
async function statusOf(port: number, head: string): Promise<number> {
  const { socket } = await connect(port);
  socket.pause();
  return new Promise((resolve) => {
    let text = '';
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      const match = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (match) {
        socket.destroy();
        resolve(Number(match[1]));
      }
    });
    socket.resume();
    socket.write(head);
  });
}

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

describe('connections', () => {
  it('keeps at most maxConnections open and drops the ones beyond at once', async () => {
    bridge = await startBridge({ dispatcher: memory.dispatcher, rendererDir, maxConnections: 5 });
    const first = await Promise.all(Array.from({ length: 5 }, () => connect(bridge!.port)));
    const extra = await Promise.all(Array.from({ length: 3 }, () => connect(bridge!.port)));
    for (const { closed } of extra) expect(await within(closed, 2000)).toBe(true);
    for (const { closed } of first) expect(await within(closed, 200)).toBe(false);
    for (const { socket } of first) socket.destroy();
    expect(MAX_CONNECTIONS).toBeLessThanOrEqual(128);
  });

  it('closes a connection whose headers do not arrive in time', async () => {
    bridge = await startBridge({ dispatcher: memory.dispatcher, rendererDir, headersTimeoutMs: 300 });
    const { socket, closed } = await connect(bridge.port);
    socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${bridge.port}\r\n`);
    expect(await within(closed, 3000)).toBe(true);
    expect(HEADERS_TIMEOUT_MS).toBeLessThanOrEqual(15_000);
  });
});

describe('uploads', () => {
  it('refuses a body over the limit, or without a length, before reading it', async () => {
    bridge = await startBridge({ dispatcher: memory.dispatcher, rendererDir, maxUploadBytes: 1000 });
    const post = (header: string) =>
      statusOf(
        bridge!.port,
        `POST /transfer/x HTTP/1.1\r\nHost: 127.0.0.1:${bridge!.port}\r\nOrigin: http://127.0.0.1:${bridge!.port}\r\n${header}\r\n\r\n`,
      );
    expect(await post('Content-Length: 1001')).toBe(413);
    expect(await post('Transfer-Encoding: chunked')).toBe(411);
    // Within the limit it passes on (to the static files here, which take no POST).
    expect(await post('Content-Length: 1000')).toBe(405);
    expect(DEFAULT_MAX_UPLOAD_BYTES).toBe(20 * 1024 ** 3);
  });

  it('takes the limit from npm run serve -- --max-upload-mb N', () => {
    expect(parseServeArgs(['--max-upload-mb', '5'])).toEqual({
      ok: true,
      args: { port: 0, maxUploadBytes: 5 * 1024 ** 2 },
    });
    expect(parseServeArgs(['--max-upload-mb=0'])).toMatchObject({ ok: false });
    expect(parseServeArgs(['--max-upload-mb', 'lots'])).toMatchObject({ ok: false });
  });
});

describe('upload tickets', () => {
  it('are not spent by an upload from a foreign page', async () => {
    const redeemed: string[] = [];
    const images = { redeem: (url: string) => (redeemed.push(url), null) } as unknown as ImageTransfers;
    const volumes = { redeem: (url: string) => (redeemed.push(url), null) } as unknown as VolumeTransfers;
    bridge = await startBridge({
      dispatcher: memory.dispatcher,
      rendererDir,
      routes: [imageTransferRoute(images), volumeTransferRoute(volumes)],
    });
    for (const where of ['/transfer/t1', '/volume-transfer/t2']) {
      const foreign = await rawHttp(bridge.port, where, {
        method: 'POST',
        headers: { origin: 'http://evil.example', 'content-length': '0' },
      });
      expect(foreign.status).toBe(403);
    }
    expect(redeemed).toEqual([]);
    const own = await rawHttp(bridge.port, '/transfer/t1', {
      method: 'POST',
      headers: { origin: `http://127.0.0.1:${bridge.port}`, 'content-length': '0' },
    });
    expect(own.status).toBe(404);
    expect(redeemed).toEqual(['/transfer/t1']);
  });
});
