/**
 * Everything behind the contract, without a transport: the engine connection, the services and the
 * dispatcher. Electron main and the browser bridge each create one and put their transport in front.
 */
import os from 'node:os';
import { resolveEndpoints } from './docker/endpoint';
import { ContainersService } from './docker/containers.service';
import { EngineConnection } from './docker/engine.connection';
import { toBerthError } from './docker/errors';
import { ImagesService } from './docker/images.service';
import { createHandlers } from './handlers';
import { Dispatcher } from './ipc/dispatcher';
import { Transcript } from './transcript';

export interface BackendOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly platform?: NodeJS.Platform;
  readonly homedir?: string;
  /** An engine address from the settings; it replaces DOCKER_HOST and the defaults. */
  readonly endpointOverride?: string;
}

export interface Backend {
  readonly dispatcher: Dispatcher;
  readonly engine: EngineConnection;
  dispose(): Promise<void>;
}

export function createBackend(options: BackendOptions = {}): Backend {
  const resolution = resolveEndpoints({
    env: options.env ?? process.env,
    platform: options.platform ?? process.platform,
    homedir: options.homedir ?? os.homedir(),
    override: options.endpointOverride,
  });
  const engine = new EngineConnection(resolution);
  const services = {
    containers: new ContainersService(engine),
    images: new ImagesService(engine),
    transcript: new Transcript(),
  };
  const { requests, streams } = createHandlers(engine, services);
  const dispatcher = new Dispatcher(requests, streams, { mapError: toBerthError });
  engine.start();
  return {
    dispatcher,
    engine,
    dispose: () => {
      engine.stop();
      return Promise.resolve();
    },
  };
}
