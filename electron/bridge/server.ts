/**
 * The browser bridge: the built renderer over HTTP and the dispatcher over one WebSocket per page, on
 * 127.0.0.1 only. Every request passes the Host check; the WebSocket also needs the page's Origin and the token.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { BRIDGE_MAX_FRAME_BYTES } from '../../shared/wire';
import type { Dispatcher } from '../backend/core/dispatcher';
import { apiHttpRefusal, hostRefusal, isApiPath, newToken, upgradeRefusal, type Refusal } from './auth';
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
}

export interface Bridge {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const DEFAULT_MAX_BUFFERED = 16 * 1024 * 1024;

function sendRefusal(res: ServerResponse, refusal: Refusal): void {
  const body = JSON.stringify({ code: refusal.code, message: refusal.message });
  res.writeHead(refusal.status, {
    ...securityHeaders(),
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
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: BRIDGE_MAX_FRAME_BYTES,
  });
  let port = 0;

  const server = createServer((req, res) => {
    const refusal = hostRefusal(req.headers, port) ?? (isApiPath(req.url) ? apiHttpRefusal(req.url, token) : null);
    if (refusal) {
      sendRefusal(res, refusal);
      return;
    }
    if (options.routes?.some((route) => route(req, res, port))) return;
    void serveStatic(req, res, options.rendererDir);
  });

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
