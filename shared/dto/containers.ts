/** Containers beyond the list: what to create, a container's page, its writable layer, processes, stats and exec. */
import type { ContainerState, PortMapping } from './lists';

export const RESTART_POLICIES = ['no', 'always', 'unless-stopped', 'on-failure'] as const;
export type RestartPolicy = (typeof RESTART_POLICIES)[number];

/** Seconds `docker stop` waits after SIGTERM before it sends SIGKILL, unless told otherwise. */
export const DEFAULT_STOP_TIMEOUT_S = 10;

export const PROTOCOLS = ['tcp', 'udp', 'sctp'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

/** `-p [hostIp:][hostPort:]containerPort[/protocol]` */
export interface PortSpec {
  readonly hostIp?: string;
  readonly hostPort?: number;
  readonly containerPort: number;
  readonly protocol: Protocol;
}

/** `-v source:target[:ro]`: a bind mount when source is an absolute path, else a named volume. */
export interface MountSpec {
  readonly type: 'bind' | 'volume';
  readonly source: string;
  readonly target: string;
  readonly readOnly: boolean;
}

/** Everything the create-and-run form can set; the same object builds the `docker run` line and the API call. */
export interface RunSpec {
  readonly image: string;
  readonly name?: string;
  /** Replaces the image's CMD. */
  readonly command?: readonly string[];
  /** Replaces the image's ENTRYPOINT (one executable, as `docker run --entrypoint` takes it) and clears its CMD. */
  readonly entrypoint?: string;
  /** `KEY=value` */
  readonly env: readonly string[];
  readonly ports: readonly PortSpec[];
  readonly mounts: readonly MountSpec[];
  readonly restart: RestartPolicy;
  /** Only with restart 'on-failure'. */
  readonly maxRetries?: number;
  readonly autoRemove: boolean;
  readonly interactive: boolean;
  readonly tty: boolean;
  readonly workingDir?: string;
  readonly user?: string;
  readonly labels: Readonly<Record<string, string>>;
  /** A network to join instead of the default bridge (`--network`). */
  readonly network?: string;
  /** Other names the container answers to on that network (`--network-alias`); needs a user-defined network. */
  readonly networkAliases?: readonly string[];
  /** CPU limit in CPUs, e.g. 0.5 (`--cpus`). */
  readonly cpus?: number;
  /** Memory limit in bytes (`--memory`). */
  readonly memory?: number;
}

export interface CreatedContainer {
  readonly id: string;
  readonly name: string;
  readonly warnings: readonly string[];
}

export interface EnvEntry {
  readonly key: string;
  /** '' when masked. */
  readonly value: string;
  /** The key looks like it holds a secret (PASSWORD, TOKEN, ...): the value is not sent to the renderer. */
  readonly masked: boolean;
}

export interface MountInfo {
  readonly type: string;
  readonly source: string;
  readonly destination: string;
  readonly name?: string;
  readonly readOnly: boolean;
}

export interface NetworkInfo {
  readonly name: string;
  readonly ipAddress: string;
}

/** A container's page: GET /containers/{id}/json?size=1 plus its image's layer count. */
export interface ContainerOverview {
  readonly id: string;
  readonly name: string;
  readonly image: string;
  readonly imageId: string;
  /** Read-only layers of the image below this container's writable layer; -1 when the image is gone. */
  readonly imageLayers: number;
  readonly command: string;
  readonly state: ContainerState;
  /** Epoch ms; null when it never happened. */
  readonly created: number;
  readonly started: number | null;
  readonly finished: number | null;
  readonly exitCode: number;
  readonly oomKilled: boolean;
  /** The engine's reason when it could not start the container. */
  readonly error: string;
  readonly restartCount: number;
  readonly restartPolicy: string;
  readonly autoRemove: boolean;
  readonly tty: boolean;
  readonly ports: readonly PortMapping[];
  readonly mounts: readonly MountInfo[];
  readonly networks: readonly NetworkInfo[];
  readonly env: readonly EnvEntry[];
  readonly labels: Readonly<Record<string, string>>;
  /** Bytes written in the writable layer (SizeRw) and the whole filesystem seen by the container (SizeRootFs). */
  readonly sizeRw: number;
  readonly sizeRootFs: number;
}

export type DiffKind = 'added' | 'changed' | 'deleted';

/** One path the engine reports as different from the image (GET /containers/{id}/changes). */
export interface DiffEntry {
  readonly path: string;
  readonly kind: DiffKind;
}

/** The diff as a tree of path segments; a directory's own kind is set when the engine listed it. */
export interface DiffNode {
  readonly name: string;
  readonly path: string;
  readonly kind: DiffKind | null;
  readonly children: readonly DiffNode[];
}

export interface ContainerChanges {
  readonly entries: readonly DiffEntry[];
  readonly tree: readonly DiffNode[];
  readonly counts: Readonly<Record<DiffKind, number>>;
}

export interface ProcessTable {
  readonly titles: readonly string[];
  readonly processes: readonly (readonly string[])[];
}

/** One stats reading, already turned into rates and percentages. */
export interface StatsSample {
  readonly id: string;
  /** Epoch ms of the reading. */
  readonly time: number;
  /** Of one CPU: 200 means two CPUs fully used, as `docker stats` shows; null on the first reading (no delta yet). */
  readonly cpuPercent: number | null;
  readonly memoryUsed: number;
  readonly memoryLimit: number;
  readonly networkRx: number;
  readonly networkTx: number;
  readonly blockRead: number;
  readonly blockWrite: number;
  readonly pids: number;
}

export interface CommitResult {
  readonly imageId: string;
  readonly reference: string;
}

/** What the exec stream sends: its session id first, then terminal output (base64), then the exit. */
export type ExecChunk =
  | { readonly type: 'session'; readonly sessionId: string }
  | { readonly type: 'output'; readonly data: string }
  | { readonly type: 'exit'; readonly exitCode: number | null };
