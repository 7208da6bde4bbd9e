/**
 * Keyboard shortcuts of the browser mode, the same as the desktop app menu's accelerators (electron/main/menu):
 * Ctrl/Cmd+1, 2, ... for the sections, Ctrl/Cmd+F to search, Ctrl/Cmd+R to refresh, Ctrl/Cmd+, for the settings. Pure.
 */
import { SHORTCUT_SECTIONS, type AppCommand } from '../../../shared/dto/app';

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
  const section = /^[1-9]$/.test(key) ? SHORTCUT_SECTIONS[Number(key) - 1]?.section : undefined;
  if (section !== undefined) return { kind: 'navigate', section };
  if (key === 'f') return { kind: 'search' };
  if (key === 'r') return { kind: 'refresh' };
  if (key === ',') return { kind: 'navigate', section: 'settings' };
  return null;
}
