/** A client that stops reading must not make the bridge buffer without bound. */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryDispatcher } from './bridge.test-helper';
import { startBridge } from './server';

const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'berth-slow-'));
afterAll(() => rmSync(rendererDir, { recursive: true, force: true }));

describe('a client that stops reading', () => {
  it('is dropped once its unsent output passes the limit, and its streams stop', async () => {
    const flood = memoryDispatcher({ flood: { chunkBytes: 32 * 1024 } });
    const slow = await startBridge({
      dispatcher: flood.dispatcher,
      rendererDir,
      maxBufferedBytes: 4 * 1024 * 1024,
    });
    try {
      const socket = connect(slow.port, '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.write(
        [
          `GET /api?token=${slow.token} HTTP/1.1`,
          `Host: 127.0.0.1:${slow.port}`,
          `Origin: http://127.0.0.1:${slow.port}`,
          'Upgrade: websocket',
          'Connection: Upgrade',
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
          'Sec-WebSocket-Version: 13',
          '',
          '',
        ].join('\r\n'),
      );
      const handshake = await new Promise<string>((resolve) =>
        socket.once('data', (data: Buffer) => resolve(data.toString('latin1'))),
      );
      expect(handshake).toMatch(/^HTTP\/1\.1 101/);
      socket.pause(); // From here on this client reads nothing.
      const payload = Buffer.from(JSON.stringify({ t: 'sub', id: 'flood', channel: 'engine:events' }));
      const mask = Buffer.from([1, 2, 3, 4]);
      const masked = payload.map((byte, i) => byte ^ (mask[i % 4] ?? 0));
      socket.write(Buffer.concat([Buffer.from([0x81, 0x80 | payload.length]), mask, masked]));
      await expect.poll(() => flood.counters.floodStopped, { timeout: 15_000 }).toBe(1);
      socket.destroy();
    } finally {
      await slow.close();
    }
  }, 20_000);
});
