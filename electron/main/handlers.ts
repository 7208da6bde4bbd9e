/**
 * Every channel of the contract, bound to the engine connection and the services. Each domain keeps its handlers
 * in handlers/<domain>.handlers.ts; the RequestHandlers and StreamHandlers types make a missing channel a compile
 * error here.
 */
import type { AppCommands } from './app-commands';
import { diskHandlers } from '../backend/disk/disk.handlers';
import type { DiskService } from '../backend/disk/disk.service';
import { networksHandlers } from '../backend/networks/networks.handlers';
import type { NetworksService } from '../backend/networks/networks.service';
import type { VolumeFiles } from '../backend/volumes/volumes.files';
import { volumesHandlers } from '../backend/volumes/volumes.handlers';
import type { VolumesService } from '../backend/volumes/volumes.service';
import type { VolumeTransfers } from '../backend/volumes/volumes.transfers';
import type { BuildService } from './docker/build.service';
import type { ContainersService } from './docker/containers.service';
import type { ImagesService } from './docker/images.service';
import type { LearnService } from './docker/learn.service';
import type { LogsService } from './docker/logs.service';
import type { TourService } from './docker/tour.service';
import { appHandlers } from './handlers/app.handlers';
import { buildHandlers } from './handlers/build.handlers';
import { containersHandlers } from './handlers/containers.handlers';
import { desktopHandlers, type DesktopDialogs } from './handlers/desktop.handlers';
import { engineHandlers, type EngineHandle } from './handlers/engine.handlers';
import { imagesHandlers } from './handlers/images.handlers';
import type { ImageTransfers } from './handlers/images.transfers';
import type { LogExports } from './handlers/logs.exports';
import { learnHandlers } from './handlers/learn.handlers';
import { logsHandlers } from './handlers/logs.handlers';
import { settingsHandlers } from './handlers/settings.handlers';
import { tourHandlers } from './handlers/tour.handlers';
import { transcriptHandlers } from './handlers/transcript.handlers';
import type { RequestHandlers, StreamHandlers } from './ipc/dispatcher';
import type { SettingsStore } from './settings/settings.store';
import type { Transcript } from './transcript';

export interface Services {
  readonly containers: ContainersService;
  readonly images: ImagesService;
  /** Image tars over the bridge's /transfer/ route (browser mode). */
  readonly imageTransfers: ImageTransfers;
  readonly logExports: LogExports;
  readonly transcript: Transcript;
  readonly tour: TourService;
  readonly learn: LearnService;
  readonly settings: SettingsStore;
  readonly commands: AppCommands;
  readonly build: BuildService;
  readonly logs: LogsService;
  /** Native file dialogs: Electron main passes them, the browser bridge does not. */
  readonly dialogs: DesktopDialogs | null;
  readonly volumes: VolumesService;
  /** A volume's files through a helper container that is never started. */
  readonly volumeFiles: VolumeFiles;
  /** Volume tars over the bridge's /volume-transfer/ route (browser mode). */
  readonly volumeTransfers: VolumeTransfers;
  readonly networks: NetworksService;
  readonly disk: DiskService;
}

export type { EngineHandle };

export function createHandlers(
  engine: EngineHandle,
  services: Services,
): { requests: RequestHandlers; streams: StreamHandlers } {
  const domains = [
    engineHandlers(engine),
    containersHandlers(services.containers, services.transcript),
    imagesHandlers(services.images, services.transcript, services.imageTransfers),
    transcriptHandlers(services.transcript),
    tourHandlers(services.tour),
    learnHandlers(services.learn),
    settingsHandlers(services.settings),
    appHandlers(services.commands),
    buildHandlers(services.build, services.transcript),
    logsHandlers(services.logs, services.logExports),
    desktopHandlers(services.dialogs, services.images, services.logs, services.transcript),
    volumesHandlers(services.volumes, services.volumeFiles, services.transcript, services.volumeTransfers),
    networksHandlers(services.networks, services.transcript),
    diskHandlers(services.disk, services.transcript),
  ];
  const requests = Object.assign({}, ...domains.map((d) => d.requests)) as RequestHandlers;
  const streams = Object.assign({}, ...domains.map((d) => d.streams)) as StreamHandlers;
  return { requests, streams };
}
