/** The port through which a desktop shell lends its native file dialogs to the desktop:* handlers. */
export interface FileFilter {
  readonly name: string;
  readonly extensions: readonly string[];
}

export interface SaveDialogOptions {
  readonly title: string;
  readonly defaultName: string;
  readonly filters: readonly FileFilter[];
}

export interface OpenDialogOptions {
  readonly title: string;
  readonly pick: 'file' | 'folder';
  readonly filters?: readonly FileFilter[];
}

/** The desktop shell's dialogs; each resolves with the chosen absolute path, or null when the user cancelled. */
export interface DesktopDialogs {
  showSaveDialog(options: SaveDialogOptions): Promise<string | null>;
  showOpenDialog(options: OpenDialogOptions): Promise<string | null>;
  /** Optional so that shells without it fall back to the two-step confirmation of the browser mode. */
  confirmEngine?: EngineConfirmDialog['confirmEngine'];
}

/** A native yes/no before Berth connects to an engine address; resolves true only when the user agreed. */
export interface EngineConfirmDialog {
  confirmEngine(question: { readonly address: string; readonly message: string }): Promise<boolean>;
}
