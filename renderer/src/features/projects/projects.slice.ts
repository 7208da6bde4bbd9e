import type { StateCreator } from 'zustand/vanilla';
import type { BerthApi } from '../../../../shared/api';
import type {
  ComposeCli,
  ComposeEvent,
  ComposeFile,
  ComposeProblem,
  ComposeVerb,
  ProjectAction,
  ProjectActionResult,
  ProjectRemovePreview,
  ProjectSummary,
} from '../../../../shared/dto/projects';
import type { BerthError, Result } from '../../../../shared/result';
import type { Unsubscribe } from '../../../../shared/stream';
import type { EngineList } from '../../app/engine.slice';
import type { BerthState } from '../../app/state';
import type { LoadState } from '../../ui/load-state';

/** Engine events that change the projects: their containers, networks and volumes come, go, start and stop. */
export const projectsList: EngineList = {
  name: 'projects',
  staleOn: {
    container: ['create', 'start', 'die', 'pause', 'unpause', 'destroy', 'rename'],
    network: ['create', 'destroy'],
    volume: ['create', 'destroy'],
    daemon: true,
  },
  refresh: (state) => state.refreshProjects(),
};

export type ComposeRunStatus = 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface ComposeRun {
  readonly verb: ComposeVerb;
  readonly status: ComposeRunStatus;
  readonly command: string | null;
  /** Compose's output as it came, at most OUTPUT_KEEP characters (the latest). */
  readonly output: string;
  readonly truncated: boolean;
  readonly problems: readonly ComposeProblem[];
  readonly error: BerthError | null;
}

/** What the screen keeps of a run's output; the backend bounds what it sends too. */
export const OUTPUT_KEEP = 128 * 1024;

export function applyComposeEvents(run: ComposeRun, events: readonly ComposeEvent[]): ComposeRun {
  let next = run;
  for (const e of events) {
    switch (e.type) {
      case 'started':
        next = { ...next, command: e.command };
        break;
      case 'output': {
        const output = next.output + e.text;
        next =
          output.length > OUTPUT_KEEP
            ? { ...next, output: output.slice(-OUTPUT_KEEP), truncated: true }
            : { ...next, output };
        break;
      }
      case 'problem':
        next = { ...next, problems: [...next.problems, e.problem] };
        break;
      case 'exit':
        next = { ...next, truncated: next.truncated || e.truncated };
        break;
    }
  }
  return next;
}

export interface ProjectsSlice {
  projects: readonly ProjectSummary[];
  projectsLoad: LoadState;
  projectsError: BerthError | null;
  refreshProjects(): Promise<void>;
  actOnProject(name: string, action: ProjectAction): Promise<Result<ProjectActionResult>>;
  previewProjectRemove(name: string): Promise<Result<ProjectRemovePreview>>;
  removeProject(name: string, volumes: boolean): Promise<Result<ProjectActionResult>>;

  composeCli: ComposeCli | null;
  checkComposeCli(): Promise<void>;
  composeFile: ComposeFile | null;
  composeFileError: BerthError | null;
  composeFileLoad: LoadState;
  openComposeFile(path: string): Promise<void>;
  /** The desktop's open dialog, then openComposeFile; false when cancelled or in the browser. */
  pickComposeFile(): Promise<Result<boolean>>;
  closeComposeFile(): void;
  composeRun: ComposeRun | null;
  runCompose(verb: ComposeVerb): void;
  cancelCompose(): void;
}

export const createProjectsSlice =
  (api: BerthApi): StateCreator<BerthState, [], [], ProjectsSlice> =>
  (set, get) => {
    let latest = 0;
    let stop: Unsubscribe | null = null;
    const thenRefresh = async <T>(pending: Promise<Result<T>>): Promise<Result<T>> => {
      const result = await pending;
      void get().refreshProjects();
      return result;
    };
    return {
      projects: [],
      projectsLoad: 'idle',
      projectsError: null,
      async refreshProjects() {
        const mine = ++latest;
        if (get().projectsLoad !== 'ready') set({ projectsLoad: 'loading' });
        const result = await api.projects.list();
        if (mine !== latest) return;
        if (result.ok) set({ projects: result.value, projectsLoad: 'ready', projectsError: null });
        else set({ projectsLoad: 'error', projectsError: result.error });
      },
      actOnProject: (name, action) => thenRefresh(api.projects[action]({ name })),
      previewProjectRemove: (name) => api.projects.removePreview({ name }),
      removeProject: (name, volumes) => thenRefresh(api.projects.remove({ name, volumes })),

      composeCli: null,
      async checkComposeCli() {
        const result = await api.projects.cli();
        set({ composeCli: result.ok ? result.value : { found: false, message: result.error.message } });
      },
      composeFile: null,
      composeFileError: null,
      composeFileLoad: 'idle',
      async openComposeFile(path) {
        set({ composeFileLoad: 'loading', composeFileError: null });
        const result = await api.projects.readFile({ path: path.trim() });
        if (result.ok) set({ composeFile: result.value, composeFileLoad: 'ready', composeRun: null });
        else set({ composeFileLoad: 'error', composeFileError: result.error });
      },
      async pickComposeFile() {
        const picked = await api.desktop.pickComposeFile();
        if (!picked.ok) return picked;
        if (picked.value.cancelled) return { ok: true, value: false };
        await get().openComposeFile(picked.value.path);
        return { ok: true, value: true };
      },
      closeComposeFile() {
        if (get().composeRun?.status === 'running') return;
        set({ composeFile: null, composeRun: null, composeFileLoad: 'idle', composeFileError: null });
      },
      composeRun: null,
      runCompose(verb) {
        const file = get().composeFile;
        if (file === null || get().composeRun?.status === 'running') return;
        set({
          composeRun: {
            verb,
            status: 'running',
            command: null,
            output: '',
            truncated: false,
            problems: [],
            error: null,
          },
        });
        stop = api.projects.compose({ path: file.path, verb }, (message) => {
          const run = get().composeRun;
          if (run === null || run.status !== 'running') return;
          if (message.type === 'data') set({ composeRun: applyComposeEvents(run, message.items) });
          else if (message.type === 'error') {
            stop = null;
            set({ composeRun: { ...run, status: 'failed', error: message.error } });
            void get().refreshProjects();
          } else {
            stop = null;
            set({ composeRun: { ...run, status: 'succeeded' } });
            void get().refreshProjects();
          }
        });
      },
      cancelCompose() {
        const run = get().composeRun;
        if (run?.status !== 'running') return;
        // Unsubscribing makes main kill Compose's whole process group.
        stop?.();
        stop = null;
        set({
          composeRun: {
            ...run,
            status: 'cancelled',
            error: {
              code: 'CANCELLED',
              message: `Compose ${run.verb} was cancelled; what it had done by then stays done.`,
            },
          },
        });
        void get().refreshProjects();
      },
    };
  };

declare module '../../app/state' {
  interface BerthState extends ProjectsSlice {}
}
