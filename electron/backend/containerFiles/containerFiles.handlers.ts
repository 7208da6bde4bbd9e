import type { DomainHandlers } from '../core/dispatcher.types';
import type { ContainerFilesDesktop } from './containerFiles.desktop';
import type { ContainerFilesService } from './containerFiles.service';
import type { ContainerFilesTransfers } from './containerFiles.transfers';

export function containerFilesHandlers(
  files: ContainerFilesService,
  transfers: ContainerFilesTransfers,
  desktop: ContainerFilesDesktop,
): DomainHandlers<'files'> {
  return {
    requests: {
      'files:list': ({ id, path }) => files.list(id, path),
      'files:downloadTicket': ({ id, path }) => transfers.ticket('download', id, path),
      'files:uploadTicket': ({ id, path }) => transfers.ticket('upload', id, path),
      'files:saveToFile': ({ id, path }) => desktop.saveToFile(id, path),
      'files:uploadFromFile': ({ id, path }) => desktop.uploadFromFile(id, path),
      'files:layerFileTicket': ({ image, layer, path }) => transfers.layerTicket(image, layer, path),
      'files:saveLayerFile': ({ image, layer, path }) => desktop.saveLayerFile(image, layer, path),
    },
    streams: {},
  };
}
