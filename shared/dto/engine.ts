/** How Berth reaches an engine: the kind of address, the address itself and why it was tried. */
export interface EndpointInfo {
  readonly kind: 'unix' | 'tcp' | 'npipe' | 'ssh';
  /** As a user would write it in DOCKER_HOST: unix:///var/run/docker.sock, tcp://127.0.0.1:2375, npipe:////./pipe/docker_engine */
  readonly address: string;
  readonly source: 'DOCKER_HOST' | 'settings' | 'default' | 'docker-desktop' | 'podman' | 'context';
  /** The Docker context it came from, when it came from one. */
  readonly context?: string;
}

/** One engine the user can switch to: a Docker context, a socket found on this machine, or a custom address. */
export interface EngineChoice {
  /** `auto`, `context:<name>`, `socket:<address>` or `custom`; what engine:use takes. */
  readonly id: string;
  readonly kind: 'auto' | 'context' | 'socket' | 'custom';
  /** A short name: the context's name, "Docker Desktop", "Podman", ... */
  readonly name: string;
  readonly description: string;
  /** The engine address, as `docker context ls` shows it (DOCKER ENDPOINT). */
  readonly address: string;
  /** The docker CLI would use this one now (`docker context ls` marks it with *). */
  readonly cliCurrent: boolean;
  /** Berth uses this one now. */
  readonly active: boolean;
  /** tcp with certificates (or ssh): the traffic is encrypted. */
  readonly encrypted: boolean;
  /** What is wrong with it (a broken context), as a sentence; it cannot be chosen then. */
  readonly error?: string;
}

/** What engine:use answered: switched, or a question main wants confirmed first (browser mode). */
export type EngineUseAnswer =
  | { readonly state: 'switched'; readonly id: string }
  | {
      readonly state: 'confirm';
      /** One-time, for this address only; send it back with the same choice to go ahead. */
      readonly token: string;
      readonly address: string;
      /** The risk in words, to show before the user agrees. */
      readonly message: string;
    };

export type UnreachableReason =
  'socket-missing' | 'permission-denied' | 'refused' | 'timeout' | 'bad-endpoint' | 'not-an-engine' | 'unknown';

export interface EngineSummary {
  readonly name: string;
  readonly version: string;
  readonly apiVersion: string;
  readonly minApiVersion: string;
  /** The API version Berth speaks to this engine: the lower of the engine's and Berth's own (negotiated). */
  readonly clientApiVersion?: string;
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
