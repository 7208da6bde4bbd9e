import { useState } from 'react';
import type { LoadedImages } from '../../../../shared/dto/desktop';
import type { BerthError } from '../../../../shared/result';
import { useBerth } from '../../app/store';

type Loaded = Extract<LoadedImages, { cancelled: false }>;

/** Load from tar in the desktop app: the native open dialog is the whole form, so the outcome shows on the list. */
export function useNativeLoad() {
  const loadFromFile = useBerth((s) => s.loadImageFromFile);
  const [busy, setBusy] = useState(false);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<BerthError | null>(null);
  const run = async () => {
    setError(null);
    setLoaded(null);
    setBusy(true);
    const result = await loadFromFile();
    setBusy(false);
    if (!result.ok) setError(result.error);
    else if (!result.value.cancelled) setLoaded(result.value);
  };
  return { run, busy, loaded, error };
}
