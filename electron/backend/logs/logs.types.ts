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
  readonly since?: string | undefined;
  readonly until?: string | undefined;
}

export interface OlderInput {
  readonly container: string;
  readonly before: string;
  readonly skip: number;
  readonly limit: number;
  /** How many of the container's lines the view holds from `before` on. */
  readonly after?: number;
  /** No line older than this is sent; reaching it counts as the start. */
  readonly since?: string | undefined;
}
