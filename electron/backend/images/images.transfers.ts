/**
 * Saving an image to a tar and loading one, in the browser mode: the page asks over the authenticated API for a
 * one-use ticket, then downloads (GET) or uploads (POST) at /transfer/<ticket> on the bridge. Tar bytes stream
 * straight between the HTTP request and the engine (no base64 over the WebSocket, no file held in memory), and
 * the long-lived API token never appears in a download URL the browser keeps in its history. Electron can later
 * pipe the same service streams to and from a path chosen in a file dialog.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { loadAction, saveAction, tarFilename } from '../../../shared/commands/images.commands';
import type { TransferTicket } from '../../../shared/dto/images';
import { fail, ok } from '../../../shared/result';
import { isAllowedOrigin } from '../../bridge/auth';
import { reply, type HttpRoute } from '../../bridge/routes';
import { securityHeaders } from '../../bridge/static';
import { TicketBook } from '../core/tickets';
import { toBerthError } from '../engine/errors';
import type { ImagesService } from './images.service';
import type { Transcript } from '../core/transcript';

export const TRANSFER_PATH = '/transfer/';

type Ticket = { readonly kind: 'save'; readonly ref: string; readonly filename: string } | { readonly kind: 'load' };

export class ImageTransfers {
  private readonly tickets: TicketBook<Ticket>;

  constructor(
    private readonly images: ImagesService,
    private readonly transcript: Transcript,
    now: () => number = Date.now,
  ) {
    this.tickets = new TicketBook(now);
  }

  async saveTicket(ref: string): Promise<TransferTicket> {
    // Fails now with NOT_FOUND rather than later inside a browser download.
    await this.images.inspect(ref);
    const filename = tarFilename(ref);
    return this.issue({ kind: 'save', ref, filename }, filename);
  }

  loadTicket(): TransferTicket {
    this.images.assertReachable();
    return this.issue({ kind: 'load' }, 'image.tar');
  }

  /** Serves GET (save) and POST (load) at /transfer/<ticket>; anything else under that path is a 404. */
  readonly route: HttpRoute = (req, res, port) => {
    const url = req.url ?? '';
    if (!url.startsWith(TRANSFER_PATH)) return false;
    if (req.method !== 'GET' && req.method !== 'POST') {
      // Answered before the ticket is looked up, so a stray HEAD or PUT never spends it.
      reply(res, 405, fail('INVALID_INPUT', 'A transfer address takes GET (download) or POST (upload) only.'), {
        Allow: 'GET, POST',
      });
      return true;
    }
    const id = url.slice(TRANSFER_PATH.length).split('?')[0] ?? '';
    const kind = req.method === 'POST' ? 'load' : 'save';
    const ticket = this.tickets.redeem(id, (t) => t.kind === kind);
    if (ticket === null) {
      reply(res, 404, fail('NOT_FOUND', 'This transfer address is unknown, used or expired; start the action again.'));
      return true;
    }
    if (ticket.kind === 'load') {
      // Uploads also need the page's own Origin, like the WebSocket.
      if (!isAllowedOrigin(req.headers.origin, port)) {
        reply(res, 403, fail('PERMISSION_DENIED', 'Uploads are only accepted from the Berth page itself.'));
        return true;
      }
      void this.load(req, res);
    } else {
      void this.save(ticket.ref, ticket.filename, res);
    }
    return true;
  };

  private issue(ticket: Ticket, filename: string): TransferTicket {
    return { path: `${TRANSFER_PATH}${this.tickets.issue(ticket)}`, filename };
  }

  private async save(ref: string, filename: string, res: ServerResponse): Promise<void> {
    try {
      await this.transcript.run(saveAction(ref, filename), async () => {
        const tar = await this.images.save(ref);
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

  private async load(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const name = safeDecode(String(req.headers['x-filename'] ?? 'image.tar')).slice(0, 200);
    try {
      const result = await this.transcript.run(loadAction(name), () => this.images.load(req));
      reply(res, 200, ok(result));
    } catch (error) {
      const berthError = toBerthError(error);
      reply(res, berthError.code === 'INVALID_INPUT' ? 400 : 500, { ok: false, error: berthError });
    }
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return 'image.tar';
  }
}
