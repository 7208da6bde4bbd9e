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

/**
 * The sidebar's sections, in order, with the key that shows each one together with Ctrl (Cmd on macOS), in the desktop
 * menu and in the browser's shortcuts alike. The renderer's section registry (renderer/src/app/sections.tsx) adds an
 * icon and a view to each, keyed by id, so a section missing there fails to compile.
 */
export const SECTIONS = [
  { id: 'containers', title: 'Containers', key: '1' },
  { id: 'images', title: 'Images', key: '2' },
  { id: 'build', title: 'Build', key: '3' },
  { id: 'logs', title: 'Logs', key: '4' },
  { id: 'learn', title: 'Learn', key: '5' },
  { id: 'volumes', title: 'Volumes', key: '6' },
  { id: 'networks', title: 'Networks', key: '7' },
  { id: 'disk', title: 'Disk', key: '8' },
  { id: 'projects', title: 'Projects', key: '9' },
  { id: 'registries', title: 'Registries', key: '' },
  { id: 'settings', title: 'Settings', key: ',' },
] as const satisfies readonly { readonly id: string; readonly title: string; readonly key: string }[];

export type SectionId = (typeof SECTIONS)[number]['id'];

export const isSectionId = (name: string): name is SectionId => SECTIONS.some((s) => s.id === name);

/** The sections behind Ctrl/Cmd+1, 2, ... in order: the desktop menu gives item n the accelerator CmdOrCtrl+n. */
export const SHORTCUT_SECTIONS: readonly { readonly section: SectionId; readonly label: string }[] = SECTIONS.filter(
  (s) => /^[1-9]$/.test(s.key),
)
  .sort((a, b) => Number(a.key) - Number(b.key))
  .map((s) => ({ section: s.id, label: s.title }));
