/**
 * Downloading a container's file or folder as a tar and uploading a file into one of its folders, in the browser
 * mode, the way volume export/import work (volumes.transfers.ts): a one-use ticket over the authenticated API, then
 * GET or POST at /container-files/<ticket> on the bridge (bridge/transfers.routes.ts). Bytes stream, never held.
 */
import type { Readable } from 'node:stream';
import {
  downloadContainerPathAction,
  saveLayerFileAction,
  uploadContainerFileAction,
} from '../../../shared/cli/containerFiles.cli';
import type { TransferTicket } from '../../../shared/dto/images';
import { BerthFailure } from '../../../shared/result';
import { TicketBook } from '../core/tickets';
import type { Transcript } from '../core/transcript';
import { normalizeContainerPath, type ContainerFilesService } from './containerFiles.service';
import { layerFileName, type LayerFileService, type LayerFileSpot } from './layerFile.service';

export const CONTAINER_FILES_PATH = '/container-files/';

export interface ContainerPathTicket {
  readonly kind: 'download' | 'upload';
  readonly id: string;
  readonly container: string;
  readonly path: string;
  readonly filename: string;
}

/** One file of an image as of a layer, sent as itself (not a tar). */
export interface LayerFileTicket {
  readonly kind: 'layer';
  readonly spot: LayerFileSpot;
  readonly filename: string;
}

export type ContainerFilesTicket = ContainerPathTicket | LayerFileTicket;

/** `app.conf.tar` for /etc/app.conf, `root.tar` for /. */
export const downloadName = (path: string): string => `${normalizeContainerPath(path).split('/').pop() || 'root'}.tar`;

export class ContainerFilesTransfers {
  private readonly tickets: TicketBook<ContainerFilesTicket>;

  constructor(
    private readonly files: ContainerFilesService,
    private readonly transcript: Transcript,
    private readonly layerFiles: LayerFileService,
    now: () => number = Date.now,
  ) {
    this.tickets = new TicketBook(now);
  }

  /** Fails now (no container, no such path, not a folder) rather than later inside a browser download. */
  async ticket(kind: ContainerPathTicket['kind'], id: string, rawPath: string): Promise<TransferTicket> {
    const path = normalizeContainerPath(rawPath);
    const { name } = await this.files.describe(id);
    if (kind === 'upload') await this.files.mustBeFolder(id, path);
    else if (path !== '' && (await this.files.stat(id, path)) === null)
      throw new BerthFailure('NOT_FOUND', `There is no /${path} in container ${name}.`);
    const filename = downloadName(path);
    const ticket = this.tickets.issue({ kind, id, container: name, path, filename });
    return { path: `${CONTAINER_FILES_PATH}${ticket}`, filename };
  }

  /** Finds the file now (no image, no layer, a folder, too big) rather than later inside a browser download. */
  async layerTicket(image: string, layer: number | string, path: string): Promise<TransferTicket> {
    const spot = await this.layerFiles.locate(image, layer, path);
    const filename = layerFileName(spot.path);
    const ticket = this.tickets.issue({ kind: 'layer', spot, filename });
    return { path: `${CONTAINER_FILES_PATH}${ticket}`, filename };
  }

  redeem(url: string, kinds: readonly ContainerFilesTicket['kind'][]): ContainerFilesTicket | null {
    const id = url.slice(CONTAINER_FILES_PATH.length).split('?')[0] ?? '';
    return this.tickets.redeem(id, (t) => kinds.includes(t.kind));
  }

  async sendLayerFile(ticket: LayerFileTicket, send: (bytes: Buffer) => Promise<void>): Promise<void> {
    const { spot } = ticket;
    await this.transcript.run(saveLayerFileAction(spot.image, spot.path, ticket.filename), async () => {
      await send(await this.layerFiles.read(spot));
    });
  }

  async download(ticket: ContainerPathTicket, send: (tar: Readable) => Promise<void>): Promise<void> {
    await this.transcript.run(downloadContainerPathAction(ticket.container, ticket.path, ticket.filename), async () => {
      await send(await this.files.download(ticket.id, ticket.path));
    });
  }

  async upload(ticket: ContainerPathTicket, name: string, size: number, body: Readable): Promise<void> {
    await this.transcript.run(uploadContainerFileAction(ticket.container, ticket.path, name), () =>
      this.files.upload(ticket.id, ticket.path, name, size, body),
    );
  }
}
