/** What the Build screen shows: the context that would be sent, and the build's progress as it streams. */

export interface ContextFile {
  /** Relative to the context root, with forward slashes. */
  readonly path: string;
  readonly size: number;
}

export interface HeavyFolderWarning {
  /** Relative folder path, e.g. `node_modules` or `web/.git`. */
  readonly folder: string;
  readonly files: number;
  readonly size: number;
  readonly message: string;
}

export interface ContextPreview {
  /** The absolute context folder as main resolved it. */
  readonly contextPath: string;
  /** The Dockerfile, relative to the context. */
  readonly dockerfile: string;
  /** Its text, so the renderer can map steps and layers back to lines. */
  readonly dockerfileText: string;
  /** False when the chosen Dockerfile does not exist in the context. */
  readonly dockerfileFound: boolean;
  /** Files in the context that look like Dockerfiles, for the picker. */
  readonly dockerfiles: readonly string[];
  readonly hasDockerignore: boolean;
  /** The Dockerfile or .dockerignore when .dockerignore matches them: sent so the engine can read them, hidden from COPY. */
  readonly buildFilesIgnored: readonly string[];
  /** The files that will be sent (at most PREVIEW_LIST_LIMIT of them; the counts are exact). */
  readonly sent: readonly ContextFile[];
  readonly sentCount: number;
  readonly sentSize: number;
  /** Paths left out by .dockerignore; an ignored folder is one entry ending in `/`. */
  readonly excluded: readonly string[];
  readonly excludedCount: number;
  readonly warnings: readonly HeavyFolderWarning[];
}

export const PREVIEW_LIST_LIMIT = 2000;

export interface BuildOptions {
  readonly contextPath: string;
  readonly dockerfile?: string;
  readonly tags?: readonly string[];
  readonly buildArgs?: Readonly<Record<string, string>>;
  readonly target?: string;
  readonly noCache?: boolean;
  readonly pull?: boolean;
}

/** One build event; the renderer appends them to the step they name. */
export type BuildEvent =
  | { readonly type: 'context'; readonly files: number; readonly size: number }
  | { readonly type: 'step'; readonly step: number; readonly total: number; readonly instruction: string }
  | { readonly type: 'output'; readonly step: number; readonly text: string }
  | { readonly type: 'cached'; readonly step: number }
  | { readonly type: 'layer'; readonly step: number; readonly id: string }
  | {
      readonly type: 'done';
      readonly imageId: string;
      readonly tags: readonly string[];
      /** The Dockerfile as it was sent, for mapping the history back to its lines. */
      readonly dockerfile: string;
      readonly dockerfileText: string;
      readonly history: readonly HistoryLayer[];
    };

/** A row of `docker history`: what the mapping to Dockerfile lines needs. */
export interface HistoryLayer {
  /** The layer's image id, or `<missing>` for layers that came from elsewhere. */
  readonly id: string;
  readonly createdBy: string;
  readonly size: number;
  /** Epoch ms. */
  readonly created: number;
}
