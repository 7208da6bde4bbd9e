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
  /** `--network`: the network RUN steps get; the engine's default when absent. */
  readonly network?: BuildNetwork;
  /** `--platform`, e.g. linux/amd64. */
  readonly platform?: string;
  readonly labels?: Readonly<Record<string, string>>;
  /** `--secret`: where each secret's value is read from when the build starts; values never leave main. */
  readonly secrets?: readonly BuildSecret[];
  /** `auto` (or absent): the builder the engine offers; the other two force one. */
  readonly builder?: 'auto' | BuilderKind;
}

export type BuildNetwork = 'default' | 'none' | 'host';

export interface BuildSecret {
  /** The id a `RUN --mount=type=secret,id=...` names. */
  readonly id: string;
  /** A file on the machine running main, or the name of an environment variable of main's process. */
  readonly source: 'file' | 'env';
  readonly from: string;
}

export type BuilderKind = 'buildkit' | 'classic';

/** One BuildKit step (vertex) as it stands; later events for the same id replace earlier ones. */
export interface BuildVertex {
  /** BuildKit's digest of the step. */
  readonly id: string;
  readonly name: string;
  /** 1-based Dockerfile line, when the step comes from one. */
  readonly line: number | null;
  readonly cached: boolean;
  /** Epoch ms, on the engine's clock. */
  readonly started: number | null;
  readonly completed: number | null;
  readonly error: string | null;
  /** The steps it waits for. */
  readonly inputs: readonly string[];
}

/** One build event; the renderer appends them to the step they name. */
export type BuildEvent =
  | { readonly type: 'context'; readonly files: number; readonly size: number }
  | { readonly type: 'builder'; readonly builder: BuilderKind; readonly reason: string }
  | { readonly type: 'vertex'; readonly vertex: BuildVertex }
  | { readonly type: 'vertex-output'; readonly id: string; readonly lines: readonly string[] }
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
      readonly builder?: BuilderKind;
      readonly durationMs?: number;
      /** Steps BuildKit took from its cache. */
      readonly cachedSteps?: number;
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

/** A build Berth ran, as the history keeps it: its settings (secret sources, never values), outcome and timings. */
export interface BuildHistoryEntry {
  readonly id: string;
  /** Epoch ms. */
  readonly startedAt: number;
  readonly durationMs: number;
  readonly options: BuildOptions;
  readonly dockerfile: string;
  readonly builder: BuilderKind | null;
  readonly outcome: 'succeeded' | 'failed' | 'cancelled';
  readonly imageId: string | null;
  readonly steps: number;
  readonly cachedSteps: number;
  readonly error: string | null;
  /** Lines in the kept log (it is cut to BUILD_LOG_LINE_LIMIT, the latest lines). */
  readonly logLines: number;
}

export interface BuildHistoryLog {
  readonly id: string;
  readonly lines: readonly string[];
  readonly droppedLines: number;
}

export const BUILD_HISTORY_LIMIT = 50;
export const BUILD_LOG_LINE_LIMIT = 5000;
