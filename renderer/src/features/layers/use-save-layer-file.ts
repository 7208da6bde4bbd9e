import { useState } from 'react';
import { saveLayerFileAction } from '../../../../shared/cli/containerFiles.cli';
import type { BerthError } from '../../../../shared/result';
import { useBerth } from '../../app/store';
import { startDownload } from '../../ui/transfer';
import { useNativeDialogs } from '../desktop/use-native-dialogs';

/**
 * Save one file of an image as of a layer: the browser downloads it from a one-use address, the desktop app asks
 * where with a native dialog. Says what it did and the docker commands that do the same.
 */
export function useSaveLayerFile(image: string) {
  const desktop = useNativeDialogs();
  const ticket = useBerth((s) => s.layerFileTicket);
  const saveToFile = useBerth((s) => s.saveLayerFileToFile);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ text: string; command: string } | null>(null);
  const [error, setError] = useState<BerthError | null>(null);

  const save = async (layer: number, path: string) => {
    setError(null);
    setNote(null);
    setBusy(true);
    if (desktop) {
      const result = await saveToFile({ image, layer, path });
      setBusy(false);
      if (!result.ok) return setError(result.error);
      if (result.value.cancelled) return;
      return setNote({
        text: `Saved /${path} to ${result.value.path}.`,
        command: saveLayerFileAction(image, path, result.value.path).command,
      });
    }
    const result = await ticket({ image, layer, path });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    startDownload(result.value);
    setNote({
      text: `The download of /${path} as ${result.value.filename} has started.`,
      command: saveLayerFileAction(image, path, result.value.filename).command,
    });
  };
  const reset = () => {
    setNote(null);
    setError(null);
  };
  return { save, busy, note, error, reset };
}
