/**
 * Browser-mode downloads and uploads of tars (image save/load, volume export/import): the bridge hands out one-use
 * addresses (electron/bridge/transfers.routes.ts); the browser's own download and an XHR upload (for its progress
 * events) move the bytes.
 */
import type { TransferTicket } from '../../../shared/dto/images';
import type { Result } from '../../../shared/result';

export function startDownload(ticket: TransferTicket): void {
  const link = document.createElement('a');
  link.href = ticket.path;
  link.download = ticket.filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

/** POSTs the file to the ticket's address and resolves with the bridge's answer, typed by the caller. */
export function upload<T>(
  ticket: TransferTicket,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<Result<T>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', ticket.path);
    xhr.setRequestHeader('X-Filename', encodeURIComponent(file.name));
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText) as Result<T>);
      } catch {
        resolve({ ok: false, error: { code: 'INTERNAL', message: `The upload failed (HTTP ${xhr.status}).` } });
      }
    };
    xhr.onerror = () =>
      resolve({ ok: false, error: { code: 'BRIDGE_DISCONNECTED', message: 'The upload was cut off.' } });
    xhr.send(file);
  });
}
