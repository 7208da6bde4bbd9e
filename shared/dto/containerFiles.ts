/** A container's whole filesystem as it sees it: its image's layers merged, with its writable layer's changes. */
import type { LayerEntryType } from './layers';

/** At most this many entries in one folder's answer. */
export const MAX_CONTAINER_FOLDER_ENTRIES = 5000;

/** What the container's writable layer did to a path; null when it is the image's file, untouched. */
export type ContainerFileMark = 'added' | 'changed' | 'deleted' | null;

export interface ContainerFsEntry {
  /** Relative to the root, no leading or trailing slash: `etc/passwd`. */
  readonly path: string;
  readonly name: string;
  readonly type: LayerEntryType;
  readonly size: number;
  /** Permission bits in octal, '' when unknown. */
  readonly mode: string;
  readonly link: string | null;
  readonly mark: ContainerFileMark;
}

export interface ContainerFolder {
  readonly id: string;
  /** The container's name without the leading slash, for the `docker cp` twins. */
  readonly container: string;
  /** The folder listed ('' = root). */
  readonly path: string;
  readonly entries: readonly ContainerFsEntry[];
  /** Entries left out past MAX_CONTAINER_FOLDER_ENTRIES. */
  readonly truncated: boolean;
}
