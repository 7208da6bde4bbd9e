import { useState } from 'react';
import { projectAction, removeProjectAction } from '../../../../shared/cli/projects.cli';
import type { ProjectAction, ProjectState, ProjectSummary } from '../../../../shared/dto/projects';
import type { BerthError } from '../../../../shared/result';
import { Command } from '../../ui/Command';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { containerStateLook, type Tone } from '../../ui/state-tone';
import { useBerth } from '../../app/store';
import { RemoveProjectDialog } from './RemoveProjectDialog';

const LOOK: Readonly<Record<ProjectState, { tone: Tone; label: string }>> = {
  running: { tone: 'ok', label: 'Running' },
  partial: { tone: 'busy', label: 'Partly running' },
  paused: { tone: 'busy', label: 'Paused' },
  stopped: { tone: 'idle', label: 'Stopped' },
};

type Hint = ProjectAction | 'remove';

const BUTTONS: readonly { action: Hint; label: string; when: (s: ProjectState) => boolean }[] = [
  { action: 'start', label: 'Start', when: (s) => s !== 'running' && s !== 'paused' },
  { action: 'stop', label: 'Stop', when: (s) => s !== 'stopped' },
  { action: 'restart', label: 'Restart', when: () => true },
  { action: 'pause', label: 'Pause', when: (s) => s === 'running' || s === 'partial' },
  { action: 'unpause', label: 'Unpause', when: (s) => s === 'paused' },
  { action: 'remove', label: 'Remove', when: () => true },
];

const commandOf = (hint: Hint, name: string) =>
  hint === 'remove' ? removeProjectAction(name, false).command : projectAction(hint, name).command;

/** One compose project: its state, whole-project actions with their `docker compose` twin, services and resources. */
export function ProjectCard({ project }: { project: ProjectSummary }) {
  const act = useBerth((s) => s.actOnProject);
  const navigate = useBerth((s) => s.navigate);
  const [busy, setBusy] = useState<Hint | null>(null);
  const [error, setError] = useState<BerthError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [hint, setHint] = useState<Hint>(project.state === 'stopped' ? 'start' : 'stop');
  const [removing, setRemoving] = useState(false);
  const look = LOOK[project.state];
  const ids = project.services.flatMap((s) => s.containers.map((c) => c.id));
  const headingId = `project-${project.name}`;

  const run = async (action: ProjectAction) => {
    setBusy(action);
    setError(null);
    setNote(null);
    const result = await act(project.name, action);
    setBusy(null);
    if (!result.ok) return setError(result.error);
    const failed = result.value.failed;
    if (failed.length > 0)
      setNote(
        `Done for ${result.value.done.length}; failed: ${failed.map((f) => `${f.item} (${f.message})`).join('; ')}`,
      );
  };

  return (
    <section className="res-card project-card" aria-labelledby={headingId}>
      <div className="res-card-head">
        <h2 id={headingId}>
          <span className="muted">Project</span> {project.name}
        </h2>
        <span className={`badge tone-${look.tone}`}>
          {look.label} · {project.running} of {project.total} running
        </span>
      </div>
      <div className="ctr-toolbar" role="toolbar" aria-label={`Actions on project ${project.name}`}>
        {BUTTONS.map(({ action, label, when }) => (
          <button
            key={action}
            type="button"
            className={action === 'remove' ? 'button ctr-button-danger-quiet' : 'button'}
            aria-label={`${label} project ${project.name}`}
            aria-busy={busy === action}
            disabled={busy !== null || !when(project.state)}
            onMouseEnter={() => setHint(action)}
            onFocus={() => setHint(action)}
            onClick={() => (action === 'remove' ? setRemoving(true) : void run(action))}
          >
            {label}
          </button>
        ))}
        <button
          type="button"
          className="button"
          aria-label={`Logs of project ${project.name}`}
          disabled={ids.length === 0}
          onClick={() => navigate({ section: 'logs', id: ids.join(',') })}
        >
          Logs
        </button>
      </div>
      <p className="ctr-toolbar-command">
        <span className="muted">{BUTTONS.find((b) => b.action === hint)?.label} from a terminal:</span>{' '}
        <Command>{commandOf(hint, project.name)}</Command>
      </p>
      {busy !== null && (
        <p className="muted" role="status">
          {BUTTONS.find((b) => b.action === busy)?.label ?? 'Working'} project {project.name}…
        </p>
      )}
      <ErrorNotice error={error} />
      {note !== null && (
        <p role="alert" className="project-note">
          {note}
        </p>
      )}
      <dl className="res-facts" aria-label={`About project ${project.name}`}>
        <dt>Working folder</dt>
        <dd className="mono">{project.workingDir ?? 'not recorded'}</dd>
        <dt>Config files</dt>
        <dd className="mono">{project.configFiles.length === 0 ? 'not recorded' : project.configFiles.join(', ')}</dd>
        <dt>Networks</dt>
        <dd>
          {project.networks.length === 0
            ? 'none'
            : project.networks.map((n) => (
                <button
                  key={n.id}
                  type="button"
                  className="link-button mono"
                  onClick={() => navigate({ section: 'networks', id: n.id })}
                >
                  {n.name}
                </button>
              ))}
        </dd>
        <dt>Volumes</dt>
        <dd>
          {project.volumes.length === 0
            ? 'none'
            : project.volumes.map((v) => (
                <button
                  key={v.name}
                  type="button"
                  className="link-button mono"
                  onClick={() => navigate({ section: 'volumes', id: v.name })}
                >
                  {v.name}
                </button>
              ))}
        </dd>
      </dl>
      <div className="table-card res-table-wrap">
        <table className="table" aria-label={`Services of project ${project.name}`}>
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Container</th>
              <th scope="col">State</th>
              <th scope="col">Image</th>
              <th scope="col">Depends on</th>
            </tr>
          </thead>
          <tbody>
            {project.services.flatMap((s) =>
              s.containers.map((c) => {
                const cl = containerStateLook(c.state);
                return (
                  <tr key={c.id}>
                    <td>{s.name}</td>
                    <td>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => navigate({ section: 'containers', id: c.id, tab: 'overview' })}
                      >
                        {c.name}
                      </button>
                    </td>
                    <td>
                      <span className={`badge badge-small tone-${cl.tone}`}>{cl.label}</span>
                    </td>
                    <td className="mono">{c.image}</td>
                    <td>{s.dependsOn.length === 0 ? '—' : s.dependsOn.join(', ')}</td>
                  </tr>
                );
              }),
            )}
          </tbody>
        </table>
      </div>
      {removing && <RemoveProjectDialog name={project.name} onClose={() => setRemoving(false)} />}
    </section>
  );
}
