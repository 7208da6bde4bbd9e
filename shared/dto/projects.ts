/** Compose projects as Berth reads them from the engine's labels, and compose files as Berth reads them from disk. */
import type { ContainerState } from './lists';

/** The labels Compose (v1 and v2) puts on what it makes. */
export const COMPOSE_LABELS = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  workingDir: 'com.docker.compose.project.working_dir',
  configFiles: 'com.docker.compose.project.config_files',
  dependsOn: 'com.docker.compose.depends_on',
  oneoff: 'com.docker.compose.oneoff',
} as const;

export interface ProjectContainer {
  readonly id: string;
  readonly name: string;
  readonly service: string;
  readonly image: string;
  readonly state: ContainerState;
  readonly status: string;
}

export interface ProjectService {
  readonly name: string;
  /** Services this one depends on, from the depends_on label (Compose v2); empty when the labels do not say. */
  readonly dependsOn: readonly string[];
  readonly containers: readonly ProjectContainer[];
}

/** running: all up; partial: some up; paused: all up ones paused; stopped: none up. */
export type ProjectState = 'running' | 'partial' | 'paused' | 'stopped';

export interface ProjectSummary {
  readonly name: string;
  readonly state: ProjectState;
  readonly running: number;
  readonly total: number;
  /** null when no container carries the label (older Compose). */
  readonly workingDir: string | null;
  readonly configFiles: readonly string[];
  /** Services in dependency order: a service comes after the ones it depends on. */
  readonly services: readonly ProjectService[];
  readonly networks: readonly { readonly id: string; readonly name: string }[];
  readonly volumes: readonly { readonly name: string }[];
}

export type ProjectAction = 'start' | 'stop' | 'restart' | 'pause' | 'unpause';

/** What removing a project destroys, said before it runs. */
export interface ProjectRemovePreview {
  readonly name: string;
  readonly containers: readonly { readonly name: string; readonly state: ContainerState }[];
  readonly networks: readonly string[];
  /** The project's named volumes: removed only when asked, listed either way. */
  readonly volumes: readonly string[];
}

/** One container, network or volume a project action could not act on; the others were done. */
export interface ProjectActionFailure {
  readonly item: string;
  readonly message: string;
}

export interface ProjectActionResult {
  readonly done: readonly string[];
  readonly failed: readonly ProjectActionFailure[];
}

/** Where something is declared in a compose file: 1-based line. */
export interface Declared {
  readonly name: string;
  readonly line: number;
}

export interface ComposeServiceDecl extends Declared {
  readonly image: string | null;
  /** The build context when the service is built rather than pulled. */
  readonly build: string | null;
  readonly ports: readonly string[];
  readonly volumes: readonly string[];
  readonly networks: readonly string[];
  readonly dependsOn: readonly string[];
}

/** A problem in a compose file, at its line when Berth could place it. */
export interface ComposeProblem {
  readonly line: number | null;
  readonly message: string;
}

export interface ComposeFile {
  /** The absolute path main resolved. */
  readonly path: string;
  readonly workingDir: string;
  /** The project name Compose would use: the `name:` key, else the folder's name, lowercased. */
  readonly projectName: string;
  readonly text: string;
  readonly services: readonly ComposeServiceDecl[];
  readonly networks: readonly Declared[];
  readonly volumes: readonly Declared[];
  /** Syntax errors found while reading; Compose's own validation errors come from a run. */
  readonly problems: readonly ComposeProblem[];
}

export type ComposeCliKind = 'v2' | 'v1';

/** The Compose CLI Berth found, or how to get one. */
export type ComposeCli =
  | { readonly found: true; readonly kind: ComposeCliKind; readonly version: string; readonly command: string }
  | { readonly found: false; readonly message: string };

export type ComposeVerb = 'up' | 'down' | 'pull' | 'restart';

export type ComposeEvent =
  | { readonly type: 'started'; readonly command: string; readonly cli: ComposeCliKind }
  | { readonly type: 'output'; readonly text: string }
  | { readonly type: 'problem'; readonly problem: ComposeProblem }
  | { readonly type: 'exit'; readonly code: number | null; readonly truncated: boolean };

/** Compose's output kept per run; older text is dropped past this many characters. */
export const COMPOSE_OUTPUT_LIMIT = 256 * 1024;
/** A compose file larger than this is not a compose file Berth will read. */
export const COMPOSE_FILE_LIMIT = 1024 * 1024;
