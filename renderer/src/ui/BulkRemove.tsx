/**
 * Removing many images, volumes or networks at once: ONE confirmation that lists, item by item, what goes and
 * which ones the engine will refuse (and why), the docker twin, then a result per item above the list.
 */
import { useState, type ReactNode } from 'react';
import type { BulkResult } from '../../../shared/dto/bulk';
import type { BerthError, Result } from '../../../shared/result';
import { BulkResults, SelectionBar } from './BulkResults';
import { CommandPreview, Dialog, DialogButtons, DialogError } from './Dialog';

/** One selected item in the confirmation: what removing it destroys, or why the engine will refuse it. */
export interface LossLine {
  readonly key: string;
  readonly name: string;
  readonly loss: string;
  /** Known in advance: this one will fail for this reason, and the others still go. */
  readonly refused?: string;
}

export const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

export function BulkRemoveDialog({
  noun,
  count,
  intro,
  lines,
  measuring,
  command,
  options,
  onConfirm,
  onDone,
  onClose,
}: {
  /** Singular: "image", "volume", "network". */
  noun: string;
  count: number;
  intro: ReactNode;
  lines: readonly LossLine[];
  /** Shown while something (sizes) is still being measured; the removal does not wait for it. */
  measuring?: string;
  command: string;
  options?: ReactNode;
  onConfirm: () => Promise<Result<BulkResult>>;
  onDone: (result: BulkResult) => void;
  onClose: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthError | null>(null);
  const refused = lines.filter((l) => l.refused !== undefined).length;
  const title = `Remove ${plural(count, noun)}`;
  const run = async () => {
    setBusy(true);
    setError(null);
    const result = await onConfirm();
    setBusy(false);
    if (result.ok) onDone(result.value);
    else setError(result.error);
  };
  return (
    <Dialog title={title} onClose={onClose} wide>
      <form onSubmit={(e) => (e.preventDefault(), void run())}>
        <p>{intro}</p>
        {measuring !== undefined && <p aria-busy="true">{measuring}</p>}
        <ul className="bulk-loss-list" aria-label="What will be lost">
          {lines.map((l) => (
            <li key={l.key}>
              <strong className="mono">{l.name}</strong>: {l.loss}
              {l.refused !== undefined && (
                <span className="bulk-refused">
                  {' '}
                  <strong>Will fail:</strong> {l.refused}
                </span>
              )}
            </li>
          ))}
        </ul>
        {refused > 0 && (
          <p role="note">
            {refused === count
              ? `The engine will refuse ${count === 1 ? 'it' : 'all of them'}, for the reason${count === 1 ? '' : 's'} above.`
              : `${refused} of them will fail for the reason${refused === 1 ? '' : 's'} above; the other ${count - refused} are removed.`}
          </p>
        )}
        {options}
        <CommandPreview command={command} />
        <DialogError error={error} />
        <DialogButtons>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-danger" disabled={busy} aria-busy={busy}>
            {title}
          </button>
        </DialogButtons>
      </form>
    </Dialog>
  );
}

/** Which rows the confirmation is open for, and the last batch's results (shown above the list until dismissed). */
export function useBulkRemoval() {
  const [asking, setAsking] = useState<readonly string[] | null>(null);
  const [outcome, setOutcome] = useState<BulkResult | null>(null);
  return {
    asking,
    ask: (keys: readonly string[]) => setAsking(keys.length > 0 ? keys : null),
    close: () => setAsking(null),
    done: (result: BulkResult) => {
      setAsking(null);
      setOutcome(result);
    },
    results: outcome && <BulkResults result={outcome} verb="Remove" onDismiss={() => setOutcome(null)} />,
  };
}

/** Above a list: while rows are selected, their count and Remove selected…; after a batch, its results. */
export function RemoveSelectedBar({
  noun,
  selected,
  onClear,
  bulk,
}: {
  /** Singular: "image", "volume", "network". */
  noun: string;
  selected: readonly string[];
  onClear: () => void;
  bulk: ReturnType<typeof useBulkRemoval>;
}) {
  const count = selected.length;
  return (
    <>
      {count > 0 && (
        <SelectionBar count={count} noun={count === 1 ? noun : `${noun}s`} onClear={onClear}>
          <button type="button" className="button button-danger" onClick={() => bulk.ask(selected)}>
            Remove selected…
          </button>
        </SelectionBar>
      )}
      {bulk.results}
    </>
  );
}
