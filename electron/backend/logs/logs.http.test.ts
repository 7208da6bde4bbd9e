/**
 * The HTTP/1.0 log reader against a scripted server on a private Unix socket: what it sends, how it splits
 * the head from the body whatever the chunking, and how each kind of refusal comes back.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { toBerthError } from '../engine/errors';
import {
  ChunkedDecoder,
  EngineHttpError,
  parseHead,
  plainTarget,
  requestHead,
  streamGet,
  type PlainTarget,
} from './logs.http';

const dirs: string[] = [];
const servers: net.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A server that records the request and answers with `pieces`, written one by one, then closes. */
async function scripted(
  pieces: (string | Buffer)[],
  close = true,
): Promise<{ target: PlainTarget; request: Promise<string> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-http-'));
  dirs.push(dir);
  const socketPath = path.join(dir, 's.sock');
  let gotRequest: (text: string) => void = () => undefined;
  const request = new Promise<string>((resolve) => (gotRequest = resolve));
  const server = net.createServer((sock) => {
    let text = '';
    const answer = async () => {
      for (const p of pieces) {
        sock.write(p);
        await new Promise((r) => setTimeout(r, 5));
      }
      if (close) sock.end();
    };
    sock.on('data', (d: Buffer) => {
      text += d.toString('latin1');
      if (!text.includes('\r\n\r\n')) return;
      gotRequest(text);
      void answer();
    });
    sock.on('error', () => undefined);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return { target: { kind: 'socket', path: socketPath, version: '' }, request };
}

async function readAll(target: PlainTarget, signal = new AbortController().signal): Promise<Buffer> {
  const { head, socket } = await streamGet(target, '/containers/x/logs', { follow: false, tail: 'all' }, signal);
  const parts = [head];
  socket.on('data', (c: Buffer) => parts.push(c));
  socket.resume();
  await new Promise((resolve) => socket.on('close', resolve));
  return Buffer.concat(parts);
}

/** One chunk of HTTP/1.1 chunked coding, with an extension now and then. */
const chunk = (data: Buffer, extension = '') =>
  Buffer.concat([Buffer.from(`${data.length.toString(16)}${extension}\r\n`), data, Buffer.from('\r\n')]);

describe('ChunkedDecoder', () => {
  it('gives back the payload however the coded bytes are cut, and stops at the last chunk', () => {
    const parts = [Buffer.from('hello '), Buffer.from('chunked'), Buffer.alloc(300, 0x61)];
    const coded = Buffer.concat([
      chunk(parts[0] ?? Buffer.alloc(0)),
      chunk(parts[1] ?? Buffer.alloc(0), ';name=value'),
      chunk(parts[2] ?? Buffer.alloc(0)),
      Buffer.from('0\r\nX-Trailer: 1\r\n\r\nafter'),
    ]);
    const payload = Buffer.concat(parts);
    for (let seed = 1; seed <= 200; seed++) {
      const decoder = new ChunkedDecoder();
      const out: Buffer[] = [];
      let at = 0;
      let step = seed;
      while (at < coded.length) {
        step = (step * 1103515245 + 12345) % 2147483648;
        const size = 1 + (step % 23);
        out.push(...decoder.push(coded.subarray(at, at + size)));
        at += size;
      }
      expect(Buffer.concat(out).equals(payload), `seed ${seed}`).toBe(true);
      expect(decoder.done).toBe(true);
    }
  });

  it('refuses a size that is not hex', () => {
    expect(() => new ChunkedDecoder().push(Buffer.from('xyz\r\n'))).toThrow(/malformed chunk header/);
  });
});

describe('plainTarget', () => {
  it('opens Unix sockets and named pipes directly', () => {
    expect(plainTarget({ socketPath: '/var/run/docker.sock', protocol: 'http' })).toEqual({
      kind: 'socket',
      path: '/var/run/docker.sock',
      version: '',
    });
    expect(plainTarget({ socketPath: '//./pipe/docker_engine', version: 'v1.43' })).toEqual({
      kind: 'socket',
      path: '//./pipe/docker_engine',
      version: 'v1.43',
    });
  });

  it('opens plain tcp, and leaves TLS, SSH, prefixes, credentials and extra headers to the modem', () => {
    expect(plainTarget({ host: '127.0.0.1', port: 2375, protocol: 'http' })).toEqual({
      kind: 'tcp',
      host: '127.0.0.1',
      port: 2375,
      version: '',
    });
    expect(plainTarget({ host: '127.0.0.1', port: 2376, protocol: 'https' })).toBeNull();
    expect(plainTarget({ host: 'box', port: 22, protocol: 'ssh' })).toBeNull();
    expect(plainTarget({ host: 'box', port: 2375, protocol: 'http', pathPrefix: '/docker' })).toBeNull();
    expect(plainTarget({ host: 'box', port: 2375, protocol: 'http', username: 'me' })).toBeNull();
    expect(plainTarget({ socketPath: '/s', headers: { Authorization: 'x' } })).toBeNull();
    expect(plainTarget({ socketPath: () => Promise.resolve('/s') })).toBeNull();
    expect(plainTarget({})).toBeNull();
  });
});

describe('requestHead and parseHead', () => {
  it('asks for HTTP/1.0 with the query, the API version and a Host header', () => {
    const head = requestHead({ kind: 'tcp', host: '::1', port: 2375, version: 'v1.44' }, '/containers/a%2Fb/logs', {
      follow: true,
      since: '1.000000001',
    });
    expect(head).toBe(
      'GET /v1.44/containers/a%2Fb/logs?follow=true&since=1.000000001 HTTP/1.0\r\nHost: [::1]:2375\r\nUser-Agent: Berth\r\n\r\n',
    );
  });

  it('reads the status and headers, and refuses what is not HTTP', () => {
    const head = parseHead('HTTP/1.0 404 Not Found\r\nContent-Type: application/json\r\nX-Odd:a:b');
    expect(head?.status).toBe(404);
    expect(head?.reason).toBe('Not Found');
    expect(head?.headers.get('content-type')).toBe('application/json');
    expect(head?.headers.get('x-odd')).toBe('a:b');
    expect(parseHead('SSH-2.0-OpenSSH_9.2')).toBeNull();
  });
});

describe('streamGet', () => {
  it('hands on every body byte, whether the head comes in pieces or with the body', async () => {
    const body = Buffer.from(Array.from({ length: 300 }, (_, i) => i % 256));
    const { target, request } = await scripted([
      'HTTP/1.0 20',
      '0 OK\r\nContent-Type: application/vnd.docker.raw-stream\r',
      Buffer.concat([Buffer.from('\n\r\n'), body.subarray(0, 7)]),
      body.subarray(7),
    ]);
    const got = await readAll(target);
    expect(got.equals(body)).toBe(true);
    expect(await request).toMatch(/^GET \/containers\/x\/logs\?follow=false&tail=all HTTP\/1\.0\r\n/);
  });

  it('turns a refusal into an error that errors.ts reads like dockerode’s', async () => {
    const { target } = await scripted([
      'HTTP/1.0 404 Not Found\r\nContent-Type: application/json\r\n\r\n{"message":',
      '"No such container: x"}\n',
    ]);
    const error = await readAll(target).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineHttpError);
    expect((error as EngineHttpError).statusCode).toBe(404);
    expect((error as EngineHttpError).json).toEqual({ message: 'No such container: x' });
    expect(toBerthError(error).code).toBe('NOT_FOUND');
    expect(toBerthError(error).message).toContain('There is no container x');
    expect(toBerthError(error).details).toMatchObject({ engine: 'No such container: x' });
  });

  it('keeps a plain-text refusal as text', async () => {
    const { target } = await scripted([
      'HTTP/1.0 501 Not Implemented\r\n\r\nconfigured logging driver does not support reading',
    ]);
    const error = (await readAll(target).catch((e: unknown) => e)) as EngineHttpError;
    expect(error.json).toBe('configured logging driver does not support reading');
    expect(error.message).toContain('does not support reading');
  });

  it('takes the chunk framing off when something in front of the engine chunks its answer anyway', async () => {
    const body = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7) % 256));
    const { target } = await scripted([
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n',
      chunk(body.subarray(0, 3)),
      chunk(body.subarray(3, 4000)).subarray(0, 10),
      chunk(body.subarray(3, 4000)).subarray(10),
      Buffer.concat([chunk(body.subarray(4000)), Buffer.from('0\r\n\r\n')]),
    ]);
    expect((await readAll(target)).equals(body)).toBe(true);
    const refusal = await scripted([
      'HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n',
      chunk(Buffer.from('{"message":"No such container: x"}')),
      '0\r\n\r\n',
    ]);
    await expect(readAll(refusal.target)).rejects.toMatchObject({
      statusCode: 404,
      json: { message: 'No such container: x' },
    });
  });

  it('refuses an answer that is not HTTP, a broken chunk, and a connection closed before the head', async () => {
    const garbage = await scripted(['SSH-2.0-OpenSSH_9.2\r\n\r\n']);
    await expect(readAll(garbage.target)).rejects.toThrow(/other than HTTP/);
    const broken = await scripted(['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n']);
    await expect(readAll(broken.target)).rejects.toThrow(/malformed chunk/);
    const early = await scripted(['HTTP/1.0 200 OK\r\n']);
    await expect(readAll(early.target)).rejects.toThrow(/before answering/);
  });

  it('gives up on a head longer than 64 KB', async () => {
    const { target } = await scripted([`HTTP/1.0 200 OK\r\nX-Long: ${'a'.repeat(70 * 1024)}`], false);
    await expect(readAll(target)).rejects.toThrow(/longer than 64 KB/);
  });

  it('rejects with an AbortError when cancelled before the answer, and with the socket error when nothing listens', async () => {
    const { target } = await scripted([], false);
    const controller = new AbortController();
    const pending = readAll(target, controller.signal);
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    const aborted = new AbortController();
    aborted.abort();
    await expect(readAll(target, aborted.signal)).rejects.toMatchObject({ name: 'AbortError' });
    const missing: PlainTarget = { kind: 'socket', path: path.join(os.tmpdir(), 'berth-no-such.sock'), version: '' };
    await expect(readAll(missing)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
