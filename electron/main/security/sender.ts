/**
 * Who may talk to main over IPC: only the top frame of the app's own page (Electron security checklist
 * item 17). A frame that navigated elsewhere, a sub-frame, or a frame already gone is refused.
 */
import { isAppUrl } from './navigation';

/** The parts of Electron's WebFrameMain the check needs. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

export function isTrustedSender(frame: SenderFrame | null | undefined, appUrl: string): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url, appUrl);
}
