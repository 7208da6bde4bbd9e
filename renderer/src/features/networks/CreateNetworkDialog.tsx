import { useState } from 'react';
import { createNetworkAction } from '../../../../shared/cli/networks.cli';
import type { BerthError } from '../../../../shared/result';
import { Command } from '../../ui/Command';
import { Dialog, DialogButtons, DialogError } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { useBerth } from '../../app/store';
import { emptyNetworkForm, fieldErrors, readNetworkForm, type NetworkField, type NetworkForm } from './network-form';

/** A user-defined bridge network: name, internal, attachable, subnet, gateway, labels; `docker network create` live. */
export function CreateNetworkDialog({ onClose }: { onClose: () => void }) {
  const create = useBerth((s) => s.createNetwork);
  const navigate = useBerth((s) => s.navigate);
  const [form, setForm] = useState<NetworkForm>(emptyNetworkForm);
  const [touched, setTouched] = useState<ReadonlySet<keyof NetworkForm>>(new Set());
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<BerthError | null>(null);
  const { spec, errors } = readNetworkForm(form);
  const fromEngine = failure === null ? {} : fieldErrors(failure);
  const shown = (field: NetworkField) => fromEngine[field] ?? (touched.has(field) ? errors[field] : undefined);
  const change = <K extends keyof NetworkForm>(field: K, value: NetworkForm[K]) => {
    setForm((f) => ({ ...f, [field]: value }));
    setTouched((t) => new Set(t).add(field));
    setFailure(null);
  };
  const bind = (field: NetworkField) => ({
    value: form[field],
    onChange: (e: { target: { value: string } }) => change(field, e.target.value),
  });

  const submit = async () => {
    setTouched(new Set(Object.keys(form) as (keyof NetworkForm)[]));
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    const result = await create(spec);
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    onClose();
    navigate({ section: 'networks', id: result.value.id });
  };
  // An error placed next to its field is not repeated under the form.
  const general = failure !== null && Object.keys(fromEngine).length === 0 ? failure : null;

  return (
    <Dialog title="Create a network" onClose={onClose}>
      <form
        className="res-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field label="Network name" error={shown('name')} hint="Containers on it reach each other by name.">
          {(p) => <input {...p} autoFocus autoComplete="off" {...bind('name')} />}
        </Field>
        <Field label="Subnet" error={shown('subnet')} hint="Optional, in CIDR form, e.g. 172.28.0.0/16.">
          {(p) => <input {...p} autoComplete="off" {...bind('subnet')} />}
        </Field>
        <Field label="Gateway" error={shown('gateway')} hint="Optional, an address inside the subnet.">
          {(p) => <input {...p} autoComplete="off" {...bind('gateway')} />}
        </Field>
        <Field label="Labels" error={shown('labels')} hint="One a line: key=value.">
          {(p) => <textarea {...p} rows={2} {...bind('labels')} />}
        </Field>
        <fieldset className="res-checks">
          <legend className="sr-only">Options</legend>
          <label>
            <input type="checkbox" checked={form.internal} onChange={(e) => change('internal', e.target.checked)} />{' '}
            Internal: no way out to other networks (--internal)
          </label>
          <label>
            <input type="checkbox" checked={form.attachable} onChange={(e) => change('attachable', e.target.checked)} />{' '}
            Attachable (--attachable)
          </label>
        </fieldset>
        <p className="dialog-command" aria-live="polite">
          <span className="muted">Same as </span>
          <Command>{createNetworkAction(spec).command}</Command>
        </p>
        <DialogError error={general} />
        <DialogButtons>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" aria-busy={busy} disabled={busy}>
            Create network
          </button>
        </DialogButtons>
      </form>
    </Dialog>
  );
}
