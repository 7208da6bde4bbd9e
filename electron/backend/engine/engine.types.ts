import type Dockerode from 'dockerode';

/** The engine connection as services see it: a client now, or ENGINE_UNREACHABLE thrown at once. */
export interface DockerSource {
  docker(): Dockerode;
}
