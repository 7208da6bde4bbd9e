/**
 * A streamed GET straight over the engine's socket, spoken as HTTP/1.0, for answers made of millions of small
 * frames (logs). The engine flushes after every log message, so over HTTP/1.1 each message is its own chunk
 * and Node's HTTP client hands each chunk on as its own 'data' event: a million events for a million lines.
 * An HTTP/1.0 answer is never chunked (its body is the rest of the connection), so one socket read carries
 * every frame that has arrived. Endpoints that need more than a plain socket (TLS, SSH, a path prefix or
 * credentials) are left to dockerode's modem: `plainTarget` returns null for them. A proxy in front of the
 * engine that chunks its answer anyway is understood too (ChunkedDecoder).
 */
import net from 'node:net';
import { pipeline, Transform, type Readable } from 'node:stream';

/** The parts of docker-modem's settings that decide how to reach the engine. */
export interface ModemSettings {
  readonly socketPath?: unknown;
  readonly host?: unknown;
  readonly port?: unknown;
  readonly protocol?: unknown;
  readonly version?: unknown;
  readonly pathPrefix?: unknown;
  readonly username?: unknown;
  readonly headers?: unknown;
}

export type PlainTarget =
  | { readonly kind: 'socket'; readonly path: string; readonly version: string }
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number; readonly version: string };

/** The socket to open, or null when only the modem can reach the engine. */
export function plainTarget(modem: ModemSettings): PlainTarget | null {
  const version = typeof modem.version === 'string' ? modem.version : '';
  const headers = modem.headers;
  if (typeof headers === 'object' && headers !== null && Object.keys(headers).length > 0) return null;
  if (typeof modem.socketPath === 'string' && modem.socketPath !== '') {
    return { kind: 'socket', path: modem.socketPath, version };
  }
  if (modem.socketPath !== undefined && modem.socketPath !== null) return null;
  const port = Number(modem.port);
  if (
    typeof modem.host !== 'string' ||
    modem.host === '' ||
    modem.protocol !== 'http' ||
    !Number.isInteger(port) ||
    port <= 0 ||
    modem.pathPrefix ||
    modem.username
  ) {
    return null;
  }
  return { kind: 'tcp', host: modem.host, port, version };
}

export interface StreamedBody {
  /** Body bytes that arrived with the head. */
  readonly head: Buffer;
  /** The rest of the body, paused; it ends when the engine closes the connection (or the last chunk came). */
  readonly socket: Readable;
}

/**
 * Undoes HTTP/1.1 chunked transfer coding, whatever the pieces it is given: `push` returns the payload bytes
 * they complete. Chunk extensions and trailers are skipped.
 */
export class ChunkedDecoder {
  private state: 'size' | 'data' | 'data-end' | 'trailer' | 'done' = 'size';
  private line = '';
  private left = 0;

  get done(): boolean {
    return this.state === 'done';
  }

  push(buf: Buffer): Buffer[] {
    const out: Buffer[] = [];
    let at = 0;
    while (at < buf.length && this.state !== 'done') {
      if (this.state === 'data') {
        const take = Math.min(this.left, buf.length - at);
        out.push(buf.subarray(at, at + take));
        at += take;
        this.left -= take;
        if (this.left === 0) this.state = 'data-end';
        continue;
      }
      // The other states read a line up to CRLF.
      const nl = buf.indexOf(0x0a, at);
      const end = nl < 0 ? buf.length : nl;
      this.line += buf.toString('latin1', at, end);
      if (this.line.length > 4096) throw new Error('The engine sent a chunk header longer than 4 KB.');
      at = end + 1;
      if (nl < 0) break;
      const line = this.line.replace(/\r$/, '');
      this.line = '';
      if (this.state === 'data-end') this.state = 'size';
      else if (this.state === 'trailer') {
        if (line === '') this.state = 'done';
      } else {
        const size = Number.parseInt(line.split(';')[0] ?? '', 16);
        if (!Number.isInteger(size) || size < 0) throw new Error('The engine sent a malformed chunk header.');
        if (size === 0) this.state = 'trailer';
        else {
          this.left = size;
          this.state = 'data';
        }
      }
    }
    return out;
  }
}

/** The socket's bytes with the chunk framing taken off; destroying the result closes the socket. */
function dechunk(socket: net.Socket, decoder: ChunkedDecoder): Readable {
  const body = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        for (const part of decoder.push(chunk)) this.push(part);
        done();
      } catch (e) {
        done(e as Error);
      }
    },
  });
  pipeline(socket, body, () => undefined);
  return body;
}

/** An engine answer other than 200, shaped like docker-modem's errors so that errors.ts reads it the same way. */
export class EngineHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly reason: string,
    readonly json: unknown,
  ) {
    super(`(HTTP code ${statusCode}) ${reason} - ${messageOf(json)} `);
  }
}

function messageOf(json: unknown): string {
  if (typeof json === 'string') return json;
  const message = (json as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : '';
}

const MAX_HEAD_BYTES = 64 * 1024;
const MAX_ERROR_BODY_BYTES = 64 * 1024;
const HEAD_END = Buffer.from('\r\n\r\n');

/** The request line and headers for a GET of `path` with `query`. */
export function requestHead(target: PlainTarget, path: string, query: Record<string, string | number | boolean>) {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  const prefix = target.version === '' ? '' : `/${target.version}`;
  const host =
    target.kind === 'tcp'
      ? `${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port}`
      : 'localhost';
  return `GET ${prefix}${path}${search === '' ? '' : `?${search}`} HTTP/1.0\r\nHost: ${host}\r\nUser-Agent: Berth\r\n\r\n`;
}

export interface ParsedHead {
  readonly status: number;
  readonly reason: string;
  readonly headers: ReadonlyMap<string, string>;
}

/** Parses a response's status line and headers (without the blank line); null when it is not HTTP. */
export function parseHead(text: string): ParsedHead | null {
  const lines = text.split('\r\n');
  const m = /^HTTP\/1\.[01] (\d{3})(?: (.*))?$/.exec(lines[0] ?? '');
  if (m === null) return null;
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { status: Number(m[1]), reason: m[2] ?? '', headers };
}

/**
 * Sends the GET and resolves once the head of a 200 answer arrived; rejects with the socket's error, with an
 * EngineHttpError for any other status, or with an AbortError when the signal fires first.
 */
export function streamGet(
  target: PlainTarget,
  path: string,
  query: Record<string, string | number | boolean>,
  signal: AbortSignal,
): Promise<StreamedBody> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError());
    const socket =
      target.kind === 'socket' ? net.connect(target.path) : net.connect({ host: target.host, port: target.port });
    let received: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (e: Error) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      reject(e);
    };
    const onAbort = () => fail(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    socket.on('error', fail);
    socket.on('connect', () => socket.write(requestHead(target, path, query)));

    const onHead = (chunk: Buffer) => {
      received.push(chunk);
      size += chunk.length;
      const all = received.length === 1 ? chunk : Buffer.concat(received, size);
      received = [all];
      const end = all.indexOf(HEAD_END);
      if (end < 0) {
        if (size > MAX_HEAD_BYTES) fail(new Error('The engine sent an HTTP head longer than 64 KB.'));
        return;
      }
      socket.off('data', onHead);
      const head = parseHead(all.toString('latin1', 0, end));
      const body = all.subarray(end + HEAD_END.length);
      if (head === null) return fail(new Error('The engine answered with something other than HTTP.'));
      const chunked = /chunked/i.test(head.headers.get('transfer-encoding') ?? '') ? new ChunkedDecoder() : null;
      if (head.status !== 200) return readError(head, body, chunked);
      // Held until the caller listens, so that no byte is emitted to nobody.
      socket.pause();
      settled = true;
      signal.removeEventListener('abort', onAbort);
      socket.off('error', fail);
      socket.off('end', onEarlyEnd);
      if (chunked === null) return resolve({ head: body, socket });
      let first: Buffer;
      try {
        first = Buffer.concat(chunked.push(body));
      } catch (e) {
        socket.destroy();
        return reject(e instanceof Error ? e : new Error('The engine sent a malformed chunk.'));
      }
      const decoded = dechunk(socket, chunked);
      decoded.pause();
      resolve({ head: first, socket: decoded });
    };
    const onEarlyEnd = () => fail(new Error('The engine closed the connection before answering.'));
    socket.on('data', onHead);
    socket.on('end', onEarlyEnd);

    // The engine explains a refusal in a short JSON (or text) body, read to its end.
    const readError = (head: ParsedHead, first: Buffer, chunked: ChunkedDecoder | null) => {
      const parts = [first];
      let bytes = first.length;
      socket.off('end', onEarlyEnd);
      socket.on('data', (c: Buffer) => {
        if (bytes < MAX_ERROR_BODY_BYTES) parts.push(c);
        bytes += c.length;
      });
      socket.on('end', () => {
        let raw = Buffer.concat(parts);
        try {
          if (chunked) raw = Buffer.concat(chunked.push(raw));
        } catch {
          // a broken chunk: the status alone has to do
        }
        const text = raw.toString('utf8').slice(0, MAX_ERROR_BODY_BYTES);
        let json: unknown = text;
        try {
          json = JSON.parse(text);
        } catch {
          // plain text is kept as it is
        }
        fail(new EngineHttpError(head.status, head.reason, json));
      });
    };
  });
}

function abortError(): Error {
  const e = new Error('The read was cancelled.');
  e.name = 'AbortError';
  return e;
}
