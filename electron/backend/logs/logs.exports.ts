/**
 * "Save whole log" in the browser mode: the page asks for a one-use ticket over the authenticated API, then
 * downloads `/logs-export/<ticket>` from the bridge. The text streams from the engine's answers into the HTTP
 * response as the browser takes it (logs.export.ts), however long the logs are. The desktop app writes the same
 * text to a file chosen in a dialog (desktop.handlers.ts).
 */
import { logFilename, saveLogAction } from '../../../shared/commands/logs.commands';
import type { TransferTicket } from '../../../shared/dto/images';
import { fail } from '../../../shared/result';
import { reply, type HttpRoute } from '../../bridge/routes';
import { securityHeaders } from '../../bridge/static';
import { TicketBook } from '../core/tickets';
import { toBerthError } from '../engine/errors';
import type { LogsService } from './logs.service';
import type { Transcript } from '../core/transcript';

export const LOG_EXPORT_PATH = '/logs-export/';

interface Ticket {
  readonly refs: readonly string[];
  readonly filename: string;
}

export class LogExports {
  private readonly tickets: TicketBook<Ticket>;

  constructor(
    private readonly logs: LogsService,
    private readonly transcript: Transcript,
    now: () => number = Date.now,
  ) {
    this.tickets = new TicketBook(now);
  }

  /** Fails now (NOT_FOUND, the driver "none") rather than later inside a browser download. */
  async ticket(refs: readonly string[]): Promise<TransferTicket> {
    const targets = await this.logs.exportTargets(refs);
    const filename = logFilename(targets.map((t) => t.name));
    return { path: `${LOG_EXPORT_PATH}${this.tickets.issue({ refs, filename })}`, filename };
  }

  readonly route: HttpRoute = (req, res) => {
    const url = req.url ?? '';
    if (!url.startsWith(LOG_EXPORT_PATH)) return false;
    if (req.method !== 'GET') {
      reply(res, 405, fail('INVALID_INPUT', 'A log download address takes GET only.'), { Allow: 'GET' });
      return true;
    }
    const ticket = this.tickets.redeem(url.slice(LOG_EXPORT_PATH.length).split('?')[0] ?? '');
    if (ticket === null) {
      reply(res, 404, fail('NOT_FOUND', 'This download address is unknown, used or expired; save the log again.'));
      return true;
    }
    // A download the browser gives up on stops the engine reads.
    const controller = new AbortController();
    res.on('close', () => controller.abort());
    void this.send(ticket, res, controller.signal);
    return true;
  };

  private async send(ticket: Ticket, res: Parameters<HttpRoute>[1], signal: AbortSignal): Promise<void> {
    try {
      const targets = await this.logs.exportTargets(ticket.refs);
      await this.transcript.run(
        saveLogAction(
          targets.map((t) => t.name),
          ticket.filename,
        ),
        async () => {
          res.writeHead(200, {
            ...securityHeaders(),
            'Content-Type': 'text/plain; charset=utf-8',
            'Content-Disposition': `attachment; filename="${ticket.filename}"`,
            'Cache-Control': 'no-store',
          });
          await this.logs.exportTo(targets, res, signal);
          res.end();
        },
      );
    } catch (error) {
      const e = toBerthError(error);
      const status = e.code === 'NOT_FOUND' ? 404 : e.code === 'CONFLICT' ? 409 : 500;
      if (!res.headersSent) reply(res, status, { ok: false, error: e });
      else res.destroy();
    }
  }
}
