/** What the image page, the image actions and pull/push progress carry across the boundary. */
import type { ContainerState } from './lists';

/** The Dockerfile instruction a history step came from, when it can be told. */
export type InstructionKind =
  | 'FROM'
  | 'RUN'
  | 'COPY'
  | 'ADD'
  | 'ENV'
  | 'ARG'
  | 'LABEL'
  | 'CMD'
  | 'ENTRYPOINT'
  | 'EXPOSE'
  | 'VOLUME'
  | 'USER'
  | 'WORKDIR'
  | 'ONBUILD'
  | 'STOPSIGNAL'
  | 'HEALTHCHECK'
  | 'SHELL'
  | 'MAINTAINER'
  | 'OTHER';

/** One step of an image's history, oldest first, matched to the filesystem layer it added (if any). */
export interface ImageStep {
  readonly index: number;
  /** The image id the engine kept for this step, or null for `<missing>` (built elsewhere, not stored here). */
  readonly id: string | null;
  /** When id is null: why, in words (the engine's raw answer is `<missing>`). */
  readonly idNote?: string;
  readonly kind: InstructionKind;
  /** The instruction as a Dockerfile line, `/bin/sh -c #(nop)` and `# buildkit` removed. */
  readonly instruction: string;
  /** The engine's raw CreatedBy text. */
  readonly createdBy: string;
  /** Epoch ms. */
  readonly created: number;
  readonly size: number;
  readonly comment: string;
  /** Tags that point at this step's image (usually only the last step's). */
  readonly tags: readonly string[];
  /** The RootFS diff id of the layer this step added; null for steps that change no files (metadata only). */
  readonly layer: string | null;
  /** Other local images whose filesystem starts with the same layers up to and including this one. */
  readonly sharedWith: readonly string[];
}

export interface ImageContainerRef {
  readonly id: string;
  readonly name: string;
  readonly state: ContainerState;
  readonly status: string;
}

export interface ImageDetail {
  readonly id: string;
  readonly repoTags: readonly string[];
  readonly repoDigests: readonly string[];
  /** Epoch ms; null when the image's config records no creation time. */
  readonly created: number | null;
  readonly author: string;
  readonly architecture: string;
  readonly os: string;
  readonly variant: string;
  readonly size: number;
  readonly entrypoint: readonly string[];
  readonly cmd: readonly string[];
  /** `KEY=value` lines as the image sets them; the renderer masks values whose key looks secret. */
  readonly env: readonly string[];
  readonly exposedPorts: readonly string[];
  readonly volumes: readonly string[];
  readonly workingDir: string;
  readonly user: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly layers: readonly string[];
  readonly steps: readonly ImageStep[];
  /** False when the history could not be matched to RootFS.Layers with certainty; steps then carry no layer. */
  readonly aligned: boolean;
  /** Bytes in layers no other local image uses: what removing this image alone would free. */
  readonly uniqueSize: number;
  /** Bytes in layers at least one other local image also uses. */
  readonly sharedSize: number;
  readonly containers: readonly ImageContainerRef[];
  /** Where this engine differs from Docker (Podman's `localhost/` names, ...), in words; absent when nothing to say. */
  readonly notes?: readonly string[];
  /** The engine's inspect answer, unchanged, for the Raw tab. */
  readonly raw: unknown;
}

export interface TagResult {
  readonly reference: string;
}

export interface RemoveResult {
  readonly untagged: readonly string[];
  readonly deleted: readonly string[];
}

export interface PrunePlan {
  readonly images: readonly {
    readonly id: string;
    readonly size: number;
    readonly created: number;
    readonly digests: readonly string[];
  }[];
  /** Bytes freed if every listed image goes (layers they share only among themselves counted once). */
  readonly reclaimable: number;
}

export interface PruneResult {
  readonly deleted: readonly string[];
  readonly spaceReclaimed: number;
}

/**
 * One line of pull or push progress, as the engine reports it: a layer's status (with bytes when it is moving)
 * or a message about the whole image.
 */
export type TransferEvent =
  | {
      readonly kind: 'layer';
      readonly id: string;
      readonly status: string;
      readonly current?: number;
      readonly total?: number;
    }
  | { readonly kind: 'status'; readonly message: string };

/** A one-use address for downloading an image as a tar or uploading one (browser mode). */
export interface TransferTicket {
  /** Path on the bridge, e.g. `/transfer/4f3a…`; valid once, for a minute. */
  readonly path: string;
  /** The file name to offer the user. */
  readonly filename: string;
}

export interface LoadResult {
  readonly loaded: readonly string[];
}
