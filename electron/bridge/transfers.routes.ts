/**
 * The bridge's download and upload addresses: image tars at /transfer/<ticket>, whole logs at
 * /logs-export/<ticket> and volume tars at /volume-transfer/<ticket>. The tickets and the engine work belong to the
 * backend (images.transfers.ts, logs.exports.ts, volumes.transfers.ts); this file speaks HTTP for them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { fail, ok } from '../../shared/result';
import {
  CONTAINER_FILES_PATH,
  type ContainerFilesTransfers,
  type ContainerPathTicket,
  type LayerFileTicket,
} from '../backend/containerFiles/containerFiles.transfers';
import { toBerthError } from '../backend/engine/errors';
import { TRANSFER_PATH, type ImageTransfers } from '../backend/images/images.transfers';
import { LOG_EXPORT_PATH, type LogExports, type LogTicket } from '../backend/logs/logs.exports';
import { VOLUME_TRANSFER_PATH, type VolumeTicket, type VolumeTransfers } from '../backend/volumes/volumes.transfers';
import { isAllowedOrigin } from './auth';
import { reply, type HttpRoute } from './routes';
import { securityHeaders } from './static';

/** Serves GET (save) and POST (load) at /transfer/<ticket>; anything else under that path is a 404. */
export function imageTransferRoute(transfers: ImageTransfers): HttpRoute {
  return (req, res, port) => {
    const url = req.url ?? '';
    if (!url.startsWith(TRANSFER_PATH)) return false;
    if (req.method !== 'GET' && req.method !== 'POST') {
      // Answered before the ticket is looked up, so a stray HEAD or PUT never spends it.
      reply(res, 405, fail('INVALID_INPUT', 'A transfer address takes GET (download) or POST (upload) only.'), {
        Allow: 'GET, POST',
      });
      return true;
    }
    // Uploads also need the page's own Origin, like the WebSocket; checked before the ticket is looked up, so a
    // foreign page cannot spend the user's ticket.
    if (req.method === 'POST' && !isAllowedOrigin(req.headers.origin, port)) {
      reply(res, 403, fail('PERMISSION_DENIED', 'Uploads are only accepted from the Berth page itself.'));
      return true;
    }
    const ticket = transfers.redeem(url, req.method === 'POST' ? 'load' : 'save');
    if (ticket === null) {
      reply(res, 404, fail('NOT_FOUND', 'This transfer address is unknown, used or expired; start the action again.'));
      return true;
    }
    if (ticket.kind === 'load') {
      void load(transfers, req, res);
    } else {
      void save(transfers, ticket.ref, ticket.filename, res);
    }
    return true;
  };
}

async function save(transfers: ImageTransfers, ref: string, filename: string, res: ServerResponse): Promise<void> {
  try {
    await transfers.save(ref, filename, async (tar) => {
      res.writeHead(200, {
        ...securityHeaders(),
        'Content-Type': 'application/x-tar',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'no-store',
      });
      await pipeline(tar, res);
    });
  } catch (error) {
    if (!res.headersSent) reply(res, 500, { ok: false, error: toBerthError(error) });
    else res.destroy();
  }
}

async function load(transfers: ImageTransfers, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const name = safeDecode(String(req.headers['x-filename'] ?? 'image.tar')).slice(0, 200);
  try {
    reply(res, 200, ok(await transfers.load(name, req)));
  } catch (error) {
    const berthError = toBerthError(error);
    reply(res, berthError.code === 'INVALID_INPUT' ? 400 : 500, { ok: false, error: berthError });
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return 'image.tar';
  }
}

/** Serves GET at /logs-export/<ticket>: the whole logs as one text file. */
export function logExportRoute(exports: LogExports): HttpRoute {
  return (req, res) => {
    const url = req.url ?? '';
    if (!url.startsWith(LOG_EXPORT_PATH)) return false;
    if (req.method !== 'GET') {
      reply(res, 405, fail('INVALID_INPUT', 'A log download address takes GET only.'), { Allow: 'GET' });
      return true;
    }
    const ticket = exports.redeem(url);
    if (ticket === null) {
      reply(res, 404, fail('NOT_FOUND', 'This download address is unknown, used or expired; save the log again.'));
      return true;
    }
    // A download the browser gives up on stops the engine reads.
    const controller = new AbortController();
    res.on('close', () => controller.abort());
    void sendLog(exports, ticket, res, controller.signal);
    return true;
  };
}

async function sendLog(exports: LogExports, ticket: LogTicket, res: ServerResponse, signal: AbortSignal) {
  try {
    await exports.send(
      ticket,
      () =>
        res.writeHead(200, {
          ...securityHeaders(),
          'Content-Type': 'text/plain; charset=utf-8',
          'Content-Disposition': `attachment; filename="${ticket.filename}"`,
          'Cache-Control': 'no-store',
        }),
      signal,
    );
  } catch (error) {
    const e = toBerthError(error);
    const status = e.code === 'NOT_FOUND' ? 404 : e.code === 'CONFLICT' ? 409 : 500;
    if (!res.headersSent) reply(res, status, { ok: false, error: e });
    else res.destroy();
  }
}

/** Serves GET (export) and POST (import) at /volume-transfer/<ticket>; anything else is refused before a ticket is spent. */
export function volumeTransferRoute(transfers: VolumeTransfers): HttpRoute {
  return (req, res, port) => {
    const url = req.url ?? '';
    if (!url.startsWith(VOLUME_TRANSFER_PATH)) return false;
    if (req.method !== 'GET' && req.method !== 'POST') {
      reply(res, 405, fail('INVALID_INPUT', 'A volume transfer address takes GET (export) or POST (import) only.'), {
        Allow: 'GET, POST',
      });
      return true;
    }
    if (req.method === 'POST' && !isAllowedOrigin(req.headers.origin, port)) {
      reply(res, 403, fail('PERMISSION_DENIED', 'Uploads are only accepted from the Berth page itself.'));
      return true;
    }
    const ticket = transfers.redeem(url, req.method === 'POST' ? 'import' : 'export');
    if (ticket === null) {
      reply(res, 404, fail('NOT_FOUND', 'This transfer address is unknown, used or expired; start the action again.'));
      return true;
    }
    if (ticket.kind === 'import') {
      void importVolume(transfers, ticket, req, res);
    } else {
      void exportVolume(transfers, ticket, res);
    }
    return true;
  };
}

async function exportVolume(transfers: VolumeTransfers, ticket: VolumeTicket, res: ServerResponse): Promise<void> {
  try {
    await transfers.export(ticket, async (tar) => {
      res.writeHead(200, {
        ...securityHeaders(),
        'Content-Type': 'application/x-tar',
        'Content-Disposition': `attachment; filename="${ticket.filename}"`,
        'Cache-Control': 'no-store',
      });
      await pipeline(tar, res);
    });
  } catch (error) {
    if (!res.headersSent) reply(res, 500, { ok: false, error: toBerthError(error) });
    else res.destroy();
  }
}

async function importVolume(
  transfers: VolumeTransfers,
  ticket: VolumeTicket,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  try {
    await transfers.import(ticket, req);
    reply(res, 200, ok(null));
  } catch (error) {
    const berthError = toBerthError(error);
    reply(res, berthError.code === 'INVALID_INPUT' ? 400 : 500, { ok: false, error: berthError });
  }
}

/** Serves GET (download a tar) and POST (upload one file, raw bytes) at /container-files/<ticket>. */
export function containerFilesRoute(transfers: ContainerFilesTransfers): HttpRoute {
  return (req, res, port) => {
    const url = req.url ?? '';
    if (!url.startsWith(CONTAINER_FILES_PATH)) return false;
    if (req.method !== 'GET' && req.method !== 'POST') {
      reply(res, 405, fail('INVALID_INPUT', 'A container file address takes GET (download) or POST (upload) only.'), {
        Allow: 'GET, POST',
      });
      return true;
    }
    if (req.method === 'POST' && !isAllowedOrigin(req.headers.origin, port)) {
      reply(res, 403, fail('PERMISSION_DENIED', 'Uploads are only accepted from the Berth page itself.'));
      return true;
    }
    const size = Number(req.headers['content-length']);
    if (req.method === 'POST' && !(Number.isSafeInteger(size) && size >= 0)) {
      reply(res, 411, fail('INVALID_INPUT', 'An upload into a container needs its length (Content-Length).'));
      return true;
    }
    const ticket = transfers.redeem(url, req.method === 'POST' ? ['upload'] : ['download', 'layer']);
    if (ticket === null) {
      reply(res, 404, fail('NOT_FOUND', 'This transfer address is unknown, used or expired; start the action again.'));
      return true;
    }
    if (ticket.kind === 'upload') void uploadFile(transfers, ticket, size, req, res);
    else if (ticket.kind === 'layer') void sendLayerFile(transfers, ticket, res);
    else void downloadPath(transfers, ticket, res);
    return true;
  };
}

async function sendLayerFile(
  transfers: ContainerFilesTransfers,
  ticket: LayerFileTicket,
  res: ServerResponse,
): Promise<void> {
  try {
    await transfers.sendLayerFile(ticket, async (bytes) => {
      res.writeHead(200, {
        ...securityHeaders(),
        'Content-Type': 'application/octet-stream',
        'Content-Length': String(bytes.length),
        'Content-Disposition': `attachment; filename="${encodeURIComponent(ticket.filename)}"`,
        'Cache-Control': 'no-store',
      });
      res.end(bytes);
      await new Promise<void>((resolve) => res.once('finish', resolve).once('close', resolve));
    });
  } catch (error) {
    const e = toBerthError(error);
    if (!res.headersSent) reply(res, e.code === 'NOT_FOUND' ? 404 : 500, { ok: false, error: e });
    else res.destroy();
  }
}

async function downloadPath(
  transfers: ContainerFilesTransfers,
  ticket: ContainerPathTicket,
  res: ServerResponse,
): Promise<void> {
  try {
    await transfers.download(ticket, async (tar) => {
      res.writeHead(200, {
        ...securityHeaders(),
        'Content-Type': 'application/x-tar',
        'Content-Disposition': `attachment; filename="${encodeURIComponent(ticket.filename)}"`,
        'Cache-Control': 'no-store',
      });
      await pipeline(tar, res);
    });
  } catch (error) {
    const e = toBerthError(error);
    if (!res.headersSent) reply(res, e.code === 'NOT_FOUND' ? 404 : 500, { ok: false, error: e });
    else res.destroy();
  }
}

async function uploadFile(
  transfers: ContainerFilesTransfers,
  ticket: ContainerPathTicket,
  size: number,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const name = safeDecode(String(req.headers['x-filename'] ?? 'upload'));
  try {
    await transfers.upload(ticket, name, size, req);
    reply(res, 200, ok(null));
  } catch (error) {
    const e = toBerthError(error);
    reply(res, e.code === 'INVALID_INPUT' ? 400 : e.code === 'NOT_FOUND' ? 404 : 500, { ok: false, error: e });
  }
}
