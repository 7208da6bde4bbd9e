/** How Berth reaches an engine: the kind of address, the address itself and why it was tried. */
export interface EndpointInfo {
  readonly kind: 'unix' | 'tcp' | 'npipe';
  /** As a user would write it in DOCKER_HOST: unix:///var/run/docker.sock, tcp://127.0.0.1:2375, npipe:////./pipe/docker_engine */
  readonly address: string;
  readonly source: 'DOCKER_HOST' | 'settings' | 'default' | 'docker-desktop' | 'podman';
}

export type UnreachableReason =
  'socket-missing' | 'permission-denied' | 'refused' | 'timeout' | 'bad-endpoint' | 'not-an-engine' | 'unknown';

export interface EngineSummary {
  readonly name: string;
  readonly version: string;
  readonly apiVersion: string;
  readonly minApiVersion: string;
  readonly os: string;
  readonly operatingSystem: string;
  readonly kernelVersion: string;
  readonly arch: string;
  readonly storageDriver: string;
  readonly cpus: number;
  readonly memTotal: number;
  readonly containers: number;
  readonly containersRunning: number;
  readonly containersPaused: number;
  readonly containersStopped: number;
  readonly images: number;
  /** 'docker' or 'podman', read from the version's components. */
  readonly flavor: 'docker' | 'podman';
}

export type EngineStatus =
  | { readonly state: 'connecting'; readonly endpoint: EndpointInfo; readonly attempt: number }
  | {
      readonly state: 'connected';
      readonly endpoint: EndpointInfo;
      readonly engine: EngineSummary;
      readonly since: number;
    }
  | {
      readonly state: 'unreachable';
      readonly endpoint: EndpointInfo;
      readonly reason: UnreachableReason;
      readonly message: string;
      /** Every endpoint tried in the last attempt, with what each answered. */
      readonly tried: readonly {
        readonly endpoint: EndpointInfo;
        readonly reason: UnreachableReason;
        readonly message: string;
      }[];
      readonly attempt: number;
      /** Epoch ms of the next automatic try, or null when none is planned. */
      readonly nextRetryAt: number | null;
    };

/** Engine events reach the renderer as invalidation signals: "something of this kind changed, fetch again". */
export interface EngineEvent {
  readonly scope: 'container' | 'image' | 'volume' | 'network' | 'daemon' | 'other';
  readonly action: string;
  readonly id: string;
  readonly name?: string;
  /** Epoch ms. */
  readonly time: number;
}
