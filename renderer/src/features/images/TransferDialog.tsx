import { useEffect, useRef, useState } from 'react';
import { pullAction, pushAction } from '../../../../shared/cli/images.cli';
import { parseReference } from '../../../../shared/image-reference';
import type { BerthError } from '../../../../shared/result';
import type { Unsubscribe } from '../../../../shared/stream';
import { formatBytes } from '../../ui/format-bytes';
import { useBerth } from '../../app/store';
import { CommandPreview, Dialog, DialogButtons, DialogError } from '../../ui/Dialog';
import { progressMilestones } from '../../ui/announce';
import { applyTransferEvents, EMPTY_PROGRESS, overallFraction, type TransferProgress } from './transfer-progress';

type Phase = 'form' | 'running' | 'done' | 'failed' | 'cancelled';

/** Pull (a name typed here) or push (the given tag), with per-layer progress, an overall bar and cancel. */
export function TransferDialog({
  kind,
  initial = '',
  onClose,
}: {
  kind: 'pull' | 'push';
  initial?: string;
  onClose: () => void;
}) {
  const transfer = useBerth((s) => s.transferImage);
  const [reference, setReference] = useState(initial);
  const [phase, setPhase] = useState<Phase>('form');
  const [progress, setProgress] = useState<TransferProgress>(EMPTY_PROGRESS);
  const [error, setError] = useState<BerthError | string | null>(null);
  const stop = useRef<Unsubscribe | null>(null);
  useEffect(() => () => stop.current?.(), []);

  const verb = kind === 'pull' ? 'Pull' : 'Push';
  const action = (kind === 'pull' ? pullAction : pushAction)(reference.trim() || 'NAME:TAG');

  // Screen readers hear the milestones (started, half done, the outcome), not every progress event.
  const milestones = useRef<ReturnType<typeof progressMilestones> | null>(null);
  const start = () => {
    const check = parseReference(reference);
    if (!check.ok) return setError(check.message);
    setError(null);
    setProgress(EMPTY_PROGRESS);
    setPhase('running');
    const said = progressMilestones(`${verb} of ${reference.trim()}`);
    milestones.current = said;
    said.start();
    stop.current = transfer(kind, reference.trim(), (message) => {
      if (message.type === 'data')
        setProgress((p) => {
          const next = applyTransferEvents(p, message.items);
          said.report(overallFraction(next, kind));
          return next;
        });
      else if (message.type === 'end') {
        setPhase('done');
        said.done('finished.');
      } else {
        setError(message.error);
        setPhase('failed');
        said.done(`failed: ${typeof message.error === 'string' ? message.error : message.error.message}`);
      }
    });
  };

  const cancel = () => {
    stop.current?.();
    stop.current = null;
    setPhase('cancelled');
    milestones.current?.done('cancelled.');
  };

  const fraction = overallFraction(progress, kind);
  return (
    <Dialog title={`${verb} an image`} onClose={phase === 'running' ? cancel : onClose} wide>
      <form
        className="dialog-form"
        onSubmit={(event) => {
          event.preventDefault();
          start();
        }}
      >
        <label className="field">
          <span>Image name</span>
          <input
            autoFocus
            value={reference}
            readOnly={kind === 'push' || phase === 'running'}
            placeholder="busybox:1.36 or 127.0.0.1:5000/app:1"
            spellCheck={false}
            onChange={(event) => setReference(event.target.value)}
          />
        </label>
        <CommandPreview command={action.command} />
        {phase !== 'form' && (
          <>
            <div className="progress-head">
              <span>{phaseText(phase, verb)}</span>
              <span className="muted">{Math.round(fraction * 100)}%</span>
            </div>
            <progress
              className="progress-overall"
              aria-label={`${verb} progress`}
              max={1}
              value={phase === 'done' ? 1 : fraction}
            />
            <ul className="layer-progress" aria-label="Layers">
              {progress.layers.map((l) => (
                <li key={l.id}>
                  <span className="mono">{l.id}</span>
                  <span className="layer-status">{l.status}</span>
                  <span className="muted num">
                    {l.total > 0 ? `${formatBytes(l.current)} / ${formatBytes(l.total)}` : ''}
                  </span>
                  <progress
                    max={1}
                    value={l.total > 0 ? l.current / l.total : l.phase === 'done' ? 1 : 0}
                    aria-hidden
                  />
                </li>
              ))}
            </ul>
            {progress.messages.length > 0 && <p className="muted small">{progress.messages.at(-1)}</p>}
          </>
        )}
        <DialogError error={error} onRetry={start} />
        <DialogButtons>
          {phase === 'running' ? (
            <button type="button" className="button" onClick={cancel}>
              Cancel {kind}
            </button>
          ) : (
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
          )}
          {phase !== 'running' && phase !== 'done' && (
            <button type="submit" className="button button-primary" disabled={reference.trim() === ''}>
              {phase === 'form' ? verb : `${verb} again`}
            </button>
          )}
        </DialogButtons>
      </form>
    </Dialog>
  );
}

function phaseText(phase: Phase, verb: string): string {
  switch (phase) {
    case 'running':
      return `${verb === 'Pull' ? 'Pulling' : 'Pushing'}…`;
    case 'done':
      return `${verb} finished.`;
    case 'failed':
      return `${verb} failed.`;
    case 'cancelled':
      return `${verb} cancelled.`;
    case 'form':
      return '';
  }
}
