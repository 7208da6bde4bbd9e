/**
 * Saving an image to a tar and loading one, in the browser mode: the page asks over the authenticated API for a
 * one-use ticket, then downloads (GET) or uploads (POST) at /transfer/<ticket> on the bridge
 * (bridge/transfers.routes.ts). Tar bytes stream straight between the HTTP request and the engine (no base64 over
 * the WebSocket, no file held in memory), and the long-lived API token never appears in a download URL the browser
 * keeps in its history.
 */
import type { Readable } from 'node:stream';
import { loadAction, saveAction, tarFilename } from '../../../shared/cli/images.cli';
import type { LoadResult, TransferTicket } from '../../../shared/dto/images';
import { TicketBook } from '../core/tickets';
import type { Transcript } from '../core/transcript';
import type { ImagesService } from './images.service';

export const TRANSFER_PATH = '/transfer/';

export type ImageTicket =
  { readonly kind: 'save'; readonly ref: string; readonly filename: string } | { readonly kind: 'load' };

export class ImageTransfers {
  private readonly tickets: TicketBook<ImageTicket>;

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

  /** The ticket at `path` (under TRANSFER_PATH) if it is known, unused, unexpired and of `kind`; it is spent then. */
  redeem(path: string, kind: ImageTicket['kind']): ImageTicket | null {
    const id = path.slice(TRANSFER_PATH.length).split('?')[0] ?? '';
    return this.tickets.redeem(id, (t) => t.kind === kind);
  }

  /** Hands the image's tar to `send`, recorded in the transcript as `docker save`. */
  save(ref: string, filename: string, send: (tar: Readable) => Promise<void>): Promise<void> {
    return this.transcript.run(saveAction(ref, filename), async () => send(await this.images.save(ref)));
  }

  /** Loads the images in `tar`, recorded in the transcript as `docker load`. */
  load(name: string, tar: Readable): Promise<LoadResult> {
    return this.transcript.run(loadAction(name), () => this.images.load(tar));
  }

  private issue(ticket: ImageTicket, filename: string): TransferTicket {
    return { path: `${TRANSFER_PATH}${this.tickets.issue(ticket)}`, filename };
  }
}
