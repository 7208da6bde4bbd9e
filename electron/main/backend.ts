/**
 * Everything behind the contract, without a transport: the engine connection, the services and the
 * dispatcher. Electron main and the browser bridge each create one and put their transport in front.
 */
import os from 'node:os';
import { AppCommands } from './app-commands';
import { DiskService } from '../backend/disk/disk.service';
import { NetworksService } from '../backend/networks/networks.service';
import { VolumeFiles } from '../backend/volumes/volumes.files';
import { VolumesService } from '../backend/volumes/volumes.service';
import { VolumeTransfers } from '../backend/volumes/volumes.transfers';
import { resolveEndpoints } from './docker/endpoint';
import { BuildService } from './docker/build.service';
import { ContainersService } from './docker/containers.service';
import { EngineConnection } from './docker/engine.connection';
import { toBerthError } from './docker/errors';
import { ImagesService } from './docker/images.service';
import type { DesktopDialogs } from './handlers/desktop.handlers';
import { ImageTransfers } from './handlers/images.transfers';
import { LogExports } from './handlers/logs.exports';
import { LearnService } from './docker/learn.service';
import { LogsService } from './docker/logs.service';
import { TourService } from './docker/tour.service';
import { createHandlers, type Services } from './handlers';
import { Dispatcher } from './ipc/dispatcher';
import { SettingsStore } from './settings/settings.store';
import { Transcript } from './transcript';

export interface BackendOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly platform?: NodeJS.Platform;
  readonly homedir?: string;
  /** An engine address from the settings; it replaces DOCKER_HOST and the defaults. */
  readonly endpointOverride?: string;
  /** The settings file to load and save (see settings/settings.paths.ts); without it settings live in memory. */
  readonly settingsFile?: string;
  /** Native file dialogs (Electron main); without them the desktop:* channels answer NOT_SUPPORTED. */
  readonly desktop?: DesktopDialogs;
}

export interface Backend {
  readonly dispatcher: Dispatcher;
  readonly engine: EngineConnection;
  /** For the desktop shell (tray, menu, notifications), which uses the same services as the handlers. */
  readonly services: Services;
  dispose(): Promise<void>;
}

export function createBackend(options: BackendOptions = {}): Backend {
  const settings = new SettingsStore({ file: options.settingsFile ?? null });
  const resolve = (override: string | null | undefined) =>
    resolveEndpoints({
      env: options.env ?? process.env,
      platform: options.platform ?? process.platform,
      homedir: options.homedir ?? os.homedir(),
      override: override ?? undefined,
    });
  const engine = new EngineConnection(resolve(options.endpointOverride ?? settings.get().engineEndpoint));
  // A new engine address in the settings takes effect at once; an override given in code stays put.
  const stopWatchingSettings = settings.onChange((next, previous) => {
    if (options.endpointOverride === undefined && next.engineEndpoint !== previous.engineEndpoint) {
      void engine.reconnect(resolve(next.engineEndpoint));
    }
  });
  const images = new ImagesService(engine);
  const transcript = new Transcript();
  const logs = new LogsService(engine);
  const volumes = new VolumesService(engine);
  const volumeFiles = new VolumeFiles(engine);
  const services: Services = {
    containers: new ContainersService(engine),
    images,
    imageTransfers: new ImageTransfers(images, transcript),
    transcript,
    tour: new TourService(engine, transcript),
    learn: new LearnService(engine),
    settings,
    commands: new AppCommands(),
    build: new BuildService(engine),
    logs,
    logExports: new LogExports(logs, transcript),
    dialogs: options.desktop ?? null,
    volumes,
    volumeFiles,
    volumeTransfers: new VolumeTransfers(volumeFiles, transcript),
    networks: new NetworksService(engine),
    disk: new DiskService(engine, volumes),
  };
  const { requests, streams } = createHandlers(engine, services);
  const dispatcher = new Dispatcher(requests, streams, { mapError: toBerthError });
  engine.start();
  return {
    dispatcher,
    engine,
    services,
    dispose: () => {
      stopWatchingSettings();
      engine.stop();
      return Promise.resolve();
    },
  };
}
