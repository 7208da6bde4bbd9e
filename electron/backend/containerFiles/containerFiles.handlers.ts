import type { DomainHandlers } from '../core/dispatcher.types';
import type { ContainerFilesService } from './containerFiles.service';
import type { ContainerFilesTransfers } from './containerFiles.transfers';

export function containerFilesHandlers(
  files: ContainerFilesService,
  transfers: ContainerFilesTransfers,
): DomainHandlers<'files'> {
  return {
    requests: {
      'files:list': ({ id, path }) => files.list(id, path),
      'files:downloadTicket': ({ id, path }) => transfers.ticket('download', id, path),
      'files:uploadTicket': ({ id, path }) => transfers.ticket('upload', id, path),
    },
    streams: {},
  };
}
