/**
 * Browser-mode volume export and import: the bridge hands out one-use /volume-transfer/<ticket> addresses; the
 * browser's own download and an XHR upload (for its progress events) move the bytes, as for image save and load.
 */
import type { TransferTicket } from '../../../../shared/dto/images';
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

export function uploadTar(
  ticket: TransferTicket,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<Result<null>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', ticket.path);
    xhr.setRequestHeader('X-Filename', encodeURIComponent(file.name));
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText) as Result<null>);
      } catch {
        resolve({ ok: false, error: { code: 'INTERNAL', message: `The upload failed (HTTP ${xhr.status}).` } });
      }
    };
    xhr.onerror = () =>
      resolve({ ok: false, error: { code: 'BRIDGE_DISCONNECTED', message: 'The upload was cut off.' } });
    xhr.send(file);
  });
}
