import { defineDomain } from '../core/domain';
import { PendingRepairs } from '../core/repairs';
import { VolumeFiles } from './volumes.files';
import { volumesHandlers } from './volumes.handlers';
import { VolumesService } from './volumes.service';
import { VolumeTransfers } from './volumes.transfers';

declare module '../core/domain' {
  interface Services {
    readonly volumes: VolumesService;
    /** A volume's files through a helper container that is never started. */
    readonly volumeFiles: VolumeFiles;
    /** Volume tars over the bridge's /volume-transfer/ route (browser mode). */
    readonly volumeTransfers: VolumeTransfers;
  }
}

export const volumesDomain = defineDomain({
  name: 'volumes',
  make: ({ engine, transcript }) => {
    const volumes = new VolumesService(engine);
    const volumeFiles = new VolumeFiles(engine, new PendingRepairs(engine));
    const volumeTransfers = new VolumeTransfers(volumeFiles, transcript);
    return {
      services: { volumes, volumeFiles, volumeTransfers },
      handlers: volumesHandlers(volumes, volumeFiles, transcript, volumeTransfers),
    };
  },
});
