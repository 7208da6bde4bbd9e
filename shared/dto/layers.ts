/**
 * Inside an image's layers: what each layer adds, changes and deletes, the filesystem as of any layer, search across
 * layers, small text files and the space that later layers hide but still ship. Read from `docker save`'s tar.
 */

/** Entries per answer at most; the renderer pages with `cursor` and virtualises. */
export const MAX_LAYER_ENTRIES = 5000;
/** Files read with layers:readFile are at most this big. */
export const MAX_LAYER_FILE_BYTES = 256 * 1024;
/** Matches layers:search answers at most. */
export const MAX_LAYER_MATCHES = 5000;
/** Items of the waste list at most (biggest first); the totals count them all. */
export const MAX_WASTE_ITEMS = 1000;

export type LayerEntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';

/** How a path changes in one layer. `modified`: the path existed in a lower layer; `opaque-dir`: everything
 * below it from lower layers is hidden (`.wh..wh..opq`); `deleted`: a whiteout (`.wh.<name>`). */
export type LayerChangeKind = 'added' | 'modified' | 'deleted' | 'opaque-dir';

/** One header of a layer's tar; whiteouts are never files here, they are `deleted` / `opaque` markers. */
export interface LayerEntry {
  /** Relative to the root, no leading or trailing slash: `etc/passwd`. */
  readonly path: string;
  readonly type: LayerEntryType;
  readonly size: number;
  /** Permission bits in octal: `755`, `4755`. */
  readonly mode: string;
  readonly uid: number;
  readonly gid: number;
  /** Epoch ms. */
  readonly mtime: number;
  /** Symlink or hardlink target; null otherwise. */
  readonly link: string | null;
}

/** The Dockerfile step that made a layer, from `docker history`; null when the history could not be aligned. */
export interface LayerStep {
  /** Index in the history, oldest first (as images:inspect numbers steps). */
  readonly index: number;
  readonly instruction: string;
  readonly createdBy: string;
}

export interface LayerSummary {
  /** Position in RootFS.Layers, 0 = the base. */
  readonly index: number;
  readonly diffId: string;
  readonly step: LayerStep | null;
  /** Bytes of regular files this layer holds. */
  readonly size: number;
  readonly added: number;
  readonly modified: number;
  readonly deleted: number;
  readonly opaqueDirs: number;
  /** Entries in the layer's tar, whiteouts included. */
  readonly entries: number;
}

export interface LayersIndex {
  readonly image: string;
  /** The image id. */
  readonly id: string;
  readonly layers: readonly LayerSummary[];
  /** Layers read from the saved image now (the rest came from the on-disk index), and how long it took. */
  readonly indexedNow: number;
  readonly elapsedMs: number;
}

export interface LayerChange extends LayerEntry {
  /** Null only in the tree view, for a folder not in this layer itself that holds changes below. */
  readonly kind: LayerChangeKind | null;
  /** Tree view: changes below this path in this layer (0 for files). */
  readonly below: number;
  /** For `deleted` and `opaque-dir`: bytes of the lower files it hides. */
  readonly hides: number;
}

export type LayerListMode = 'level' | 'flat';

interface Page {
  readonly image: string;
  readonly layer: number;
  readonly diffId: string;
  /** The folder listed ('' = root). */
  readonly path: string;
  readonly mode: LayerListMode;
  /** Entries in the whole answer before paging. */
  readonly total: number;
  /** Where the next page starts, or null when this is the last. */
  readonly nextCursor: number | null;
  readonly truncated: boolean;
}

export interface LayerChanges extends Page {
  readonly entries: readonly LayerChange[];
}

export interface MergedEntry extends LayerEntry {
  /** The layer that last wrote this path. */
  readonly layer: number;
  /** Tree view: entries directly inside a folder (0 for files). */
  readonly children: number;
}

export interface MergedListing extends Page {
  readonly entries: readonly MergedEntry[];
}

export interface LayerMatch {
  readonly layer: number;
  readonly path: string;
  readonly kind: LayerChangeKind;
  readonly type: LayerEntryType;
  readonly size: number;
}

export interface LayerSearchResult {
  readonly image: string;
  readonly query: string;
  /** `glob` when the query holds * or ?, else a case-insensitive substring of the path. */
  readonly how: 'glob' | 'substring';
  readonly matches: readonly LayerMatch[];
  /** Matches in all layers; `matches` holds the first of them, up to the limit asked for. */
  readonly total: number;
  readonly truncated: boolean;
}

export interface LayerFile {
  readonly image: string;
  /** The layer the bytes were read from: the one that last wrote the path up to the layer asked for. */
  readonly layer: number;
  readonly path: string;
  readonly size: number;
  readonly text: string;
}

export interface WasteItem {
  readonly path: string;
  readonly bytes: number;
  /** The layer that wrote these bytes and the later one that overwrote or deleted them. */
  readonly wroteLayer: number;
  readonly hidLayer: number;
  readonly wroteStep: LayerStep | null;
  readonly hidStep: LayerStep | null;
  readonly how: 'overwritten' | 'deleted';
}

export interface LayerWaste {
  readonly image: string;
  /** Bytes of files hidden by a later layer: they still ship in the image. */
  readonly wasted: number;
  /** Bytes of regular files in all layers together. */
  readonly total: number;
  /**
   * dive's efficiency score: for every path, the smallest size it ever had in a layer, summed, divided by the sum of
   * all its sizes across layers (a whiteout counts the bytes it hides). 1 = nothing wasted.
   */
  readonly efficiency: number;
  /** Biggest first, at most MAX_WASTE_ITEMS. */
  readonly items: readonly WasteItem[];
  readonly truncated: boolean;
  /** One sentence per pair of steps (the step that wrote, the step that hid), biggest first. */
  readonly advice: readonly string[];
}
