/**
 * The composition root: everything behind the contract, without a transport. It creates the engine connection,
 * the settings and the transcript, then makes each domain in the order of DOMAINS; Electron main and the browser
 * bridge each create one backend and put their transport in front of its dispatcher.
 */
import os from 'node:os';
import type { RequestChannel, StreamChannel } from '../../shared/contract';
import type { Settings } from '../../shared/dto/settings';
import { appDomain } from './app/app.domain';
import { buildDomain } from './build/build.domain';
import { containersDomain } from './containers/containers.domain';
import { Dispatcher } from './core/dispatcher';
import type { RequestHandlers, StreamHandlers } from './core/dispatcher.types';
import type { DomainContext, Services } from './core/domain';
import { defaultRoots, grantingDialogs, PathGuard } from './core/paths';
import { Transcript } from './core/transcript';
import { diskDomain } from './disk/disk.domain';
import { desktopDomain } from './desktop/desktop.domain';
import type { DesktopDialogs } from './desktop/desktop.types';
import { resolveFor, type Machine } from './engine/engine.choices';
import { EngineConnection } from './engine/engine.connection';
import { engineDomain } from './engine/engine.domain';
import { toBerthError } from './engine/errors';
import { imagesDomain } from './images/images.domain';
import { layersDomain } from './layers/layers.domain';
import { learnDomain } from './learn/learn.domain';
import { tourDomain } from './learn/tour/tour.domain';
import { networksDomain } from './networks/networks.domain';
import { registriesDomain } from './registries/registries.domain';
import { logsDomain } from './logs/logs.domain';
import { settingsDomain } from './settings/settings.domain';
import { SettingsStore } from './settings/settings.store';
import { transcriptDomain } from './transcript/transcript.domain';
import { volumesDomain } from './volumes/volumes.domain';
import { projectsDomain } from './projects/projects.domain';
import { containerFilesDomain } from './containerFiles/containerFiles.domain';

/** Every domain, one line each, made in this order (a domain that uses another's service comes after it). */
export const DOMAINS = [
  engineDomain,
  settingsDomain,
  transcriptDomain,
  appDomain,
  containersDomain,
  registriesDomain,
  imagesDomain,
  buildDomain,
  logsDomain,
  learnDomain,
  tourDomain,
  volumesDomain,
  networksDomain,
  diskDomain,
  desktopDomain,
  layersDomain,
  projectsDomain,
  containerFilesDomain,
] as const;

/**
 * A channel of the contract whose domain is missing from DOMAINS fails to compile here, and the error names it
 * (index.typecheck.test.ts drops a domain to prove it). Within a domain, DomainHandlers<D> demands every channel.
 */
type NoneLeft<T extends never> = T;
export type EveryChannelHandled = NoneLeft<
  Exclude<RequestChannel | StreamChannel, `${(typeof DOMAINS)[number]['name']}:${string}`>
>;

export type { Services };

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
  /** The app's data folder, for caches such as the layer indexes; without it they go to the temporary folder. */
  readonly cacheDir?: string;
  /** Browser mode: folders typed paths may be inside, beside the defaults (core/paths.ts); set outside the page. */
  readonly allowedRoots?: readonly string[];
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
  const machine: Machine = {
    env: options.env ?? process.env,
    platform: options.platform ?? process.platform,
    homedir: options.homedir ?? os.homedir(),
  };
  const resolve = (choice: Pick<Settings, 'engineEndpoint' | 'engineContext'> & Partial<Pick<Settings, 'engineTls'>>) =>
    resolveFor(machine, choice);
  const engine = new EngineConnection(
    resolve(
      options.endpointOverride !== undefined
        ? { engineEndpoint: options.endpointOverride, engineContext: null }
        : settings.get(),
    ),
  );
  // A new engine (address or context) in the settings takes effect at once; an override given in code stays put.
  const stopWatchingSettings = settings.onChange((next, previous) => {
    const moved =
      next.engineEndpoint !== previous.engineEndpoint ||
      next.engineContext !== previous.engineContext ||
      JSON.stringify(next.engineTls) !== JSON.stringify(previous.engineTls);
    if (options.endpointOverride === undefined && moved) void engine.reconnect(resolve(next));
  });

  const made: Partial<Record<keyof Services, unknown>> = {};
  const requests: Partial<Record<string, unknown>> = {};
  const streams: Partial<Record<string, unknown>> = {};
  let making = '';
  // The desktop app opens only folders chosen in its dialog; the browser mode confines typed paths to roots.
  const paths = new PathGuard(
    options.desktop
      ? { kind: 'grants' }
      : { kind: 'roots', roots: [...defaultRoots(options.homedir), ...(options.allowedRoots ?? [])] },
  );
  const context: DomainContext = {
    engine,
    transcript: new Transcript(),
    settings,
    dialogs: options.desktop ? grantingDialogs(options.desktop, paths) : null,
    cacheDir: options.cacheDir ?? null,
    machine,
    paths,
    service: (name) => {
      if (!(name in made)) throw new Error(`The ${making} domain needs ${name}, which is made later: reorder DOMAINS.`);
      return made[name] as Services[typeof name];
    },
  };
  for (const domain of DOMAINS) {
    making = domain.name;
    const { services, handlers } = domain.make(context);
    Object.assign(made, services);
    Object.assign(requests, handlers.requests);
    Object.assign(streams, handlers.streams);
  }
  // Complete: EveryChannelHandled checks the channels at compile time, and each domain adds its own services.
  const dispatcher = new Dispatcher(requests as RequestHandlers, streams as StreamHandlers, {
    mapError: toBerthError,
  });
  engine.start();
  return {
    dispatcher,
    engine,
    services: made as Services,
    dispose: () => {
      stopWatchingSettings();
      engine.stop();
      return Promise.resolve();
    },
  };
}
