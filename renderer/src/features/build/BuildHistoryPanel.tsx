import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { buildCommand } from '../../../../shared/cli/build.cli';
import type { BuildHistoryEntry } from '../../../../shared/dto/build';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useBerth } from '../../app/store';

const OUTCOME: Readonly<Record<BuildHistoryEntry['outcome'], { label: string; tone: string }>> = {
  succeeded: { label: 'built', tone: 'tone-ok' },
  failed: { label: 'failed', tone: 'tone-danger' },
  cancelled: { label: 'cancelled', tone: 'tone-idle' },
};

function Log() {
  const log = useBerth((s) => s.buildHistoryLog);
  const close = useBerth((s) => s.closeBuildHistoryLog);
  if (!log) return null;
  return (
    <section className="build-history-log" aria-label="Build log">
      <div className="build-field-row">
        <h3>Build log</h3>
        <button type="button" className="button" onClick={close}>
          Close log
        </button>
      </div>
      <pre className="build-output" tabIndex={0}>
        {log.droppedLines > 0 && `… ${log.droppedLines} earlier lines not kept\n`}
        {log.lines.join('\n')}
      </pre>
    </section>
  );
}

/** Every build Berth ran, newest first: settings, outcome, timings; its log; run it again with the same settings. */
export function BuildHistoryPanel() {
  const entries = useBerth(useShallow((s) => s.buildHistory));
  const error = useBerth((s) => s.buildHistoryError);
  const running = useBerth((s) => s.buildRun.status === 'running');
  const load = useBerth((s) => s.loadBuildHistory);
  const openLog = useBerth((s) => s.openBuildHistoryLog);
  const rerun = useBerth((s) => s.rerunBuild);
  const navigate = useBerth((s) => s.navigate);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section className="card build-history" aria-label="Build history">
      <h2>Build history</h2>
      <p className="muted">
        Builds Berth ran, kept in the app&apos;s data folder (the newest 50). Secret values are never kept. The build
        cache these builds fill is measured and pruned on the{' '}
        <button type="button" className="build-link" onClick={() => navigate({ section: 'disk' })}>
          Disk screen
        </button>
        .
      </p>
      {error && <ErrorNotice error={error} />}
      {entries.length === 0 ? (
        <p className="muted">No builds yet.</p>
      ) : (
        <table className="table" aria-label="Past builds">
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">Context</th>
              <th scope="col">Settings</th>
              <th scope="col">Result</th>
              <th scope="col">Duration</th>
              <th scope="col">Cached steps</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e, i) => {
              const name = `build ${entries.length - i}`;
              return (
                <tr key={e.id}>
                  <td className="nowrap">{new Date(e.startedAt).toLocaleString()}</td>
                  <td className="mono">
                    {e.options.contextPath}
                    <div className="muted">{e.dockerfile}</div>
                  </td>
                  <td>
                    <code className="mono">{buildCommand(e.options)}</code>
                  </td>
                  <td>
                    <span className={`badge badge-small ${OUTCOME[e.outcome].tone}`}>{OUTCOME[e.outcome].label}</span>{' '}
                    {e.imageId && <span className="mono">{e.imageId.slice(7, 19)}</span>}
                    {e.builder && (
                      <div className="muted">{e.builder === 'buildkit' ? 'BuildKit' : 'classic builder'}</div>
                    )}
                    {e.error && <div className="muted">{e.error}</div>}
                  </td>
                  <td className="nowrap">{(e.durationMs / 1000).toFixed(1)} s</td>
                  <td>
                    {e.cachedSteps} of {e.steps}
                  </td>
                  <td className="nowrap">
                    <button
                      type="button"
                      className="button"
                      aria-label={`Show log of ${name}`}
                      onClick={() => void openLog(e.id)}
                    >
                      Log
                    </button>{' '}
                    <button
                      type="button"
                      className="button"
                      aria-label={`Run ${name} again`}
                      disabled={running}
                      onClick={() => rerun(e)}
                    >
                      Run again
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Log />
    </section>
  );
}
