import { defineDomain } from '../core/domain';
import { containerFilesHandlers } from './containerFiles.handlers';
import { ContainerFilesService } from './containerFiles.service';
import { ContainerFilesTransfers } from './containerFiles.transfers';

declare module '../core/domain' {
  interface Services {
    /** A container's whole filesystem: its image's merged layers plus its writable layer; docker cp in and out. */
    readonly containerFiles: ContainerFilesService;
    /** Container file tars over the bridge's /container-files/ route (browser mode). */
    readonly containerFilesTransfers: ContainerFilesTransfers;
  }
}

export const containerFilesDomain = defineDomain({
  name: 'files',
  make: ({ engine, transcript, service }) => {
    const containerFiles = new ContainerFilesService(engine, service('layers'));
    const containerFilesTransfers = new ContainerFilesTransfers(containerFiles, transcript);
    return {
      services: { containerFiles, containerFilesTransfers },
      handlers: containerFilesHandlers(containerFiles, containerFilesTransfers),
    };
  },
});
