/**
 * Downloading a container's file or folder as a tar and uploading a file into one of its folders, in the browser
 * mode, the way volume export/import work (volumes.transfers.ts): a one-use ticket over the authenticated API, then
 * GET or POST at /container-files/<ticket> on the bridge (bridge/transfers.routes.ts). Bytes stream, never held.
 */
import type { Readable } from 'node:stream';
import { downloadContainerPathAction, uploadContainerFileAction } from '../../../shared/cli/containerFiles.cli';
import type { TransferTicket } from '../../../shared/dto/images';
import { BerthFailure } from '../../../shared/result';
import { TicketBook } from '../core/tickets';
import type { Transcript } from '../core/transcript';
import { normalizeContainerPath, type ContainerFilesService } from './containerFiles.service';

export const CONTAINER_FILES_PATH = '/container-files/';

export interface ContainerFilesTicket {
  readonly kind: 'download' | 'upload';
  readonly id: string;
  readonly container: string;
  readonly path: string;
  readonly filename: string;
}

/** `app.conf.tar` for /etc/app.conf, `root.tar` for /. */
export const downloadName = (path: string): string => `${normalizeContainerPath(path).split('/').pop() || 'root'}.tar`;

export class ContainerFilesTransfers {
  private readonly tickets: TicketBook<ContainerFilesTicket>;

  constructor(
    private readonly files: ContainerFilesService,
    private readonly transcript: Transcript,
    now: () => number = Date.now,
  ) {
    this.tickets = new TicketBook(now);
  }

  /** Fails now (no container, no such path, not a folder) rather than later inside a browser download. */
  async ticket(kind: ContainerFilesTicket['kind'], id: string, rawPath: string): Promise<TransferTicket> {
    const path = normalizeContainerPath(rawPath);
    const { name } = await this.files.describe(id);
    if (kind === 'upload') await this.files.mustBeFolder(id, path);
    else if (path !== '' && (await this.files.stat(id, path)) === null)
      throw new BerthFailure('NOT_FOUND', `There is no /${path} in container ${name}.`);
    const filename = downloadName(path);
    const ticket = this.tickets.issue({ kind, id, container: name, path, filename });
    return { path: `${CONTAINER_FILES_PATH}${ticket}`, filename };
  }

  redeem(url: string, kind: ContainerFilesTicket['kind']): ContainerFilesTicket | null {
    const id = url.slice(CONTAINER_FILES_PATH.length).split('?')[0] ?? '';
    return this.tickets.redeem(id, (t) => t.kind === kind);
  }

  async download(ticket: ContainerFilesTicket, send: (tar: Readable) => Promise<void>): Promise<void> {
    await this.transcript.run(downloadContainerPathAction(ticket.container, ticket.path, ticket.filename), async () => {
      await send(await this.files.download(ticket.id, ticket.path));
    });
  }

  async upload(ticket: ContainerFilesTicket, name: string, size: number, body: Readable): Promise<void> {
    await this.transcript.run(uploadContainerFileAction(ticket.container, ticket.path, name), () =>
      this.files.upload(ticket.id, ticket.path, name, size, body),
    );
  }
}
