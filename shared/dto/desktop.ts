import type { LoadResult } from './images';

/** What the shell around the page can do; the browser mode has no native dialogs. */
export interface DesktopCapabilities {
  readonly nativeDialogs: boolean;
}

/** Closing a native dialog without choosing is an answer, not an error. */
export type DialogOutcome<T> = { readonly cancelled: true } | ({ readonly cancelled: false } & T);

/** Where the tar was written. */
export type SavedImage = DialogOutcome<{ readonly path: string }>;
export type LoadedImages = DialogOutcome<LoadResult & { readonly path: string }>;
export type PickedFolder = DialogOutcome<{ readonly path: string }>;
