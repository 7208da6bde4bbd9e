/**
 * A compose file: open it (native dialog on the desktop, a typed path in the browser), see what it declares and
 * its lines, then run Compose on it (up, down, pull, restart) with the output streaming in and a Cancel.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { composeFileCommand } from '../../../../shared/cli/projects.cli';
import type { ComposeFile, ComposeProblem, ComposeVerb } from '../../../../shared/dto/projects';
import { Command } from '../../ui/Command';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useBerth } from '../../app/store';
import { useNativeDialogs } from '../desktop/use-native-dialogs';

const VERBS: readonly { verb: ComposeVerb; label: string }[] = [
  { verb: 'up', label: 'Up' },
  { verb: 'down', label: 'Down' },
  { verb: 'pull', label: 'Pull' },
  { verb: 'restart', label: 'Restart' },
];

export function OpenComposeFile() {
  const native = useNativeDialogs();
  const open = useBerth((s) => s.openComposeFile);
  const pick = useBerth((s) => s.pickComposeFile);
  const load = useBerth((s) => s.composeFileLoad);
  const error = useBerth((s) => s.composeFileError);
  const [path, setPath] = useState('');
  const [pickError, setPickError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void open(path);
  };
  return (
    <div className="compose-open">
      <form className="res-form compose-open-form" onSubmit={submit} aria-label="Open a compose file">
        <label className="res-field">
          <span>Compose file path</span>
          <input
            type="text"
            className="input mono"
            value={path}
            placeholder="/home/me/app/compose.yaml"
            spellCheck={false}
            onChange={(e) => setPath(e.target.value)}
          />
        </label>
        <div className="button-row">
          <button type="submit" className="button" disabled={path.trim() === '' || load === 'loading'}>
            Open file
          </button>
          {native && (
            <button
              type="button"
              className="button"
              onClick={() => void pick().then((r) => setPickError(r.ok ? null : r.error.message))}
            >
              Choose a compose file…
            </button>
          )}
        </div>
      </form>
      <ErrorNotice error={error ?? pickError} />
    </div>
  );
}

function Declares({ file }: { file: ComposeFile }) {
  return (
    <div className="table-card res-table-wrap">
      <table className="table" aria-label="Services the file declares">
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Image or build</th>
            <th scope="col">Ports</th>
            <th scope="col">Volumes</th>
            <th scope="col">Networks</th>
            <th scope="col">Depends on</th>
            <th scope="col">Line</th>
          </tr>
        </thead>
        <tbody>
          {file.services.map((s) => (
            <tr key={s.name}>
              <td>{s.name}</td>
              <td className="mono">{s.image ?? (s.build === null ? '—' : `build ${s.build}`)}</td>
              <td className="mono">{s.ports.join(', ') || '—'}</td>
              <td className="mono">{s.volumes.join(', ') || '—'}</td>
              <td>{s.networks.join(', ') || 'default'}</td>
              <td>{s.dependsOn.join(', ') || '—'}</td>
              <td>{s.line}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The file's text with line numbers; lines with a problem are marked and carry the message. */
function FileLines({ text, problems }: { text: string; problems: readonly ComposeProblem[] }) {
  const byLine = new Map<number, string[]>();
  for (const p of problems) if (p.line !== null) byLine.set(p.line, [...(byLine.get(p.line) ?? []), p.message]);
  return (
    <ol className="compose-lines mono" aria-label="The compose file">
      {text.split('\n').map((line, i) => {
        const n = i + 1;
        const here = byLine.get(n);
        return (
          <li key={n} className={here ? 'compose-line compose-line-problem' : 'compose-line'} value={n}>
            <span className="compose-line-text">{line || ' '}</span>
            {here && (
              <span className="compose-line-note" role="note">
                Line {n}: {here.join(' ')}
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function ComposeOutput() {
  const run = useBerth((s) => s.composeRun);
  const ref = useRef<HTMLPreElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [run?.output]);
  if (run === null) return null;
  const label =
    run.status === 'running'
      ? `Compose ${run.verb} is running…`
      : run.status === 'succeeded'
        ? `Compose ${run.verb} finished.`
        : run.status === 'cancelled'
          ? `Compose ${run.verb} was cancelled.`
          : `Compose ${run.verb} failed.`;
  return (
    <div className="compose-run">
      <p role="status" aria-busy={run.status === 'running'}>
        {label}
      </p>
      {run.truncated && <p className="muted">Earlier output was dropped; the latest is shown.</p>}
      <pre
        ref={ref}
        className="compose-output mono"
        role="log"
        aria-label={`Output of compose ${run.verb}`}
        tabIndex={0}
      >
        {run.output || (run.status === 'running' ? 'Waiting for Compose…' : '(no output)')}
      </pre>
      <ErrorNotice error={run.error} />
    </div>
  );
}

export function ComposeFilePanel({ file }: { file: ComposeFile }) {
  const cli = useBerth((s) => s.composeCli);
  const check = useBerth((s) => s.checkComposeCli);
  const runCompose = useBerth((s) => s.runCompose);
  const cancel = useBerth((s) => s.cancelCompose);
  const close = useBerth((s) => s.closeComposeFile);
  const run = useBerth((s) => s.composeRun);
  const [hint, setHint] = useState<ComposeVerb>('up');
  useEffect(() => {
    if (cli === null) void check();
  }, [cli, check]);
  const running = run?.status === 'running';
  const problems = [...file.problems, ...(run?.problems ?? [])];
  const kind = cli?.found ? cli.kind : 'v2';
  return (
    <section className="res-card compose-file" aria-labelledby="compose-file-title">
      <div className="res-card-head">
        <h2 id="compose-file-title">Compose file {file.path}</h2>
        <button type="button" className="button" onClick={close} disabled={running}>
          Close file
        </button>
      </div>
      <dl className="res-facts" aria-label="About this compose file">
        <dt>Project name</dt>
        <dd className="mono">{file.projectName}</dd>
        <dt>Working folder</dt>
        <dd className="mono">{file.workingDir}</dd>
        <dt>Networks</dt>
        <dd>{file.networks.map((n) => `${n.name} (line ${n.line})`).join(', ') || 'the default network'}</dd>
        <dt>Volumes</dt>
        <dd>{file.volumes.map((v) => `${v.name} (line ${v.line})`).join(', ') || 'none'}</dd>
        <dt>Compose</dt>
        <dd>
          {cli === null
            ? 'looking…'
            : cli.found
              ? `${cli.command} ${cli.version} (${cli.kind === 'v2' ? 'Compose v2' : 'Compose v1'})`
              : 'not installed'}
        </dd>
      </dl>
      {cli !== null && !cli.found && <ErrorNotice error={{ code: 'NOT_FOUND', message: cli.message }} />}
      {file.services.length > 0 && <Declares file={file} />}
      <div className="ctr-toolbar" role="toolbar" aria-label="Compose actions">
        {VERBS.map(({ verb, label }) => (
          <button
            key={verb}
            type="button"
            className="button"
            aria-label={`Compose ${label}`}
            disabled={running || cli === null || !cli.found}
            onMouseEnter={() => setHint(verb)}
            onFocus={() => setHint(verb)}
            onClick={() => runCompose(verb)}
          >
            {label}
          </button>
        ))}
        {running && (
          <button type="button" className="button button-danger" onClick={cancel}>
            Cancel
          </button>
        )}
      </div>
      <p className="ctr-toolbar-command">
        <span className="muted">From a terminal:</span> <Command>{composeFileCommand(file.path, hint, kind)}</Command>
      </p>
      <ComposeOutput />
      {problems.length > 0 && (
        <ul className="compose-problems" aria-label="Problems in the compose file">
          {problems.map((p, i) => (
            <li key={i}>{p.line === null ? p.message : `Line ${p.line}: ${p.message}`}</li>
          ))}
        </ul>
      )}
      <details open={problems.some((p) => p.line !== null)}>
        <summary>The file, with line numbers</summary>
        <FileLines text={file.text} problems={problems} />
      </details>
    </section>
  );
}
