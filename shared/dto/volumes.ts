/** Volumes: the list, who uses each, sizes (a separate, slower call), prune previews and browsing a volume. */
import type { ContainerState } from './lists';

/** A container that mounts the volume, running or not. */
export interface VolumeUser {
  readonly id: string;
  readonly name: string;
  readonly state: ContainerState;
  /** Where the volume appears inside the container. */
  readonly destination: string;
  readonly rw: boolean;
}

export interface VolumeSummary {
  readonly name: string;
  readonly driver: string;
  readonly mountpoint: string;
  readonly scope: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly options: Readonly<Record<string, string>>;
  /** Epoch ms; null when the driver does not say. */
  readonly created: number | null;
  /** Made by `docker run -v /path` or a VOLUME line, not named by anyone (label com.docker.volume.anonymous, or a 64-hex name). */
  readonly anonymous: boolean;
  readonly users: readonly VolumeUser[];
}

/** From GET /system/df, which walks every volume's files: asked for separately, never with the list. */
export interface VolumeUsage {
  readonly name: string;
  /** Bytes; null when the engine does not know (-1), e.g. for volumes of other drivers. */
  readonly size: number | null;
  /** Containers referencing the volume, as the engine counts them; null when unknown. */
  readonly refCount: number | null;
}

export interface VolumeCreateSpec {
  readonly name?: string;
  readonly driver?: string;
  readonly driverOpts: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
}

/** What removing a volume would lose, and who stops it. */
export interface VolumeRemovePreview {
  readonly name: string;
  readonly size: number | null;
  readonly users: readonly VolumeUser[];
}

/**
 * Which unused volumes the engine prunes depends on its API version: before 1.42 every unused volume, named or
 * anonymous; from 1.42 only anonymous ones unless `all` is asked for.
 */
export type VolumePruneRule = 'all-unused' | 'anonymous-unused';

export interface VolumePrunePreview {
  readonly apiVersion: string;
  readonly rule: VolumePruneRule;
  readonly volumes: readonly { readonly name: string; readonly size: number | null; readonly anonymous: boolean }[];
  /** Sum of the known sizes, bytes. */
  readonly total: number;
}

export interface VolumePruneResult {
  readonly removed: readonly string[];
  readonly spaceReclaimed: number;
}

export type VolumeEntryType = 'file' | 'dir' | 'symlink' | 'other';

export interface VolumeEntry {
  readonly name: string;
  readonly type: VolumeEntryType;
  readonly size: number;
  /** Permission bits as octal, e.g. "0644". */
  readonly mode: string;
  /** Epoch ms. */
  readonly mtime: number;
  readonly linkTarget: string | null;
}

export interface VolumeFolder {
  readonly volume: string;
  /** Relative to the volume's root, '' for the root itself. */
  readonly path: string;
  readonly entries: readonly VolumeEntry[];
  /** More entries than Berth lists (MAX_BROWSE_ENTRIES). */
  readonly truncated: boolean;
}

export interface VolumeFile {
  readonly volume: string;
  readonly path: string;
  readonly size: number;
  readonly text: string;
}

export const MAX_BROWSE_ENTRIES = 10_000;
export const MAX_READ_BYTES = 256 * 1024;
