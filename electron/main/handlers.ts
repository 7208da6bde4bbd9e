/**
 * Every channel of the contract, bound to the engine connection and the services. Each domain keeps its handlers
 * in handlers/<domain>.handlers.ts; the RequestHandlers and StreamHandlers types make a missing channel a compile
 * error here.
 */
import type { ContainersService } from './docker/containers.service';
import type { ImagesService } from './docker/images.service';
import { containersHandlers } from './handlers/containers.handlers';
import { engineHandlers, type EngineHandle } from './handlers/engine.handlers';
import { imagesHandlers } from './handlers/images.handlers';
import { transcriptHandlers } from './handlers/transcript.handlers';
import type { RequestHandlers, StreamHandlers } from './ipc/dispatcher';
import type { Transcript } from './transcript';

export interface Services {
  readonly containers: ContainersService;
  readonly images: ImagesService;
  readonly transcript: Transcript;
}

export type { EngineHandle };

export function createHandlers(
  engine: EngineHandle,
  services: Services,
): { requests: RequestHandlers; streams: StreamHandlers } {
  const domains = [
    engineHandlers(engine),
    containersHandlers(services.containers, services.transcript),
    imagesHandlers(services.images, services.transcript),
    transcriptHandlers(services.transcript),
  ];
  const requests = Object.assign({}, ...domains.map((d) => d.requests)) as RequestHandlers;
  const streams = Object.assign({}, ...domains.map((d) => d.streams)) as StreamHandlers;
  return { requests, streams };
}
