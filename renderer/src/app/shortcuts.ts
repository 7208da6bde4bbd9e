/**
 * Keyboard shortcuts of the browser mode, the same as the desktop app menu's accelerators (electron/main/menu):
 * each section's key from the section list (Ctrl/Cmd+1, 2, ..., and Ctrl/Cmd+, for the settings), Ctrl/Cmd+F to
 * search, Ctrl/Cmd+R to refresh. Pure.
 */
import { SECTIONS, type AppCommand } from '../../../shared/dto/app';

export interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}

/** Cmd on macOS, Ctrl elsewhere, like CmdOrCtrl in Electron. */
export function shortcutCommand(event: KeyLike, mac: boolean): AppCommand | null {
  const primary = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  if (!primary || event.altKey || event.shiftKey) return null;
  const key = event.key.toLowerCase();
  const section = SECTIONS.find((s) => s.key === key);
  if (section !== undefined) return { kind: 'navigate', section: section.id };
  if (key === 'f') return { kind: 'search' };
  if (key === 'r') return { kind: 'refresh' };
  return null;
}
