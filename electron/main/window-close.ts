/** What closing the window does: hide it to the tray, or really close it. Pure. */
export interface CloseContext {
  readonly closeToTray: boolean;
  /** A tray icon was created; on desktops without a tray (GNOME without an extension) hiding would strand the app. */
  readonly trayShown: boolean;
  /** The user chose Quit (menu, tray, Cmd+Q, the OS logging out): never stand in its way. */
  readonly quitting: boolean;
}

export function decideClose({ closeToTray, trayShown, quitting }: CloseContext): 'hide' | 'close' {
  return closeToTray && trayShown && !quitting ? 'hide' : 'close';
}
