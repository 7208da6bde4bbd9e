import { useState } from 'react';
import { tagAction } from '../../../../shared/cli/images.cli';
import { checkTagTarget } from '../../../../shared/image-reference';
import type { BerthError } from '../../../../shared/result';
import { useBerth } from '../../app/store';
import { CommandPreview, Dialog, DialogButtons, DialogError } from '../../ui/Dialog';

export function TagDialog({ source, onClose }: { source: string; onClose: () => void }) {
  const tagImage = useBerth((s) => s.tagImage);
  const [target, setTarget] = useState('');
  const [error, setError] = useState<BerthError | string | null>(null);
  const [busy, setBusy] = useState(false);
  const check = target.trim() === '' ? null : checkTagTarget(target);

  const submit = async () => {
    // The engine is asked even when the local check fails, so a bad name gets the same sentence either way.
    setBusy(true);
    const result = await tagImage(source, target.trim());
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.error);
  };

  return (
    <Dialog title={`Tag ${source}`} onClose={onClose}>
      <form
        className="dialog-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label className="field">
          <span>New name</span>
          <input
            autoFocus
            value={target}
            placeholder="myapp:1.0 or 127.0.0.1:5000/myapp:1.0"
            spellCheck={false}
            onChange={(event) => {
              setTarget(event.target.value);
              setError(null);
            }}
            aria-invalid={check !== null && !check.ok}
          />
        </label>
        <p className="muted small">
          A tag is another name for the same image; nothing is copied. Without <code>:tag</code> the name gets{' '}
          <code>:latest</code>, which is only the default tag name.
        </p>
        {check !== null && !check.ok && error === null && <p className="field-hint">{check.message}</p>}
        <CommandPreview command={tagAction(source, target.trim() || 'NEW-NAME').command} />
        <DialogError error={error} />
        <DialogButtons>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={target.trim() === ''} aria-busy={busy}>
            Add tag
          </button>
        </DialogButtons>
      </form>
    </Dialog>
  );
}
