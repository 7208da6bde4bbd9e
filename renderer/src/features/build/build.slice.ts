import type { StateCreator } from 'zustand/vanilla';
import type { BerthApi } from '../../../../shared/api';
import type { StreamInput } from '../../../../shared/contract';
import type {
  BuildEvent,
  BuildHistoryEntry,
  BuildHistoryLog,
  BuilderKind,
  BuildNetwork,
  BuildOptions,
  BuildSecret,
  BuildVertex,
  ContextPreview,
  HistoryLayer,
} from '../../../../shared/dto/build';
import type { BerthError } from '../../../../shared/result';
import type { Unsubscribe } from '../../../../shared/stream';
import type { LoadState } from '../../ui/load-state';
import { progressMilestones } from '../../ui/announce';
import type { BerthState } from '../../app/state';

export interface BuildArgRow {
  readonly name: string;
  readonly value: string;
}

/** The Build form as typed: tags as one text field, build args as rows. */
export interface BuildForm {
  readonly contextPath: string;
  readonly dockerfile: string;
  readonly tags: string;
  readonly buildArgs: readonly BuildArgRow[];
  readonly target: string;
  readonly noCache: boolean;
  readonly pull: boolean;
  readonly network: BuildNetwork;
  readonly platform: string;
  /** One `key=value` per line. */
  readonly labels: string;
  /** One secret per line, as the docker CLI writes them: `id=npm,src=/path/file` or `id=token,env=VAR`. */
  readonly secrets: string;
  readonly builder: 'auto' | BuilderKind;
}

export type BuildStatus = 'idle' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface BuildStepView {
  readonly step: number;
  readonly total: number;
  readonly instruction: string;
  readonly cached: boolean;
  readonly layerId?: string;
  /** The step's output, at most STEP_LINE_LIMIT lines (the latest). */
  readonly lines: readonly string[];
  readonly droppedLines: number;
}

/** A BuildKit step as shown: the latest state of its vertex and its output. */
export interface BuildVertexView extends BuildVertex {
  /** The step's output, at most STEP_LINE_LIMIT lines (the latest). */
  readonly lines: readonly string[];
  readonly droppedLines: number;
}

/** Where an image built in this session came from, so its page can map layers to Dockerfile lines. */
export interface BuiltImageSource {
  readonly contextPath: string;
  readonly dockerfile: string;
  readonly dockerfileText: string;
  readonly target?: string;
}

export interface BuildRun {
  readonly status: BuildStatus;
  readonly options: BuildOptions | null;
  readonly contextFiles?: number;
  readonly contextSize?: number;
  readonly steps: readonly BuildStepView[];
  /** BuildKit's steps, in the order they first appeared. */
  readonly vertices: readonly BuildVertexView[];
  readonly builder?: { readonly builder: BuilderKind; readonly reason: string };
  readonly durationMs?: number;
  readonly cachedSteps?: number;
  readonly imageId?: string;
  readonly tags: readonly string[];
  readonly history: readonly HistoryLayer[];
  readonly source?: BuiltImageSource;
  readonly error: BerthError | null;
}

export const STEP_LINE_LIMIT = 400;

const IDLE_RUN: BuildRun = {
  status: 'idle',
  options: null,
  steps: [],
  vertices: [],
  tags: [],
  history: [],
  error: null,
};

const withLines = <T extends { lines: readonly string[]; droppedLines: number }>(
  item: T,
  added: readonly string[],
): T => {
  const lines = [...item.lines, ...added];
  const drop = Math.max(0, lines.length - STEP_LINE_LIMIT);
  return { ...item, lines: drop > 0 ? lines.slice(drop) : lines, droppedLines: item.droppedLines + drop };
};

function withVertex(run: BuildRun, vertex: BuildVertex): BuildRun {
  const at = run.vertices.findIndex((v) => v.id === vertex.id);
  if (at < 0) return { ...run, vertices: [...run.vertices, { ...vertex, lines: [], droppedLines: 0 }] };
  return { ...run, vertices: run.vertices.map((v, i) => (i === at ? { ...v, ...vertex } : v)) };
}

export const EMPTY_FORM: BuildForm = {
  contextPath: '',
  dockerfile: 'Dockerfile',
  tags: '',
  buildArgs: [],
  target: '',
  noCache: false,
  pull: false,
  network: 'default',
  platform: '',
  labels: '',
  secrets: '',
  builder: 'auto',
};

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** `id=npm,src=/path` or `id=token,env=VAR`; a line in neither form is kept whole so the check names it. */
export function parseSecret(line: string): BuildSecret {
  const fields = Object.fromEntries(
    line.split(',').map((part) => {
      const at = part.indexOf('=');
      return at < 0 ? [part.trim(), ''] : [part.slice(0, at).trim(), part.slice(at + 1).trim()];
    }),
  ) as Record<string, string | undefined>;
  const id = fields.id ?? '';
  if (fields.env !== undefined) return { id, source: 'env', from: fields.env };
  const file = fields.src ?? fields.source;
  if (file !== undefined) return { id, source: 'file', from: file };
  return { id: line, source: 'file', from: '' };
}

/** The form as build options: empty fields left out, tags split on spaces or commas. */
export function buildOptionsFromForm(form: BuildForm): StreamInput<'build:run'> {
  const tags = form.tags.split(/[\s,]+/).filter((t) => t !== '');
  const args = form.buildArgs.filter((a) => a.name.trim() !== '');
  return {
    contextPath: form.contextPath.trim(),
    ...(form.dockerfile.trim() !== '' && form.dockerfile.trim() !== 'Dockerfile'
      ? { dockerfile: form.dockerfile.trim() }
      : {}),
    ...(tags.length > 0 ? { tags } : {}),
    ...(args.length > 0 ? { buildArgs: Object.fromEntries(args.map((a) => [a.name.trim(), a.value])) } : {}),
    ...(form.target.trim() !== '' ? { target: form.target.trim() } : {}),
    ...(form.noCache ? { noCache: true } : {}),
    ...(form.pull ? { pull: true } : {}),
    ...(form.network !== 'default' ? { network: form.network } : {}),
    ...(form.platform.trim() !== '' ? { platform: form.platform.trim() } : {}),
    ...(lines(form.labels).length > 0
      ? {
          labels: Object.fromEntries(
            lines(form.labels).map((l) => [l.split('=')[0] ?? l, l.includes('=') ? l.slice(l.indexOf('=') + 1) : '']),
          ),
        }
      : {}),
    ...(lines(form.secrets).length > 0 ? { secrets: lines(form.secrets).map(parseSecret) } : {}),
    ...(form.builder !== 'auto' ? { builder: form.builder } : {}),
  };
}

function withStep(steps: readonly BuildStepView[], n: number, change: (s: BuildStepView) => BuildStepView) {
  return steps.map((s) => (s.step === n ? change(s) : s));
}

/** Folds a batch of build events into the run. */
export function applyBuildEvents(run: BuildRun, events: readonly BuildEvent[]): BuildRun {
  let next = run;
  for (const event of events) {
    switch (event.type) {
      case 'context':
        next = { ...next, contextFiles: event.files, contextSize: event.size };
        break;
      case 'builder':
        next = { ...next, builder: { builder: event.builder, reason: event.reason } };
        break;
      case 'vertex':
        next = withVertex(next, event.vertex);
        break;
      case 'vertex-output':
        next = {
          ...next,
          vertices: next.vertices.map((v) => (v.id === event.id ? withLines(v, event.lines) : v)),
        };
        break;
      case 'step': {
        const view: BuildStepView = {
          step: event.step,
          total: event.total,
          instruction: event.instruction,
          cached: false,
          lines: [],
          droppedLines: 0,
        };
        next = { ...next, steps: [...next.steps.filter((s) => s.step !== event.step), view] };
        break;
      }
      case 'output':
        next = {
          ...next,
          steps: withStep(next.steps, event.step, (s) => {
            const lines = [...s.lines, event.text];
            const drop = Math.max(0, lines.length - STEP_LINE_LIMIT);
            return { ...s, lines: drop > 0 ? lines.slice(drop) : lines, droppedLines: s.droppedLines + drop };
          }),
        };
        break;
      case 'cached':
        next = { ...next, steps: withStep(next.steps, event.step, (s) => ({ ...s, cached: true })) };
        break;
      case 'layer':
        next = { ...next, steps: withStep(next.steps, event.step, (s) => ({ ...s, layerId: event.id })) };
        break;
      case 'done':
        next = {
          ...next,
          status: 'succeeded',
          imageId: event.imageId,
          tags: event.tags,
          ...(event.durationMs === undefined ? {} : { durationMs: event.durationMs }),
          ...(event.cachedSteps === undefined ? {} : { cachedSteps: event.cachedSteps }),
          history: event.history,
          source: {
            contextPath: next.options?.contextPath ?? '',
            dockerfile: event.dockerfile,
            dockerfileText: event.dockerfileText,
            ...(next.options?.target ? { target: next.options.target } : {}),
          },
        };
        break;
    }
  }
  return next;
}

export interface BuildSlice {
  buildForm: BuildForm;
  buildPreview: ContextPreview | null;
  buildPreviewLoad: LoadState;
  buildPreviewError: BerthError | null;
  buildRun: BuildRun;
  /** Images built in this session, by id. */
  builtImages: Readonly<Record<string, BuiltImageSource>>;
  setBuildForm(patch: Partial<BuildForm>): void;
  previewBuildContext(): Promise<void>;
  startBuild(): void;
  cancelBuild(): void;
  clearBuildRun(): void;
  /** Every build Berth ran, newest first (from main's history file). */
  buildHistory: readonly BuildHistoryEntry[];
  buildHistoryError: BerthError | null;
  buildHistoryLog: BuildHistoryLog | null;
  loadBuildHistory(): Promise<void>;
  openBuildHistoryLog(id: string): Promise<void>;
  closeBuildHistoryLog(): void;
  /** Fills the form with a past build's settings and starts it again. */
  rerunBuild(entry: BuildHistoryEntry): void;
}

/** A past build's options back in the form's shape. */
export function formFromOptions(options: BuildOptions): BuildForm {
  return {
    ...EMPTY_FORM,
    contextPath: options.contextPath,
    dockerfile: options.dockerfile ?? 'Dockerfile',
    tags: (options.tags ?? []).join(' '),
    buildArgs: Object.entries(options.buildArgs ?? {}).map(([name, value]) => ({ name, value })),
    target: options.target ?? '',
    noCache: options.noCache === true,
    pull: options.pull === true,
    network: options.network ?? 'default',
    platform: options.platform ?? '',
    labels: Object.entries(options.labels ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
    secrets: (options.secrets ?? [])
      .map((x) => `id=${x.id},${x.source === 'env' ? 'env' : 'src'}=${x.from}`)
      .join('\n'),
    builder: options.builder ?? 'auto',
  };
}

export const createBuildSlice =
  (api: BerthApi): StateCreator<BerthState, [], [], BuildSlice> =>
  (set, get) => {
    let latestPreview = 0;
    let stop: Unsubscribe | null = null;
    // The announcer hears the build start, pass half its steps and end (ui/announce.ts), not every line.
    let said: ReturnType<typeof progressMilestones> | null = null;
    return {
      buildForm: EMPTY_FORM,
      buildPreview: null,
      buildPreviewLoad: 'idle',
      buildPreviewError: null,
      buildRun: IDLE_RUN,
      builtImages: {},
      buildHistory: [],
      buildHistoryError: null,
      buildHistoryLog: null,
      async loadBuildHistory() {
        const result = await api.build.history(undefined);
        if (result.ok) set({ buildHistory: result.value, buildHistoryError: null });
        else set({ buildHistoryError: result.error });
      },
      async openBuildHistoryLog(id) {
        const result = await api.build.historyLog({ id });
        if (result.ok) set({ buildHistoryLog: result.value, buildHistoryError: null });
        else set({ buildHistoryError: result.error });
      },
      closeBuildHistoryLog() {
        set({ buildHistoryLog: null });
      },
      rerunBuild(entry) {
        if (get().buildRun.status === 'running') return;
        set({ buildForm: formFromOptions(entry.options) });
        void get().previewBuildContext();
        get().startBuild();
      },
      setBuildForm(patch) {
        set({ buildForm: { ...get().buildForm, ...patch } });
      },
      async previewBuildContext() {
        const options = buildOptionsFromForm(get().buildForm);
        const mine = ++latestPreview;
        set({ buildPreviewLoad: 'loading' });
        const input = options.dockerfile
          ? { contextPath: options.contextPath, dockerfile: options.dockerfile }
          : { contextPath: options.contextPath };
        const result = await api.build.preview(input);
        if (mine !== latestPreview) return;
        if (result.ok) set({ buildPreview: result.value, buildPreviewLoad: 'ready', buildPreviewError: null });
        else set({ buildPreview: null, buildPreviewLoad: 'error', buildPreviewError: result.error });
      },
      startBuild() {
        if (get().buildRun.status === 'running') return;
        const options = buildOptionsFromForm(get().buildForm);
        set({ buildRun: { ...IDLE_RUN, status: 'running', options } });
        said = progressMilestones('Build');
        said.start();
        stop = api.build.run(options, (message) => {
          const run = get().buildRun;
          if (run.status !== 'running') return;
          if (message.type === 'data') {
            const next = applyBuildEvents(run, message.items);
            set({ buildRun: next });
            const step = next.steps.at(-1);
            if (step !== undefined && step.total > 0) said?.report(step.step / step.total);
            if (next.status === 'succeeded') said?.done('finished.');
            else if (next.status === 'failed') said?.done(`failed: ${next.error?.message ?? 'see the steps.'}`);
            if (next.status === 'succeeded' && next.imageId && next.source) {
              set({ builtImages: { ...get().builtImages, [next.imageId]: next.source } });
              void get().refreshImages();
            }
          } else if (message.type === 'error') {
            stop = null;
            set({ buildRun: { ...run, status: 'failed', error: message.error } });
            said?.done(`failed: ${message.error.message}`);
            void get().loadBuildHistory();
          } else {
            stop = null;
            void get().loadBuildHistory();
          }
        });
      },
      cancelBuild() {
        const run = get().buildRun;
        if (run.status !== 'running') return;
        // Unsubscribing closes the build's request; the engine stops and tags nothing.
        stop?.();
        stop = null;
        said?.done('cancelled. Nothing was tagged.');
        set({
          buildRun: {
            ...run,
            status: 'cancelled',
            error: { code: 'CANCELLED', message: 'The build was cancelled. Nothing was tagged.' },
          },
        });
        // Main records the cancelled build once the engine has stopped it.
        setTimeout(() => void get().loadBuildHistory(), 1500);
      },
      clearBuildRun() {
        if (get().buildRun.status !== 'running') set({ buildRun: IDLE_RUN });
      },
    };
  };

declare module '../../app/state' {
  interface BerthState extends BuildSlice {}
}
