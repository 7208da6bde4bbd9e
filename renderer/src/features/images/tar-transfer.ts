/**
 * Browser-mode save and load: the bridge hands out one-use /transfer/<ticket> addresses (see
 * electron/main/handlers/images.transfers.ts); the browser's own download and an XHR upload (for its progress
 * events) move the bytes.
 */
import type { LoadResult, TransferTicket } from '../../../../shared/dto/images';
import type { Result } from '../../../../shared/result';

export function startDownload(ticket: TransferTicket): void {
  const link = document.createElement('a');
  link.href = ticket.path;
  link.download = ticket.filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

export function upload(
  ticket: TransferTicket,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<Result<LoadResult>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', ticket.path);
    xhr.setRequestHeader('X-Filename', encodeURIComponent(file.name));
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText) as Result<LoadResult>);
      } catch {
        resolve({ ok: false, error: { code: 'INTERNAL', message: `The upload failed (HTTP ${xhr.status}).` } });
      }
    };
    xhr.onerror = () =>
      resolve({ ok: false, error: { code: 'BRIDGE_DISCONNECTED', message: 'The upload was cut off.' } });
    xhr.send(file);
  });
}
