/** Real HTTP and WebSocket clients for the bridge tests, and a dispatcher over small in-test handlers. */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import WebSocket from 'ws';
import type { ServerFrame } from '../../shared/wire';
import { Dispatcher } from '../backend/core/dispatcher';
import type { RequestHandlers, StreamHandlers } from '../backend/core/dispatcher.types';

export interface HttpAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A raw request: the path is sent exactly as given and any Host header can be forged. */
export function rawHttp(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

export type SocketAttempt =
  | { readonly ok: true; readonly ws: WebSocket }
  | { readonly ok: false; readonly status: number; readonly body: string };

/** Opens a WebSocket, or reports the HTTP status it was refused with. */
export function openSocket(
  url: string,
  options: { origin?: string; headers?: Record<string, string> } = {},
): Promise<SocketAttempt> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, {
      ...(options.origin === undefined ? {} : { origin: options.origin }),
      headers: options.headers ?? {},
    });
    ws.once('open', () => resolve({ ok: true, ws }));
    ws.once('unexpected-response', (_req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          ok: false,
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    ws.once('error', reject);
  });
}

/** Collects the frames a socket receives and waits for the first one that matches. */
export function frames(ws: WebSocket) {
  const seen: ServerFrame[] = [];
  const waiters: {
    test: (frame: ServerFrame) => boolean;
    resolve: (frame: ServerFrame) => void;
  }[] = [];
  ws.on('message', (data: Buffer) => {
    const frame = JSON.parse(data.toString('utf8')) as ServerFrame;
    seen.push(frame);
    for (const waiter of [...waiters]) {
      if (waiter.test(frame)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(frame);
      }
    }
  });
  return {
    seen,
    next(test: (frame: ServerFrame) => boolean, timeoutMs = 5000): Promise<ServerFrame> {
      const already = seen.find(test);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(new Error(`no matching frame within ${timeoutMs} ms; saw ${JSON.stringify(seen).slice(0, 400)}`)),
          timeoutMs,
        );
        waiters.push({
          test,
          resolve: (frame) => (clearTimeout(timer), resolve(frame)),
        });
      });
    },
  };
}

export const closed = (ws: WebSocket): Promise<{ code: number; reason: string }> =>
  new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString('utf8') })));

/** A dispatcher whose handlers answer from memory, with counters that show when streams are cleaned up. */
export function memoryDispatcher(options: { flood?: { chunkBytes: number } } = {}) {
  const counters = { watchOpen: 0, floodStopped: 0 };
  const requests = {
    'engine:status': () => ({ state: 'connecting', attempt: 7 }),
    'engine:retry': () => {
      throw new Error('retry exploded');
    },
    'containers:list': () => [],
    'images:list': () => [],
  } as unknown as RequestHandlers;
  const streams = {
    'engine:watch': (_input: unknown, sink: { emit(chunk: unknown): void }) => {
      counters.watchOpen += 1;
      sink.emit({ state: 'connecting', attempt: 1 });
      return () => void (counters.watchOpen -= 1);
    },
    // Floods its subscriber until stopped: the backpressure test's fast producer.
    'engine:events': (_input: unknown, sink: { emit(chunk: unknown): void }) => {
      const chunk = 'x'.repeat(options.flood?.chunkBytes ?? 16);
      const timer = setInterval(() => {
        for (let i = 0; i < 20; i += 1) sink.emit({ scope: 'other', action: chunk, id: String(i), time: 0 });
      }, 1);
      return () => {
        clearInterval(timer);
        counters.floodStopped += 1;
      };
    },
  } as unknown as StreamHandlers;
  const dispatcher = new Dispatcher(requests, streams, {
    mapError: (error) => ({
      code: 'INTERNAL',
      message: error instanceof Error ? error.message : String(error),
    }),
  });
  return { dispatcher, counters };
}
