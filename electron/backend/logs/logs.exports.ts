/**
 * "Save whole log" in the browser mode: the page asks for a one-use ticket over the authenticated API, then
 * downloads `/logs-export/<ticket>` from the bridge (bridge/transfers.routes.ts). The text streams from the engine's
 * answers into the HTTP response as the browser takes it (logs.export.ts), however long the logs are. The desktop
 * app writes the same text to a file chosen in a dialog (desktop.handlers.ts).
 */
import type { Writable } from 'node:stream';
import { logFilename, saveLogAction } from '../../../shared/cli/logs.cli';
import type { TransferTicket } from '../../../shared/dto/images';
import { TicketBook } from '../core/tickets';
import type { Transcript } from '../core/transcript';
import type { LogsService } from './logs.service';

export const LOG_EXPORT_PATH = '/logs-export/';

export interface LogTicket {
  readonly refs: readonly string[];
  readonly filename: string;
}

export class LogExports {
  private readonly tickets: TicketBook<LogTicket>;

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

  /** The ticket at `path` (under LOG_EXPORT_PATH) if it is known, unused and unexpired; it is spent then. */
  redeem(path: string): LogTicket | null {
    return this.tickets.redeem(path.slice(LOG_EXPORT_PATH.length).split('?')[0] ?? '');
  }

  /**
   * Writes the ticket's logs to the stream `open` returns (called once the containers are checked again), recorded
   * in the transcript; the stream is ended when the text is complete.
   */
  async send(ticket: LogTicket, open: () => Writable, signal: AbortSignal): Promise<void> {
    const targets = await this.logs.exportTargets(ticket.refs);
    await this.transcript.run(
      saveLogAction(
        targets.map((t) => t.name),
        ticket.filename,
      ),
      async () => {
        const out = open();
        await this.logs.exportTo(targets, out, signal);
        out.end();
      },
    );
  }
}
