/**
 * Exporting a volume to a tar and importing one, in the browser mode, the way image save/load work
 * (images.transfers.ts): the page asks over the authenticated API for a one-use ticket, then downloads (GET) or
 * uploads (POST) at /volume-transfer/<ticket> on the bridge (bridge/transfers.routes.ts). Tar bytes stream between
 * the HTTP request and the helper container's archive, never held in memory.
 */
import type { Readable } from 'node:stream';
import { exportVolumeAction, importVolumeAction } from '../../../shared/cli/volumes.cli';
import type { TransferTicket } from '../../../shared/dto/images';
import { TicketBook } from '../core/tickets';
import type { Transcript } from '../core/transcript';
import type { VolumeFiles } from './volumes.files';

export const VOLUME_TRANSFER_PATH = '/volume-transfer/';

export interface VolumeTicket {
  readonly kind: 'export' | 'import';
  readonly name: string;
  readonly filename: string;
}

export const volumeTarName = (name: string): string => `${name}.tar`;

export class VolumeTransfers {
  private readonly tickets: TicketBook<VolumeTicket>;

  constructor(
    private readonly files: VolumeFiles,
    private readonly transcript: Transcript,
    now: () => number = Date.now,
  ) {
    this.tickets = new TicketBook(now);
  }

  /** Fails now (NOT_FOUND, no local image) rather than later inside a browser download. */
  async ticket(kind: VolumeTicket['kind'], name: string): Promise<TransferTicket> {
    await this.files.check(name);
    const filename = volumeTarName(name);
    return { path: `${VOLUME_TRANSFER_PATH}${this.tickets.issue({ kind, name, filename })}`, filename };
  }

  /** The ticket at `path` (under VOLUME_TRANSFER_PATH) if it is known, unused, unexpired and of `kind`; spent then. */
  redeem(path: string, kind: VolumeTicket['kind']): VolumeTicket | null {
    const id = path.slice(VOLUME_TRANSFER_PATH.length).split('?')[0] ?? '';
    return this.tickets.redeem(id, (t) => t.kind === kind);
  }

  /** Hands the volume's tar to `send`, recorded in the transcript with its docker twin. */
  async export(ticket: VolumeTicket, send: (tar: Readable) => Promise<void>): Promise<void> {
    const image = await this.files.image();
    await this.transcript.run(exportVolumeAction(ticket.name, image, ticket.filename), async () => {
      const { tar } = await this.files.exportVolume(ticket.name);
      await send(tar);
    });
  }

  /** Unpacks `tar` into the volume, recorded in the transcript with its docker twin. */
  async import(ticket: VolumeTicket, tar: Readable): Promise<void> {
    const image = await this.files.image();
    await this.transcript.run(importVolumeAction(ticket.name, image, ticket.filename), () =>
      this.files.importVolume(ticket.name, tar),
    );
  }
}
