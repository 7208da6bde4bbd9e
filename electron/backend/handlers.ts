/**
 * Every channel of the contract, bound to the engine connection and the services. Each domain keeps its handlers
 * in handlers/<domain>.handlers.ts; the RequestHandlers and StreamHandlers types make a missing channel a compile
 * error here.
 */
import type { AppCommands } from './app/app-commands';
import type { BuildService } from './build/build.service';
import type { ContainersService } from './containers/containers.service';
import type { ImagesService } from './images/images.service';
import type { LearnService } from './learn/learn.service';
import type { LogsService } from './logs/logs.service';
import type { TourService } from './learn/tour/tour.service';
import { appHandlers } from './app/app.handlers';
import { buildHandlers } from './build/build.handlers';
import { containersHandlers } from './containers/containers.handlers';
import { desktopHandlers, type DesktopDialogs } from './desktop/desktop.handlers';
import { engineHandlers, type EngineHandle } from './engine/engine.handlers';
import { imagesHandlers } from './images/images.handlers';
import type { ImageTransfers } from './images/images.transfers';
import type { LogExports } from './logs/logs.exports';
import { learnHandlers } from './learn/learn.handlers';
import { logsHandlers } from './logs/logs.handlers';
import { settingsHandlers } from './settings/settings.handlers';
import { tourHandlers } from './learn/tour/tour.handlers';
import { transcriptHandlers } from './transcript/transcript.handlers';
import type { RequestHandlers, StreamHandlers } from './core/dispatcher';
import type { SettingsStore } from './settings/settings.store';
import type { Transcript } from './core/transcript';

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
  ];
  const requests = Object.assign({}, ...domains.map((d) => d.requests)) as RequestHandlers;
  const streams = Object.assign({}, ...domains.map((d) => d.streams)) as StreamHandlers;
  return { requests, streams };
}
