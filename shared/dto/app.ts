/**
 * Commands from the desktop shell (app menu, tray, notifications) to the renderer. In the browser mode the
 * renderer's own keyboard shortcuts produce the same commands.
 */
export type AppCommand =
  /** Show a section, optionally one item of it and a tab of that item's page. */
  | { readonly kind: 'navigate'; readonly section: string; readonly id?: string; readonly tab?: string }
  /** Put the focus in the current section's search box. */
  | { readonly kind: 'search' }
  /** Fetch the current lists again. */
  | { readonly kind: 'refresh' };

/** The sidebar's sections behind Ctrl/Cmd+1, 2, ... in the desktop menu and the browser's shortcuts, in order. */
export const SHORTCUT_SECTIONS = [
  { section: 'containers', label: 'Containers' },
  { section: 'images', label: 'Images' },
  { section: 'build', label: 'Build' },
  { section: 'logs', label: 'Logs' },
  { section: 'learn', label: 'Learn' },
] as const;
