import type { BuildRun, BuildVertexView } from './build.slice';

type VertexState = 'cached' | 'done' | 'running' | 'failed' | 'waiting' | 'stopped';

const LABEL: Readonly<Record<VertexState, string>> = {
  cached: 'cached',
  done: 'done',
  running: 'running',
  failed: 'failed',
  waiting: 'waiting',
  stopped: 'stopped',
};

const TONE: Readonly<Record<VertexState, string>> = {
  cached: 'tone-ok',
  done: 'tone-ok',
  running: 'tone-busy',
  failed: 'tone-danger',
  waiting: 'tone-idle',
  stopped: 'tone-idle',
};

const STEP = /^\[(?:(\S+) )?(\d+)\/(\d+)\] (.*)$/;

/** The stage a step belongs to, its position, and its instruction, from BuildKit's name. */
export function describeVertex(name: string): { lane: string; position: string | null; text: string } {
  const m = STEP.exec(name);
  if (m) return { lane: m[1] ?? 'Build', position: `${m[2]} of ${m[3]}`, text: m[4] ?? name };
  if (name.startsWith('[internal] ')) return { lane: 'Preparation', position: null, text: name.slice(11) };
  return { lane: 'Result', position: null, text: name };
}

function stateOf(v: BuildVertexView, run: BuildRun): VertexState {
  if (v.error !== null) return 'failed';
  if (v.cached) return 'cached';
  if (v.completed !== null) return 'done';
  if (v.started !== null) return run.status === 'running' ? 'running' : 'stopped';
  return run.status === 'running' ? 'waiting' : 'stopped';
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

function Vertex({ vertex, run }: { vertex: BuildVertexView; run: BuildRun }) {
  const state = stateOf(vertex, run);
  const { position, text } = describeVertex(vertex.name);
  const duration =
    vertex.started !== null && vertex.completed !== null && !vertex.cached
      ? seconds(vertex.completed - vertex.started)
      : null;
  return (
    <li
      className={`build-step build-step-${state === 'waiting' ? 'stopped' : state}`}
      aria-label={position ? `Step ${position}: ${text}` : text}
    >
      <div className="build-step-head">
        {position && <span className="build-step-number">{position.replace(' of ', '/')}</span>}
        <code className="build-step-instruction">{text}</code>
        {vertex.line !== null && <span className="muted nowrap">line {vertex.line}</span>}
        {duration && <span className="muted nowrap">{duration}</span>}
        <span className={`badge badge-small ${TONE[state]}`}>{LABEL[state]}</span>
      </div>
      {vertex.lines.length > 0 && (
        <pre className="build-output">
          {vertex.droppedLines > 0 && `… ${vertex.droppedLines} earlier lines not shown\n`}
          {vertex.lines.join('\n')}
        </pre>
      )}
    </li>
  );
}

/** BuildKit's steps in one column per stage, so stages that run at the same time are side by side. */
export function BuildKitSteps({ run }: { run: BuildRun }) {
  const lanes = new Map<string, BuildVertexView[]>();
  for (const v of run.vertices) {
    const { lane } = describeVertex(v.name);
    lanes.set(lane, [...(lanes.get(lane) ?? []), v]);
  }
  return (
    <div className="build-lanes" role="group" aria-label="Build steps">
      {[...lanes].map(([lane, steps]) => (
        <section key={lane} className="build-lane" aria-label={`Stage ${lane}`}>
          <h3>{lane === 'Preparation' || lane === 'Result' || lane === 'Build' ? lane : `Stage ${lane}`}</h3>
          <ol className="build-steps" aria-label={`Steps of ${lane}`}>
            {steps.map((v) => (
              <Vertex key={v.id} vertex={v} run={run} />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

/** The failing step's Dockerfile lines around its own, which is marked, and its last lines of output. */
export function FailedStepContext({ run, dockerfileText }: { run: BuildRun; dockerfileText: string }) {
  const details = run.error?.details;
  const line = typeof details?.line === 'number' ? details.line : null;
  const last = Array.isArray(details?.lastLines) ? details.lastLines.filter((l) => typeof l === 'string') : [];
  if (run.status !== 'failed' || (line === null && last.length === 0)) return null;
  const all = dockerfileText.split(/\r?\n/);
  const from = line === null ? 0 : Math.max(1, line - 2);
  const to = line === null ? 0 : Math.min(all.length, line + 2);
  return (
    <div className="build-failed-context">
      {line !== null && (
        <>
          <h3>Dockerfile line {line}</h3>
          <ol className="build-failed-dockerfile" aria-label={`Dockerfile around line ${line}`} start={from}>
            {all.slice(from - 1, to).map((text, i) => (
              <li key={from + i} aria-current={from + i === line ? 'true' : undefined}>
                {text || ' '}
              </li>
            ))}
          </ol>
        </>
      )}
      {last.length > 0 && (
        <>
          <h3>Last lines of the failing step</h3>
          <pre className="build-output" aria-label="Last lines of the failing step">
            {last.join('\n')}
          </pre>
        </>
      )}
    </div>
  );
}
