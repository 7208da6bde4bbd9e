import { useState } from 'react';
import type { BerthError } from '../../../../shared/result';
import { useBerth } from '../../app/store';
import { startDownload, upload } from '../../ui/transfer';

/** Export: asks for a one-use address and lets the browser download the tar from it. */
export function useVolumeExport(name: string) {
  const ticket = useBerth((s) => s.volumeTicket);
  const [error, setError] = useState<BerthError | null>(null);
  const [filename, setFilename] = useState<string | null>(null);
  const run = async () => {
    setError(null);
    const result = await ticket('export', name);
    if (!result.ok) return setError(result.error);
    setFilename(result.value.filename);
    startDownload(result.value);
  };
  return { run, error, started: filename !== null, filename };
}

/** Import: uploads a tar into the volume with progress (0..1, null when idle). */
export function useVolumeImport(name: string, onDone: () => void) {
  const ticket = useBerth((s) => s.volumeTicket);
  const [error, setError] = useState<BerthError | null>(null);
  const [fraction, setFraction] = useState<number | null>(null);
  const [imported, setImported] = useState<string | null>(null);
  const run = async (file: File) => {
    setError(null);
    setImported(null);
    setFraction(0);
    const issued = await ticket('import', name);
    const result = issued.ok ? await upload<null>(issued.value, file, setFraction) : issued;
    setFraction(null);
    if (!result.ok) return setError(result.error);
    setImported(file.name);
    onDone();
  };
  return { run, error, fraction, imported };
}
