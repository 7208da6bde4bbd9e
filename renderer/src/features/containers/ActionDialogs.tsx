/** The small lifecycle dialogs (stop, kill, rename) and the parts every action dialog shares. */
import { DEFAULT_STOP_TIMEOUT_S } from '../../../../shared/dto/containers';
import { useState } from 'react';
import { checkContainerName } from '../../../../shared/cli/containers.parse';
import * as text from '../../../../shared/cli/containers.cli';
import type { ContainerOverview } from '../../../../shared/dto/containers';
import type { Result } from '../../../../shared/result';
import { Command } from '../../ui/Command';
import { useBerth } from '../../app/store';
import { Dialog } from '../../ui/Dialog';

export type Run = (work: () => Promise<Result<unknown>>) => Promise<boolean>;

export interface DialogProps {
  readonly container: ContainerOverview;
  readonly run: Run;
  readonly onClose: () => void;
}

export function Actions({
  busy,
  label,
  onClose,
  danger = false,
}: {
  busy: boolean;
  label: string;
  onClose: () => void;
  danger?: boolean;
}) {
  return (
    <div className="ctr-dialog-actions">
      <button type="button" className="button" onClick={onClose}>
        Cancel
      </button>
      <button
        type="submit"
        className={danger ? 'button ctr-button-danger' : 'button button-primary'}
        disabled={busy}
        aria-busy={busy}
      >
        {label}
      </button>
    </div>
  );
}

/** Runs an action from a dialog: closes it on success, keeps it open (the page shows the error) on failure. */
export function useSubmit(run: Run, onClose: () => void) {
  const [busy, setBusy] = useState(false);
  return {
    busy,
    submit: async (work: () => Promise<Result<unknown>>) => {
      setBusy(true);
      const done = await run(work);
      setBusy(false);
      if (done) onClose();
    },
  };
}

export function StopDialog({ container, run, onClose }: DialogProps) {
  const stopContainer = useBerth((s) => s.stopContainer);
  const [seconds, setSeconds] = useState(String(DEFAULT_STOP_TIMEOUT_S));
  const timeout = Math.min(3600, Math.max(0, Math.round(Number(seconds) || 0)));
  const { busy, submit } = useSubmit(run, onClose);
  return (
    <Dialog title={`Stop ${container.name}`} onClose={onClose} className="ctr-dialog">
      <form onSubmit={(e) => (e.preventDefault(), void submit(() => stopContainer({ id: container.id, timeout })))}>
        <p>
          Docker sends the main process SIGTERM so it can finish its work. If it has not ended after the timeout, Docker
          sends SIGKILL, which ends it at once.
        </p>
        <div className="ctr-field">
          <label htmlFor="stop-timeout">Seconds to wait before SIGKILL</label>
          <input id="stop-timeout" inputMode="numeric" value={seconds} onChange={(e) => setSeconds(e.target.value)} />
        </div>
        <Command>{text.stopAction(container.name, timeout).command}</Command>
        <Actions busy={busy} label="Stop" onClose={onClose} />
      </form>
    </Dialog>
  );
}

const SIGNALS = ['SIGKILL', 'SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2'] as const;

export function KillDialog({ container, run, onClose }: DialogProps) {
  const killContainer = useBerth((s) => s.killContainer);
  const [signal, setSignal] = useState<string>('SIGKILL');
  const { busy, submit } = useSubmit(run, onClose);
  return (
    <Dialog title={`Send a signal to ${container.name}`} onClose={onClose} className="ctr-dialog">
      <form onSubmit={(e) => (e.preventDefault(), void submit(() => killContainer({ id: container.id, signal })))}>
        <p>SIGKILL ends the main process at once, without a chance to clean up. Other signals are up to the program.</p>
        <div className="ctr-field">
          <label htmlFor="kill-signal">Signal</label>
          <select id="kill-signal" value={signal} onChange={(e) => setSignal(e.target.value)}>
            {SIGNALS.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </div>
        <Command>{text.killAction(container.name, signal).command}</Command>
        <Actions busy={busy} label="Send signal" onClose={onClose} danger={signal === 'SIGKILL'} />
      </form>
    </Dialog>
  );
}

export function RenameDialog({ container, run, onClose }: DialogProps) {
  const renameContainer = useBerth((s) => s.renameContainer);
  const [name, setName] = useState(container.name);
  const error = name === '' ? 'Write the new name.' : checkContainerName(name);
  const { busy, submit } = useSubmit(run, onClose);
  return (
    <Dialog title={`Rename ${container.name}`} onClose={onClose} className="ctr-dialog">
      <form
        onSubmit={(e) => (
          e.preventDefault(),
          error === null && void submit(() => renameContainer({ id: container.id, name }))
        )}
      >
        <div className="ctr-field">
          <label htmlFor="rename-name">New name</label>
          <input
            id="rename-name"
            value={name}
            aria-invalid={error !== null}
            aria-describedby="rename-note"
            onChange={(e) => setName(e.target.value)}
          />
          <p id="rename-note" className={error ? 'ctr-field-error' : 'ctr-field-hint'}>
            {error ?? 'Only the name changes; the container, its layer and its settings stay.'}
          </p>
        </div>
        <Command>{text.renameAction(container.name, name || 'NAME').command}</Command>
        <Actions busy={busy} label="Rename" onClose={onClose} />
      </form>
    </Dialog>
  );
}
