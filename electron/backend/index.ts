/**
 * The composition root: everything behind the contract, without a transport. It creates the engine connection,
 * the services and the handler map; Electron main and the browser bridge each create one backend and put their
 * transport in front of its dispatcher.
 */
import os from 'node:os';
import { AppCommands } from './app/app-commands';
import { appHandlers } from './app/app.handlers';
import { BuildService } from './build/build.service';
import { buildHandlers } from './build/build.handlers';
import { ContainersService } from './containers/containers.service';
import { containersHandlers } from './containers/containers.handlers';
import { Dispatcher } from './core/dispatcher';
import type { RequestHandlers, StreamHandlers } from './core/dispatcher.types';
import { Transcript } from './core/transcript';
import { desktopHandlers } from './desktop/desktop.handlers';
import { DesktopService } from './desktop/desktop.service';
import type { DesktopDialogs } from './desktop/desktop.types';
import { resolveEndpoints } from './engine/endpoint';
import { EngineConnection } from './engine/engine.connection';
import { engineHandlers, type EngineHandle } from './engine/engine.handlers';
import { toBerthError } from './engine/errors';
import { imagesHandlers } from './images/images.handlers';
import { ImagesService } from './images/images.service';
import { ImageTransfers } from './images/images.transfers';
import { learnHandlers } from './learn/learn.handlers';
import { LearnService } from './learn/learn.service';
import { tourHandlers } from './learn/tour/tour.handlers';
import { TourService } from './learn/tour/tour.service';
import { LogExports } from './logs/logs.exports';
import { logsHandlers } from './logs/logs.handlers';
import { LogsService } from './logs/logs.service';
import { settingsHandlers } from './settings/settings.handlers';
import { SettingsStore } from './settings/settings.store';
import { transcriptHandlers } from './transcript/transcript.handlers';

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
  /** Native file dialogs: Electron main passes them, the browser bridge does not (and the service says so). */
  readonly desktop: DesktopService;
}

export type { EngineHandle };

/**
 * Every channel of the contract, bound to the engine connection and the services. `satisfies` makes a channel
 * that no domain handles a compile error here (index.typecheck.test.ts drops a domain to prove it).
 */
export function createHandlers(
  engineHandle: EngineHandle,
  services: Services,
): { requests: RequestHandlers; streams: StreamHandlers } {
  const engine = engineHandlers(engineHandle);
  const containers = containersHandlers(services.containers, services.transcript);
  const images = imagesHandlers(services.images, services.transcript, services.imageTransfers);
  const transcript = transcriptHandlers(services.transcript);
  const tour = tourHandlers(services.tour);
  const learn = learnHandlers(services.learn);
  const settings = settingsHandlers(services.settings);
  const app = appHandlers(services.commands);
  const build = buildHandlers(services.build, services.transcript);
  const logs = logsHandlers(services.logs, services.logExports);
  const desktop = desktopHandlers(services.desktop);
  const requests = {
    ...engine.requests,
    ...containers.requests,
    ...images.requests,
    ...transcript.requests,
    ...tour.requests,
    ...learn.requests,
    ...settings.requests,
    ...app.requests,
    ...build.requests,
    ...logs.requests,
    ...desktop.requests,
  } satisfies RequestHandlers;
  const streams = {
    ...engine.streams,
    ...containers.streams,
    ...images.streams,
    ...transcript.streams,
    ...tour.streams,
    ...learn.streams,
    ...settings.streams,
    ...app.streams,
    ...build.streams,
    ...logs.streams,
    ...desktop.streams,
  } satisfies StreamHandlers;
  return { requests, streams };
}

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
  const containers = new ContainersService(engine);
  const services: Services = {
    containers,
    images,
    imageTransfers: new ImageTransfers(images, transcript),
    transcript,
    tour: new TourService(engine, containers, transcript),
    learn: new LearnService(engine),
    settings,
    commands: new AppCommands(),
    build: new BuildService(engine),
    logs,
    logExports: new LogExports(logs, transcript),
    desktop: new DesktopService(options.desktop ?? null, images, logs, transcript),
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
