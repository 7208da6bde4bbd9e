/**
 * Every channel of the contract, bound to the engine connection and the services. The RequestHandlers and
 * StreamHandlers types make a missing channel a compile error.
 */
import type { RequestHandlers, StreamHandlers } from './ipc/dispatcher';
import type { ContainersService } from './docker/containers.service';
import type { EngineConnection } from './docker/engine.connection';
import type { ImagesService } from './docker/images.service';

export interface Services {
  readonly containers: ContainersService;
  readonly images: ImagesService;
}

export type EngineHandle = Pick<EngineConnection, 'status' | 'retry' | 'onStatus' | 'onEvent'>;

export function createHandlers(
  engine: EngineHandle,
  services: Services,
): { requests: RequestHandlers; streams: StreamHandlers } {
  const requests: RequestHandlers = {
    'engine:status': () => engine.status(),
    'engine:retry': () => engine.retry(),
    'containers:list': (input) => services.containers.list({ all: input?.all ?? false }),
    'images:list': () => services.images.list(),
  };
  const streams: StreamHandlers = {
    'engine:watch': (_input, sink) => {
      sink.emit(engine.status());
      return engine.onStatus((status) => sink.emit(status));
    },
    'engine:events': (_input, sink) => engine.onEvent((event) => sink.emit(event)),
  };
  return { requests, streams };
}
