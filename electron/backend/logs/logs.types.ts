import type { EngineEvent, EngineStatus } from '../../../shared/dto/engine';
import type { DockerSource } from '../engine/engine.types';

/** The engine connection as the logs see it: a client, plus status and events to follow restarts. */
export interface LogsEngine extends DockerSource {
  status(): EngineStatus;
  onStatus(listener: (status: EngineStatus) => void): () => void;
  onEvent(listener: (event: EngineEvent) => void): () => void;
}

export interface FollowInput {
  readonly container: string;
  readonly tail: number | 'all';
}

export interface OlderInput {
  readonly container: string;
  readonly before: string;
  readonly skip: number;
  readonly limit: number;
  /** How many of the container's lines the view holds from `before` on. */
  readonly after?: number;
}
