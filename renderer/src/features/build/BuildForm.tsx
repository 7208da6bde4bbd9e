import { useMemo, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { buildCommand } from '../../../../shared/cli/build.cli';
import { parseDockerfile } from '../../../../shared/dockerfile';
import { Command } from '../../ui/Command';
import { FormField } from '../../ui/FormField';
import { Message } from '../../ui/Message';
import { useNativeDialogs } from '../desktop/use-native-dialogs';
import { buildOptionsFromForm, type BuildArgRow, type BuildForm as BuildFormState } from './build.slice';
import { useBerth } from '../../app/store';
import { CONTEXT_EXPLAINER } from './explain';

function BuildArgs() {
  const rows = useBerth(useShallow((s) => s.buildForm.buildArgs));
  const setForm = useBerth((s) => s.setBuildForm);
  const change = (index: number, patch: Partial<BuildArgRow>) =>
    setForm({ buildArgs: rows.map((row, i) => (i === index ? { ...row, ...patch } : row)) });
  return (
    <fieldset className="build-args">
      <legend>Build args</legend>
      {rows.map((row, i) => (
        <div className="build-arg-row" key={i}>
          <input
            aria-label={`Build arg ${i + 1} name`}
            placeholder="NAME"
            value={row.name}
            onChange={(e) => change(i, { name: e.target.value })}
          />
          <span aria-hidden="true">=</span>
          <input
            aria-label={`Build arg ${i + 1} value`}
            placeholder="value"
            value={row.value}
            onChange={(e) => change(i, { value: e.target.value })}
          />
          <button
            type="button"
            className="button"
            aria-label={`Remove build arg ${row.name || i + 1}`}
            onClick={() => setForm({ buildArgs: rows.filter((_, j) => j !== i) })}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => setForm({ buildArgs: [...rows, { name: '', value: '' }] })}
      >
        Add build arg
      </button>
    </fieldset>
  );
}

/** Builder, network, platform, labels and secrets: the options most builds leave alone. */
function BuildMoreOptions() {
  const form = useBerth((s) => s.buildForm);
  const setForm = useBerth((s) => s.setBuildForm);
  return (
    <fieldset className="build-more build-wide">
      <legend>More options</legend>
      <div className="build-field">
        <label htmlFor="build-builder">Builder</label>
        <select
          id="build-builder"
          value={form.builder}
          onChange={(e) => setForm({ builder: e.target.value as BuildFormState['builder'] })}
        >
          <option value="auto">Automatic (BuildKit where the engine has it)</option>
          <option value="buildkit">BuildKit</option>
          <option value="classic">Classic builder</option>
        </select>
      </div>
      <div className="build-field">
        <label htmlFor="build-network">Network for RUN steps</label>
        <select
          id="build-network"
          value={form.network}
          onChange={(e) => setForm({ network: e.target.value as BuildFormState['network'] })}
        >
          <option value="default">Default</option>
          <option value="none">None (no network)</option>
          <option value="host">Host</option>
        </select>
      </div>
      <div className="build-field">
        <FormField
          id="build-platform"
          label="Platform"
          className="mono"
          placeholder="the engine's own, e.g. linux/amd64"
          spellCheck={false}
          value={form.platform}
          onChange={(e) => setForm({ platform: e.target.value })}
        />
      </div>
      <div className="build-field">
        <label htmlFor="build-labels">Labels (one key=value per line)</label>
        <textarea
          id="build-labels"
          className="mono"
          rows={2}
          spellCheck={false}
          value={form.labels}
          onChange={(e) => setForm({ labels: e.target.value })}
        />
      </div>
      <div className="build-field build-wide">
        <label htmlFor="build-secrets">Secrets (one per line: id=NAME,src=/path/to/file or id=NAME,env=VARIABLE)</label>
        <textarea
          id="build-secrets"
          className="mono"
          rows={2}
          spellCheck={false}
          aria-describedby="build-secrets-help"
          value={form.secrets}
          onChange={(e) => setForm({ secrets: e.target.value })}
        />
        <p id="build-secrets-help" className="build-help">
          A RUN step reads a secret with <code>RUN --mount=type=secret,id=NAME</code> at /run/secrets/NAME. Berth reads
          the value when the build starts and hands it to BuildKit only: it is not stored in the image, the history, the
          log or the build history. Secrets need BuildKit.
        </p>
      </div>
    </fieldset>
  );
}

/** The desktop app's folder dialog for the context; the chosen folder is previewed at once. */
function ChooseContext({ onError }: { onError: (message: string | null) => void }) {
  const pickFolder = useBerth((s) => s.pickFolder);
  const setForm = useBerth((s) => s.setBuildForm);
  const previewContext = useBerth((s) => s.previewBuildContext);
  const choose = async () => {
    onError(null);
    const result = await pickFolder('Choose the build context folder');
    if (!result.ok) return onError(result.error.message);
    if (result.value.cancelled) return;
    setForm({ contextPath: result.value.path });
    await previewContext();
  };
  return (
    <button
      type="button"
      className="button"
      aria-label="Choose a folder for the build context"
      onClick={() => void choose()}
    >
      Choose…
    </button>
  );
}

/** The folder, Dockerfile, tags and options of a build, with the equivalent docker command shown live. */
export function BuildForm() {
  const form = useBerth((s) => s.buildForm);
  const preview = useBerth((s) => s.buildPreview);
  const previewLoad = useBerth((s) => s.buildPreviewLoad);
  const running = useBerth((s) => s.buildRun.status === 'running');
  const setForm = useBerth((s) => s.setBuildForm);
  const previewContext = useBerth((s) => s.previewBuildContext);
  const startBuild = useBerth((s) => s.startBuild);
  const cancelBuild = useBerth((s) => s.cancelBuild);
  const native = useNativeDialogs();
  const [pickError, setPickError] = useState<string | null>(null);
  const options = useMemo(() => buildOptionsFromForm(form), [form]);
  const stages = useMemo(
    () => (preview ? parseDockerfile(preview.dockerfileText).stages.flatMap((s) => (s.name ? [s.name] : [])) : []),
    [preview],
  );
  const hasPath = options.contextPath !== '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (hasPath) void previewContext();
  };
  return (
    <form className="card build-form" aria-label="Build settings" onSubmit={submit}>
      <div className="build-field build-wide">
        <label htmlFor="build-context">Context folder</label>
        <div className="build-field-row">
          <input
            id="build-context"
            className="mono"
            placeholder="/home/me/my-app"
            spellCheck={false}
            value={form.contextPath}
            onChange={(e) => setForm({ contextPath: e.target.value })}
          />
          {native && <ChooseContext onError={setPickError} />}
          <button type="submit" className="button" disabled={!hasPath} aria-busy={previewLoad === 'loading'}>
            Preview context
          </button>
        </div>
        {pickError !== null && (
          <p className="load-error" role="alert">
            <Message text={pickError} />
          </p>
        )}
        <p className="build-help">{CONTEXT_EXPLAINER}</p>
      </div>
      <div className="build-field">
        <FormField
          id="build-dockerfile"
          label="Dockerfile"
          className="mono"
          list="build-dockerfiles"
          spellCheck={false}
          value={form.dockerfile}
          onChange={(e) => setForm({ dockerfile: e.target.value })}
          onBlur={() => hasPath && preview !== null && void previewContext()}
        />
        <datalist id="build-dockerfiles">
          {preview?.dockerfiles.map((file) => (
            <option key={file} value={file} />
          ))}
        </datalist>
      </div>
      <div className="build-field">
        <FormField
          id="build-tags"
          label="Tags"
          className="mono"
          placeholder="my-app:1.0"
          spellCheck={false}
          value={form.tags}
          onChange={(e) => setForm({ tags: e.target.value })}
        />
      </div>
      <div className="build-field">
        <FormField
          id="build-target"
          label="Target stage"
          className="mono"
          list="build-stages"
          placeholder={stages.length > 0 ? 'the last stage' : 'none'}
          spellCheck={false}
          value={form.target}
          onChange={(e) => setForm({ target: e.target.value })}
        />
        <datalist id="build-stages">
          {stages.map((stage) => (
            <option key={stage} value={stage} />
          ))}
        </datalist>
      </div>
      <BuildArgs />
      <div className="build-field build-wide build-checks">
        <label>
          <input type="checkbox" checked={form.noCache} onChange={(e) => setForm({ noCache: e.target.checked })} />
          Build every step again, without the cache
        </label>
        <label>
          <input type="checkbox" checked={form.pull} onChange={(e) => setForm({ pull: e.target.checked })} />
          Pull a newer base image first
        </label>
      </div>
      <BuildMoreOptions />
      <div className="build-field build-wide">
        <span className="build-label">Same as</span>
        <Command>{hasPath ? buildCommand(options) : 'docker build PATH'}</Command>
      </div>
      <div className="build-wide build-actions">
        {running ? (
          <button type="button" className="button" onClick={cancelBuild}>
            Cancel build
          </button>
        ) : (
          <button
            type="button"
            className="button button-primary"
            disabled={!hasPath || preview?.dockerfileFound === false}
            onClick={startBuild}
          >
            Build image
          </button>
        )}
      </div>
    </form>
  );
}
