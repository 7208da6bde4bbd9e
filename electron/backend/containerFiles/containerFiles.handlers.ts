import type { DomainHandlers } from '../core/dispatcher.types';
import type { ContainerFilesService } from './containerFiles.service';
import type { ContainerFilesTransfers } from './containerFiles.transfers';

export function containerFilesHandlers(
  files: ContainerFilesService,
  transfers: ContainerFilesTransfers,
): DomainHandlers<'containerFiles'> {
  return {
    requests: {
      'containerFiles:list': ({ id, path }) => files.list(id, path),
      'containerFiles:downloadTicket': ({ id, path }) => transfers.ticket('download', id, path),
      'containerFiles:uploadTicket': ({ id, path }) => transfers.ticket('upload', id, path),
    },
    streams: {},
  };
}
