import { useEffect, useMemo, useRef } from 'react';
import { parseDockerfile } from '../../../../shared/dockerfile';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatBytes } from '../../ui/format-bytes';
import type { BuildRun, BuildStepView } from './build.slice';
import { BuildKitSteps, FailedStepContext } from './BuildKitSteps';
import { useBerth } from '../../app/store';

type StepState = 'cached' | 'done' | 'running' | 'failed' | 'stopped';

const STATE_LABEL: Readonly<Record<StepState, string>> = {
  cached: 'from cache',
  done: 'done',
  running: 'running',
  failed: 'failed',
  stopped: 'stopped',
};

const STATE_TONE: Readonly<Record<StepState, string>> = {
  cached: 'tone-ok',
  done: 'tone-ok',
  running: 'tone-busy',
  failed: 'tone-danger',
  stopped: 'tone-idle',
};

function failedStep(run: BuildRun): number | undefined {
  if (run.status !== 'failed') return undefined;
  const step = run.error?.details?.step;
  return typeof step === 'number' && step > 0 ? step : run.steps.at(-1)?.step;
}

function stateOf(step: BuildStepView, run: BuildRun, isLast: boolean): StepState {
  if (failedStep(run) === step.step) return 'failed';
  if (step.cached) return 'cached';
  if (step.layerId !== undefined) return 'done';
  if (isLast && run.status === 'running') return 'running';
  return isLast && run.status !== 'succeeded' ? 'stopped' : 'done';
}

function Step({ step, state, line }: { step: BuildStepView; state: StepState; line?: number }) {
  return (
    <li className={`build-step build-step-${state}`} aria-label={`Step ${step.step} of ${step.total}`}>
      <div className="build-step-head">
        <span className="build-step-number">
          {step.step}/{step.total}
        </span>
        <code className="build-step-instruction">{step.instruction}</code>
        {line !== undefined && <span className="muted nowrap">line {line}</span>}
        <span className={`badge badge-small ${STATE_TONE[state]}`}>{STATE_LABEL[state]}</span>
      </div>
      {step.lines.length > 0 && (
        <pre className="build-output">
          {step.droppedLines > 0 && `… ${step.droppedLines} earlier lines not shown\n`}
          {step.lines.join('\n')}
        </pre>
      )}
    </li>
  );
}

/** The build as it streams: one item per step, cache hits marked, the failing step highlighted. */
export function BuildSteps() {
  const run = useBerth((s) => s.buildRun);
  const dockerfileText = useBerth((s) => s.buildRun.source?.dockerfileText ?? s.buildPreview?.dockerfileText ?? '');
  const lines = useMemo(() => parseDockerfile(dockerfileText).instructions.map((i) => i.startLine), [dockerfileText]);
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Follow the newest step, and keep the failure in view when the build stops on one.
    if (run.status === 'running' || run.status === 'failed') end.current?.scrollIntoView({ block: 'nearest' });
  }, [run.steps, run.vertices, run.status]);
  if (run.status === 'idle') return null;
  const total = run.steps.at(-1)?.total;
  const buildkit = run.builder?.builder === 'buildkit';
  const running = buildkit
    ? `${run.vertices.filter((v) => v.completed !== null).length} of ${run.vertices.length} steps done`
    : total
      ? `step ${run.steps.length} of ${total}`
      : 'sending the context';
  const headline =
    run.status === 'running'
      ? `Building… ${running}`
      : run.status === 'succeeded'
        ? 'Build finished'
        : run.status === 'cancelled'
          ? 'Build cancelled'
          : 'Build failed';
  return (
    <section className="card build-run" aria-label="Build progress">
      <h2 aria-live="polite">{headline}</h2>
      {run.contextFiles !== undefined && (
        <p className="muted">
          Sent {run.contextFiles} {run.contextFiles === 1 ? 'file' : 'files'} ({formatBytes(run.contextSize ?? 0)}) to
          the engine.
        </p>
      )}
      {run.builder && (
        <p className="muted">
          Built with {run.builder.builder === 'buildkit' ? 'BuildKit' : 'the classic builder'}. {run.builder.reason}
        </p>
      )}
      {run.status === 'succeeded' && run.durationMs !== undefined && (
        <p className="muted">
          Took {(run.durationMs / 1000).toFixed(1)} s; {run.cachedSteps ?? 0} steps came from the cache.
        </p>
      )}
      {buildkit ? (
        <BuildKitSteps run={run} />
      ) : (
        <ol className="build-steps" aria-label="Build steps">
          {run.steps.map((step, i) => (
            <Step
              key={step.step}
              step={step}
              state={stateOf(step, run, i === run.steps.length - 1)}
              {...(lines[step.step - 1] !== undefined ? { line: lines[step.step - 1] } : {})}
            />
          ))}
        </ol>
      )}
      {run.error && <ErrorNotice error={run.error} className={run.status === 'failed' ? 'build-failure' : 'caution'} />}
      {buildkit && <FailedStepContext run={run} dockerfileText={dockerfileText} />}
      <div ref={end} />
    </section>
  );
}
