/**
 * The browser bridge: the built renderer over HTTP and the dispatcher over one WebSocket per page, on
 * 127.0.0.1 only. Every request passes the Host check; the WebSocket also needs the page's Origin and the token.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { BRIDGE_MAX_FRAME_BYTES } from '../../shared/wire';
import type { Dispatcher } from '../backend/core/dispatcher';
import { apiHttpRefusal, hostRefusal, isApiPath, newToken, tokenLanding, upgradeRefusal, type Refusal } from './auth';
import { securityHeaders, serveStatic } from './static';
import { attachSocket } from './socket';

export interface BridgeOptions {
  readonly dispatcher: Dispatcher;
  readonly rendererDir: string;
  /** 0 or absent: any free port. */
  readonly port?: number;
  readonly token?: string;
  /** A socket whose unsent output grows past this is dropped (a client that stopped reading). */
  readonly maxBufferedBytes?: number;
  /**
   * Extra HTTP routes outside /api (e.g. image tar downloads), asked after the Host check and before the static
   * files; each does its own authorisation and answers true when it handled the request.
   */
  readonly routes?: readonly ((req: IncomingMessage, res: ServerResponse, port: number) => boolean)[];
  /** Uploads (image and volume tars) larger than this are refused before a byte is read. */
  readonly maxUploadBytes?: number;
  /** For tests; the defaults are the named constants below. */
  readonly maxConnections?: number;
  readonly headersTimeoutMs?: number;
}

export interface Bridge {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const DEFAULT_MAX_BUFFERED = 16 * 1024 * 1024;
/** Open TCP connections at once; a page needs a handful, so more is someone else (or a flood). */
export const MAX_CONNECTIONS = 64;
/** A request's headers must arrive within this, so half-sent requests cannot hold connections open. */
export const HEADERS_TIMEOUT_MS = 10_000;
/** Largest upload (an image or volume tar) unless `npm run serve -- --max-upload-mb N` says otherwise: 20 GiB. */
export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 ** 3;

/**
 * A request with a body must say its length, and not more than `max`: Node's parser then delivers exactly that
 * many bytes, so the limit holds without counting. Chunked bodies are refused (browsers send a length for a file).
 */
export function uploadRefusal(req: IncomingMessage, max: number): Refusal | null {
  if (req.method !== 'POST' && req.method !== 'PUT') return null;
  if (req.headers['transfer-encoding'] !== undefined || req.headers['content-length'] === undefined)
    return { status: 411, code: 'INVALID_INPUT', message: 'An upload must say its length (Content-Length).' };
  const length = Number(req.headers['content-length']);
  if (!Number.isSafeInteger(length) || length < 0)
    return { status: 400, code: 'INVALID_INPUT', message: 'The upload length is not a number.' };
  if (length > max)
    return {
      status: 413,
      code: 'LIMIT_REACHED',
      message: `This upload is ${length} bytes; Berth takes at most ${max} (start it with --max-upload-mb to change that).`,
    };
  return null;
}

function sendRefusal(res: ServerResponse, refusal: Refusal): void {
  const body = JSON.stringify({ code: refusal.code, message: refusal.message });
  res.writeHead(refusal.status, {
    ...securityHeaders(),
    // A refused upload's body is never read; the connection cannot carry another request after it.
    ...(refusal.status === 411 || refusal.status === 413 ? { Connection: 'close' } : {}),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

/** Answers a refused upgrade in plain HTTP and drops the socket, as ws does for its own refusals. */
function refuseUpgrade(socket: Duplex, refusal: Refusal): void {
  const body = JSON.stringify({ code: refusal.code, message: refusal.message });
  const headers = {
    ...securityHeaders(),
    Connection: 'close',
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
  };
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\r\n');
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${refusal.status} ${statusText(refusal.status)}\r\n${head}\r\n\r\n${body}`);
}

const statusText = (status: number): string =>
  ({
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    421: 'Misdirected Request',
  })[status] ?? 'Error';

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? newToken();
  const maxBuffered = options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED;
  const maxUpload = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const headersTimeout = options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS;
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: BRIDGE_MAX_FRAME_BYTES,
  });
  let port = 0;

  const server = createServer(
    {
      headersTimeout: headersTimeout,
      // Bodies are only uploads behind a one-use ticket, and a big tar may take long: no limit on the whole request.
      requestTimeout: 0,
      // How often Node looks for connections past headersTimeout (its default, 30 s, would let them live that long).
      connectionsCheckingInterval: Math.min(1000, headersTimeout),
    },
    (req, res) => {
      const refusal =
        hostRefusal(req.headers, port) ??
        (isApiPath(req.url) ? apiHttpRefusal(req.url, req.headers, port, token) : null) ??
        uploadRefusal(req, maxUpload);
      if (refusal) {
        sendRefusal(res, refusal);
        return;
      }
      const landing = req.method === 'GET' || req.method === 'HEAD' ? tokenLanding(req.url, port, token) : null;
      if (landing) {
        res.writeHead(303, {
          ...securityHeaders(),
          Location: landing.location,
          'Cache-Control': 'no-store',
          'Content-Length': '0',
          ...(landing.cookie === null ? {} : { 'Set-Cookie': landing.cookie }),
        });
        res.end();
        return;
      }
      if (options.routes?.some((route) => route(req, res, port))) return;
      void serveStatic(req, res, options.rendererDir);
    },
  );
  server.maxConnections = options.maxConnections ?? MAX_CONNECTIONS;

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const refusal = hostRefusal(req.headers, port) ?? upgradeRefusal(req.url, req.headers, port, token);
    if (refusal) {
      refuseUpgrade(socket, refusal);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      attachSocket(ws, options.dispatcher, maxBuffered);
    });
  });

  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: HOST, port: options.port ?? 0, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The bridge has no TCP address.');
  port = address.port;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${HOST}:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        for (const client of wss.clients) client.close(1001, 'The Berth server is shutting down.');
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
        // Sockets still in their close handshake after a second are cut, so close() always settles.
        setTimeout(() => {
          for (const client of wss.clients) client.terminate();
        }, 1000).unref();
      })),
  };
}
