import { defineDomain } from '../core/domain';
import { ContainerFilesDesktop } from './containerFiles.desktop';
import { containerFilesHandlers } from './containerFiles.handlers';
import { ContainerFilesService } from './containerFiles.service';
import { ContainerFilesTransfers } from './containerFiles.transfers';
import { LayerFileService } from './layerFile.service';

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
  make: ({ engine, transcript, service, dialogs }) => {
    const containerFiles = new ContainerFilesService(engine, service('layers'));
    const layerFiles = new LayerFileService(engine, service('layers'));
    const containerFilesTransfers = new ContainerFilesTransfers(containerFiles, transcript, layerFiles);
    return {
      services: { containerFiles, containerFilesTransfers },
      handlers: containerFilesHandlers(
        containerFiles,
        containerFilesTransfers,
        new ContainerFilesDesktop(dialogs, containerFiles, transcript, layerFiles),
      ),
    };
  },
});
