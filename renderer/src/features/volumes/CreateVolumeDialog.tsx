import { useState } from 'react';
import { createVolumeAction } from '../../../../shared/cli/volumes.cli';
import type { BerthError } from '../../../../shared/result';
import { Command } from '../../ui/Command';
import { Dialog, DialogButtons, DialogError } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { useBerth } from '../../app/store';
import { emptyVolumeForm, readVolumeForm, type VolumeField, type VolumeForm } from './volume-form';

/** Name, driver, options and labels, with the `docker volume create` line kept up to date. */
export function CreateVolumeDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated?: (name: string) => void;
}) {
  const create = useBerth((s) => s.createVolume);
  const [form, setForm] = useState<VolumeForm>(emptyVolumeForm);
  const [touched, setTouched] = useState<ReadonlySet<VolumeField>>(new Set());
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<BerthError | null>(null);
  const { spec, errors } = readVolumeForm(form);
  const shown = (field: VolumeField) => (touched.has(field) ? errors[field] : undefined);
  const bind = (field: VolumeField) => ({
    value: form[field],
    onChange: (e: { target: { value: string } }) => {
      setForm((f) => ({ ...f, [field]: e.target.value }));
      setTouched((t) => new Set(t).add(field));
      setFailure(null);
    },
  });

  const submit = async () => {
    setTouched(new Set(Object.keys(form) as VolumeField[]));
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    const result = await create(spec);
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    onCreated?.(result.value.name);
    onClose();
  };

  return (
    <Dialog title="Create a volume" onClose={onClose}>
      <form
        className="res-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field label="Volume name" error={shown('name')} hint="Optional: without one, the engine makes up a long id.">
          {(p) => <input {...p} autoFocus autoComplete="off" {...bind('name')} />}
        </Field>
        <Field label="Driver" error={shown('driver')} hint="local keeps the data on this engine's disk.">
          {(p) => <input {...p} autoComplete="off" {...bind('driver')} />}
        </Field>
        <Field label="Driver options" error={shown('options')} hint="One a line: key=value (e.g. type=tmpfs).">
          {(p) => <textarea {...p} rows={2} {...bind('options')} />}
        </Field>
        <Field label="Labels" error={shown('labels')} hint="One a line: key=value.">
          {(p) => <textarea {...p} rows={2} {...bind('labels')} />}
        </Field>
        <p className="dialog-command" aria-live="polite">
          <span className="muted">Same as </span>
          <Command>{createVolumeAction(spec).command}</Command>
        </p>
        <DialogError error={failure} />
        <DialogButtons>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" aria-busy={busy} disabled={busy}>
            Create volume
          </button>
        </DialogButtons>
      </form>
    </Dialog>
  );
}
