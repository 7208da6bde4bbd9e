/** A batch's outcome, item by item: how many were done, and each failure with its reason in words. */
import type { BulkResult } from '../../../shared/dto/bulk';
import { Message } from './Message';

export function BulkResults({ result, verb, onDismiss }: { result: BulkResult; verb: string; onDismiss: () => void }) {
  const failures = result.items.filter((i) => !i.ok);
  return (
    <div className="bulk-results" role="status" aria-label={`${verb} results`}>
      <p>
        <strong>
          {verb}: {result.done} of {result.items.length} done
          {result.failed > 0 ? `, ${result.failed} failed` : ''}.
        </strong>
      </p>
      {failures.length > 0 && (
        <ul aria-label="Failed items">
          {failures.map((f) => (
            <li key={f.id}>
              <span className="mono">{f.name}</span>: {f.ok ? '' : <Message text={f.error.message} />}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

/** The bar above a list while rows are selected: the count, the actions, and a way to let go of them all. */
export function SelectionBar({
  count,
  noun,
  onClear,
  children,
}: {
  count: number;
  noun: string;
  onClear: () => void;
  children: React.ReactNode;
}) {
  return (
    <div className="selection-bar" role="toolbar" aria-label={`Actions on selected ${noun}`}>
      <span className="selection-count">
        {count} {noun} selected
      </span>
      {children}
      <button type="button" className="button" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
