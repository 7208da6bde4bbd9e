import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { runAction } from '../../../../shared/cli/containers.cli';
import { RESTART_POLICIES, type RunSpec } from '../../../../shared/dto/containers';
import type { BerthError } from '../../../../shared/result';
import { Command } from '../../ui/Command';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useBerth } from '../../app/store';
import { Dialog } from '../../ui/Dialog';
import { emptyRunForm, readRunForm, type RunField, type RunForm } from './run-form';
import { VolumePicker } from './VolumePicker';

function Field({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: string;
  error: string | undefined;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const note = `${id}-note`;
  return (
    <div className="ctr-field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error !== undefined, ...(error || hint ? { 'aria-describedby': note } : {}) })}
      {error ? (
        <p id={note} className="ctr-field-error">
          {error}
        </p>
      ) : hint ? (
        <p id={note} className="ctr-field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** The form put to another use than creating (edit and recreate): its title, button, command and own notes. */
export interface RunFormMode {
  readonly title: string;
  readonly submitLabel: string;
  /** The container being edited: its own name is not "taken", and it keeps it. */
  readonly ownName: string;
  /** The command the action amounts to for the spec as it stands. */
  readonly command: (spec: RunSpec) => string;
  /** Shown under the fields (the diff, what is lost), for the spec as it stands. */
  readonly notes: (spec: RunSpec) => ReactNode;
  /** Does the action; an error keeps the form open with it, null means the mode took over. */
  readonly submit: (spec: RunSpec) => Promise<BerthError | null>;
}

/** The create-and-run form, with the `docker run` line it amounts to kept up to date as it changes. */
export function CreateContainerDialog({
  onClose,
  image = '',
  initial,
  mode,
}: {
  onClose: () => void;
  image?: string;
  /** Fields filled in already (a container's own settings, or a command pasted into the explainer). */
  initial?: RunForm;
  mode?: RunFormMode;
}) {
  const listContainers = useBerth((s) => s.listContainers);
  const runContainer = useBerth((s) => s.runContainer);
  const navigate = useBerth((s) => s.navigate);
  const images = useBerth(useShallow((s) => s.images));
  const refreshImages = useBerth((s) => s.refreshImages);
  const networks = useBerth(useShallow((s) => s.networks));
  const refreshNetworks = useBerth((s) => s.refreshNetworks);
  const refreshVolumes = useBerth((s) => s.refreshVolumes);
  const [form, setForm] = useState<RunForm>(() => initial ?? emptyRunForm(image));
  // A form filled from a pasted command shows what is wrong with it at once (an edit starts from what works).
  const [touched, setTouched] = useState<ReadonlySet<RunField>>(
    () => new Set(initial && mode === undefined ? (Object.keys(initial) as RunField[]) : []),
  );
  const [takenNames, setTakenNames] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<BerthError | null>(null);

  useEffect(() => {
    void refreshImages();
    void refreshNetworks();
    void refreshVolumes();
    void listContainers({ all: true }).then((r) => {
      if (r.ok) setTakenNames(new Set(r.value.map((c) => c.name).filter((n) => n !== mode?.ownName)));
    });
  }, [listContainers, refreshImages, refreshNetworks, refreshVolumes, mode?.ownName]);

  const localImages = useMemo(() => new Set(images.flatMap((i) => [...i.repoTags, i.id])), [images]);
  const tags = useMemo(() => images.flatMap((i) => i.repoTags).filter((t) => t !== '<none>:<none>'), [images]);
  const { spec, errors } = readRunForm(form, { takenNames, localImages });
  const command = mode ? mode.command(spec) : runAction(spec).command;
  const shown = (field: RunField) => (touched.has(field) ? errors[field] : undefined);

  const set = <K extends RunField>(field: K, value: RunForm[K]) => {
    setForm((f) => ({ ...f, [field]: value }));
    setTouched((t) => new Set(t).add(field));
    setFailure(null);
  };
  const text = (field: Exclude<RunField, 'restart' | 'autoRemove' | 'interactive' | 'tty'>) => ({
    value: form[field],
    onChange: (e: { target: { value: string } }) => set(field, e.target.value),
  });

  const submit = async () => {
    setTouched(new Set(Object.keys(form) as RunField[]));
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    if (mode) {
      const error = await mode.submit(spec);
      setBusy(false);
      if (error) setFailure(error);
      return;
    }
    const result = await runContainer(spec);
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    onClose();
    navigate({ section: 'containers', id: result.value.id, tab: 'overview' });
  };

  return (
    <Dialog title={mode?.title ?? 'Create and run a container'} onClose={onClose} className="ctr-dialog" wide>
      <form
        className="run-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="ctr-form-grid">
          <Field
            label="Image"
            error={shown('image')}
            hint="An image on this engine: the template the container is made from."
          >
            {(p) => (
              <>
                <input {...p} list="run-images" autoFocus autoComplete="off" {...text('image')} />
                <datalist id="run-images">
                  {tags.map((t) => (
                    <option key={t} value={t} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          {mode ? (
            <Field label="Name" error={undefined} hint="It keeps its name; rename it from the page's toolbar.">
              {(p) => <input {...p} readOnly value={mode.ownName} />}
            </Field>
          ) : (
            <Field label="Name" error={shown('name')} hint="Optional; Docker picks one when empty.">
              {(p) => <input {...p} autoComplete="off" {...text('name')} />}
            </Field>
          )}
          <Field label="Command" error={shown('command')} hint="Replaces the image's CMD, e.g. sleep 3600.">
            {(p) => <input {...p} className="mono" {...text('command')} />}
          </Field>
          <Field label="Entrypoint" error={shown('entrypoint')} hint="Replaces the image's ENTRYPOINT (one program).">
            {(p) => <input {...p} className="mono" {...text('entrypoint')} />}
          </Field>
          <Field
            label="Ports"
            error={shown('ports')}
            hint="One a line: HOST:CONTAINER, e.g. 8080:80 or 127.0.0.1:53:53/udp."
          >
            {(p) => <textarea {...p} rows={2} className="mono" {...text('ports')} />}
          </Field>
          <Field label="Environment" error={shown('env')} hint="One a line: KEY=value.">
            {(p) => <textarea {...p} rows={2} className="mono" {...text('env')} />}
          </Field>
          <Field
            label="Volumes and bind mounts"
            error={shown('mounts')}
            hint="One a line: /host/path:/in/container[:ro] or volume:/path."
          >
            {(p) => <textarea {...p} rows={2} className="mono" {...text('mounts')} />}
          </Field>
          <VolumePicker
            onAdd={(line) => set('mounts', form.mounts.trim() === '' ? line : `${form.mounts.trimEnd()}\n${line}`)}
          />
          <Field label="Labels" error={shown('labels')} hint="One a line: key=value.">
            {(p) => <textarea {...p} rows={2} className="mono" {...text('labels')} />}
          </Field>
          <Field label="Working directory" error={shown('workingDir')}>
            {(p) => <input {...p} className="mono" {...text('workingDir')} />}
          </Field>
          <Field label="User" error={shown('user')} hint="name, uid, or uid:gid.">
            {(p) => <input {...p} className="mono" {...text('user')} />}
          </Field>
          <Field
            label="Restart policy"
            error={undefined}
            hint="What the engine does when the container stops by itself."
          >
            {(p) => (
              <select
                {...p}
                value={form.restart}
                onChange={(e) => set('restart', e.target.value as RunForm['restart'])}
              >
                {RESTART_POLICIES.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Network" error={undefined} hint="Containers on a network you created reach each other by name.">
            {(p) => (
              <select {...p} value={form.network} onChange={(e) => set('network', e.target.value)}>
                <option value="">Default bridge</option>
                {networks
                  .filter((n) => n.name !== 'bridge')
                  .map((n) => (
                    <option key={n.id} value={n.name}>
                      {n.name}
                    </option>
                  ))}
              </select>
            )}
          </Field>
          <Field
            label="Network aliases"
            error={shown('networkAliases')}
            hint="Other names it answers to on that network, separated by spaces."
          >
            {(p) => <input {...p} className="mono" autoComplete="off" {...text('networkAliases')} />}
          </Field>
          <Field label="CPU limit" error={shown('cpus')} hint="In CPUs, e.g. 0.5; empty for no limit.">
            {(p) => <input {...p} inputMode="decimal" {...text('cpus')} />}
          </Field>
          <Field label="Memory limit" error={shown('memory')} hint="e.g. 512m or 1g; empty for no limit.">
            {(p) => <input {...p} className="mono" {...text('memory')} />}
          </Field>
          {form.restart === 'on-failure' && (
            <Field label="Maximum retries" error={shown('maxRetries')}>
              {(p) => <input {...p} inputMode="numeric" {...text('maxRetries')} />}
            </Field>
          )}
        </div>
        <fieldset className="ctr-checks">
          <legend className="sr-only">Options</legend>
          <label>
            <input type="checkbox" checked={form.autoRemove} onChange={(e) => set('autoRemove', e.target.checked)} />{' '}
            Remove it when it stops (--rm)
          </label>
          <label>
            <input type="checkbox" checked={form.interactive} onChange={(e) => set('interactive', e.target.checked)} />{' '}
            Keep standard input open (-i)
          </label>
          <label>
            <input type="checkbox" checked={form.tty} onChange={(e) => set('tty', e.target.checked)} /> Give it a
            terminal (-t)
          </label>
        </fieldset>
        {mode?.notes(spec)}
        <div className="ctr-dialog-footer">
          <div className="ctr-live-command" aria-live="polite">
            <span className="muted">The same from a terminal:</span> <Command>{command}</Command>
          </div>
          <ErrorNotice error={failure ?? null} className="ctr-form-failure" />
          <div className="ctr-dialog-actions">
            <button
              type="button"
              className="button"
              onClick={() => {
                onClose();
                navigate({ section: 'learn', id: 'explain' });
              }}
            >
              Explain a command…
            </button>
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button button-primary" aria-busy={busy} disabled={busy}>
              {mode?.submitLabel ?? 'Create and run'}
            </button>
          </div>
        </div>
      </form>
    </Dialog>
  );
}
