import { useId, useState } from 'react';
import { explainCommand, type ExplainOutcome } from '../../../../shared/explain/explain';
import { useBerth } from '../../app/store';
import { formFromSpec } from '../containers/run-form-from-spec';

const EXAMPLES = [
  'docker run -d -p 8080:80 -v data:/var/lib/x --restart unless-stopped --name web nginx',
  'docker run -it --rm -e GREETING=hello busybox sh',
  'docker build -t myapp:1.0 --target run --build-arg VERSION=2 .',
  'docker network create --internal backend',
];

const ROLE_NAMES = {
  program: 'Program',
  global: 'CLI option',
  command: 'Command',
  flag: 'Option',
  image: 'Image',
  'container-command': 'Command in the container',
  argument: 'Argument',
} as const;

/**
 * Paste a docker command, read what each part does: the parser is the CLI's (shared/explain), and "Open in the
 * form" hands the parts Berth can do to the run or build form, whose own command twin then says the same.
 */
export function CommandExplainer({ initial = '' }: { initial?: string }) {
  const id = useId();
  const navigate = useBerth((s) => s.navigate);
  const setRunDraft = useBerth((s) => s.setRunDraft);
  const setBuildForm = useBerth((s) => s.setBuildForm);
  const [text, setText] = useState(initial);
  const [outcome, setOutcome] = useState<ExplainOutcome | null>(initial ? explainCommand(initial) : null);

  const explain = (line: string) => {
    setText(line);
    setOutcome(explainCommand(line));
  };

  const openRun = () => {
    if (!outcome?.ok || !outcome.value.run) return;
    setRunDraft(formFromSpec(outcome.value.run.spec));
    navigate({ section: 'containers' });
  };
  const openBuild = () => {
    const build = outcome?.ok ? outcome.value.build : undefined;
    if (!build) return;
    setBuildForm({
      // Berth needs the folder's full path: a relative context ("." ) is left for the folder picker.
      contextPath: build.context.startsWith('/') ? build.context : '',
      dockerfile: build.dockerfile ?? 'Dockerfile',
      tags: build.tags.join(' '),
      buildArgs: Object.entries(build.buildArgs).map(([name, value]) => ({ name, value })),
      target: build.target ?? '',
      noCache: build.noCache,
      pull: build.pull,
    });
    navigate({ section: 'build' });
  };

  const value = outcome?.ok ? outcome.value : null;
  const notInForm = value?.run?.notInForm ?? value?.build?.notInForm ?? [];
  return (
    <section className="card explainer" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Explain a command</h2>
      <p className="muted" id={`${id}-hint`}>
        Paste a docker run, create, build, exec, volume create, network create or compose up line from a README or an
        answer. Berth reads it the way the docker CLI does and says what each part does.
      </p>
      <form
        className="explainer-form"
        onSubmit={(e) => {
          e.preventDefault();
          explain(text);
        }}
      >
        <label htmlFor={`${id}-input`}>Docker command</label>
        <textarea
          id={`${id}-input`}
          className="explainer-input"
          rows={3}
          spellCheck={false}
          aria-describedby={`${id}-hint`}
          value={text}
          placeholder="docker run -d -p 8080:80 nginx"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              explain(text);
            }
          }}
        />
        <div className="explainer-actions">
          <button type="submit" className="button button-primary">
            Explain
          </button>
          <span className="muted">Examples:</span>
          {EXAMPLES.map((example, i) => (
            <button
              key={example}
              type="button"
              className="button button-compact"
              aria-label={`Example ${i + 1}: ${example}`}
              title={example}
              onClick={() => explain(example)}
            >
              Example {i + 1}
            </button>
          ))}
        </div>
      </form>
      <div aria-live="polite">
        {outcome && !outcome.ok && (
          <p className="explainer-error" role="alert">
            {outcome.error}
          </p>
        )}
        {value && (
          <div className="explainer-result">
            <p className="explainer-summary">
              <strong>{value.summary}</strong>
            </p>
            {value.notes.map((note) => (
              <p key={note} className="muted">
                {note}
              </p>
            ))}
            {value.problems.length > 0 && (
              <div className="explainer-problems" role="alert">
                <h3>Problems</h3>
                <ul>
                  {value.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </div>
            )}
            <table className="explainer-parts">
              <caption className="sr-only">Each part of the command</caption>
              <thead>
                <tr>
                  <th scope="col">Part</th>
                  <th scope="col">What it does</th>
                  <th scope="col">On the engine</th>
                </tr>
              </thead>
              <tbody>
                {value.parts.map((part, i) => (
                  <tr key={`${i}-${part.text}`} className={part.problem ? 'explainer-bad' : undefined}>
                    <th scope="row">
                      <code>{part.text}</code>
                      <span className="explainer-role">{ROLE_NAMES[part.role]}</span>
                    </th>
                    <td>
                      {part.says}
                      {part.problem && <span className="explainer-problem"> {part.problem}</span>}
                      {!part.inForm && !part.problem && (
                        <span className="explainer-not-in-form"> Berth’s form cannot set this.</span>
                      )}
                    </td>
                    <td>{part.engine ? <code>{part.engine}</code> : <span className="muted">—</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {(value.run || value.build) && (
              <div className="explainer-actions">
                {value.run && (
                  <button type="button" className="button button-primary" onClick={openRun}>
                    Open in the run form
                  </button>
                )}
                {value.build && (
                  <button type="button" className="button button-primary" onClick={openBuild}>
                    Open in the build form
                  </button>
                )}
                {notInForm.length > 0 && (
                  <span className="muted">
                    The form leaves out {notInForm.join(', ')}: Berth cannot do {notInForm.length === 1 ? 'it' : 'them'}{' '}
                    yet.
                  </span>
                )}
                {value.run && !value.run.start && (
                  <span className="muted">
                    The form creates and starts the container; docker create only creates it.
                  </span>
                )}
              </div>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
