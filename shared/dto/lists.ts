export interface PortMapping {
  readonly privatePort: number;
  readonly publicPort?: number;
  readonly ip?: string;
  readonly type: string;
}

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface ContainerSummary {
  readonly id: string;
  readonly name: string;
  readonly image: string;
  readonly imageId: string;
  readonly command: string;
  readonly state: ContainerState;
  /** The engine's own words at the last list, e.g. "Up 3 minutes"; the screen words it afresh from the times below. */
  readonly status: string;
  /** Epoch ms of the last start; null when it never started (or the engine did not say). */
  readonly startedAt: number | null;
  /** Epoch ms of the last exit; null when it never exited. */
  readonly finishedAt: number | null;
  /** The last exit code; null when it never exited or the engine did not say. Only true after an exit. */
  readonly exitCode: number | null;
  /** `healthy`, `unhealthy` or `starting`; null without a health check. */
  readonly health: string | null;
  /** Epoch ms. */
  readonly created: number;
  readonly ports: readonly PortMapping[];
  readonly labels: Readonly<Record<string, string>>;
}

export interface ImageSummary {
  readonly id: string;
  readonly repoTags: readonly string[];
  readonly repoDigests: readonly string[];
  /** Epoch ms. */
  readonly created: number;
  readonly size: number;
  /** Containers made from this image, -1 when the engine did not count them. */
  readonly containers: number;
  /** Of those, the ones running now; absent when nobody counted. */
  readonly containersRunning?: number;
  readonly dangling: boolean;
}
