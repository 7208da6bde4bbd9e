/**
 * Exporting a volume to a tar and importing one, in the browser mode, the way image save/load work
 * (electron/main/handlers/images.transfers.ts): the page asks over the authenticated API for a one-use ticket,
 * then downloads (GET) or uploads (POST) at /volume-transfer/<ticket>. Tar bytes stream between the HTTP request
 * and the helper container's archive, never held in memory.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { exportVolumeAction, importVolumeAction } from '../../../shared/cli/volumes.cli';
import type { TransferTicket } from '../../../shared/dto/images';
import { fail, ok } from '../../../shared/result';
import { isAllowedOrigin } from '../../main/bridge/auth';
import { reply, type HttpRoute } from '../../main/bridge/routes';
import { securityHeaders } from '../../main/bridge/static';
import { TicketBook } from '../../main/bridge/tickets';
import { toBerthError } from '../../main/docker/errors';
import type { Transcript } from '../../main/transcript';
import type { VolumeFiles } from './volumes.files';

export const VOLUME_TRANSFER_PATH = '/volume-transfer/';

interface Ticket {
  readonly kind: 'export' | 'import';
  readonly name: string;
  readonly filename: string;
}

export const volumeTarName = (name: string): string => `${name}.tar`;

export class VolumeTransfers {
  private readonly tickets: TicketBook<Ticket>;

  constructor(
    private readonly files: VolumeFiles,
    private readonly transcript: Transcript,
    now: () => number = Date.now,
  ) {
    this.tickets = new TicketBook(now);
  }

  /** Fails now (NOT_FOUND, no local image) rather than later inside a browser download. */
  async ticket(kind: Ticket['kind'], name: string): Promise<TransferTicket> {
    await this.files.check(name);
    const filename = volumeTarName(name);
    return { path: `${VOLUME_TRANSFER_PATH}${this.tickets.issue({ kind, name, filename })}`, filename };
  }

  /** Serves GET (export) and POST (import); anything else under that path is refused before a ticket is spent. */
  readonly route: HttpRoute = (req, res, port) => {
    const url = req.url ?? '';
    if (!url.startsWith(VOLUME_TRANSFER_PATH)) return false;
    if (req.method !== 'GET' && req.method !== 'POST') {
      reply(res, 405, fail('INVALID_INPUT', 'A volume transfer address takes GET (export) or POST (import) only.'), {
        Allow: 'GET, POST',
      });
      return true;
    }
    const kind = req.method === 'POST' ? 'import' : 'export';
    const id = url.slice(VOLUME_TRANSFER_PATH.length).split('?')[0] ?? '';
    const ticket = this.tickets.redeem(id, (t) => t.kind === kind);
    if (ticket === null) {
      reply(res, 404, fail('NOT_FOUND', 'This transfer address is unknown, used or expired; start the action again.'));
      return true;
    }
    if (ticket.kind === 'import') {
      if (!isAllowedOrigin(req.headers.origin, port)) {
        reply(res, 403, fail('PERMISSION_DENIED', 'Uploads are only accepted from the Berth page itself.'));
        return true;
      }
      void this.import(ticket, req, res);
    } else {
      void this.export(ticket, res);
    }
    return true;
  };

  private async export(ticket: Ticket, res: ServerResponse): Promise<void> {
    try {
      const image = await this.files.image();
      await this.transcript.run(exportVolumeAction(ticket.name, image, ticket.filename), async () => {
        const { tar } = await this.files.exportVolume(ticket.name);
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

  private async import(ticket: Ticket, req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const image = await this.files.image();
      await this.transcript.run(importVolumeAction(ticket.name, image, ticket.filename), () =>
        this.files.importVolume(ticket.name, req),
      );
      reply(res, 200, ok(null));
    } catch (error) {
      const berthError = toBerthError(error);
      reply(res, berthError.code === 'INVALID_INPUT' ? 400 : 500, { ok: false, error: berthError });
    }
  }
}
