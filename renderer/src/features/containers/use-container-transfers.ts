import { useState } from 'react';
import { downloadContainerPathAction, uploadContainerFileAction } from '../../../../shared/cli/containerFiles.cli';
import type { BerthError } from '../../../../shared/result';
import { useBerth } from '../../app/store';
import { startDownload, upload } from '../../ui/transfer';

export interface TransferNote {
  readonly text: string;
  /** The `docker cp` that does the same. */
  readonly command: string;
}

export interface UploadProgress {
  readonly file: string;
  readonly folder: string;
  /** 0..1 of the current file. */
  readonly fraction: number;
  readonly index: number;
  readonly count: number;
}

/**
 * Copying files out of and into a container: the browser downloads from and uploads to one-use bridge addresses;
 * the desktop app goes through main's native dialogs. Each says what it did and the `docker cp` that does the same.
 */
export function useContainerTransfers(id: string, container: string, desktop: boolean) {
  const downloadTicket = useBerth((s) => s.containerDownloadTicket);
  const uploadTicket = useBerth((s) => s.containerUploadTicket);
  const saveToFile = useBerth((s) => s.saveContainerPathToFile);
  const uploadFromFile = useBerth((s) => s.uploadFileToContainer);
  const [note, setNote] = useState<TransferNote | null>(null);
  const [error, setError] = useState<BerthError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);

  const download = async (path: string) => {
    setError(null);
    setNote(null);
    if (desktop) {
      setBusy(`Saving /${path}…`);
      const result = await saveToFile({ id, path });
      setBusy(null);
      if (!result.ok) return setError(result.error);
      if (result.value.cancelled) return;
      const command = downloadContainerPathAction(container, path, result.value.path).command;
      return setNote({ text: `Saved /${path} as a tar to ${result.value.path}.`, command });
    }
    const result = await downloadTicket({ id, path });
    if (!result.ok) return setError(result.error);
    startDownload(result.value);
    const command = downloadContainerPathAction(container, path, result.value.filename).command;
    setNote({ text: `The download of /${path} as ${result.value.filename} has started.`, command });
  };

  /** Browser: the files chosen in the file input, one after another; true when all went in. */
  const uploadFiles = async (folder: string, files: readonly File[]): Promise<boolean> => {
    setError(null);
    setNote(null);
    let index = 0;
    for (const file of files) {
      setProgress({ file: file.name, folder, fraction: 0, index, count: files.length });
      const issued = await uploadTicket({ id, path: folder });
      const result = issued.ok
        ? await upload<null>(issued.value, file, (fraction) =>
            setProgress({ file: file.name, folder, fraction, index, count: files.length }),
          )
        : issued;
      if (!result.ok) {
        setProgress(null);
        setError({ ...result.error, message: `${file.name} was not uploaded: ${result.error.message}` });
        return index > 0;
      }
      index += 1;
    }
    setProgress(null);
    const names = files.map((f) => f.name);
    setNote({
      text: `Uploaded ${names.join(', ')} to /${folder}.`,
      command: uploadContainerFileAction(container, folder, names[0] ?? 'FILE').command,
    });
    return true;
  };

  /** Desktop: a native open dialog, then that file; true when it went in. */
  const uploadViaDialog = async (folder: string): Promise<boolean> => {
    setError(null);
    setNote(null);
    setBusy(`Uploading to /${folder}…`);
    const result = await uploadFromFile({ id, path: folder });
    setBusy(null);
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    if (result.value.cancelled) return false;
    setNote({
      text: `Uploaded ${result.value.path} to /${folder}.`,
      command: uploadContainerFileAction(container, folder, result.value.path).command,
    });
    return true;
  };

  return { download, uploadFiles, uploadViaDialog, note, error, busy, progress };
}
