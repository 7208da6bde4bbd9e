/**
 * Guards for every webContents the app creates: no navigation away from the app, no <webview>, no new
 * windows. http(s) links the page opens go to the OS browser instead.
 */
import { decideNavigation, decideWindowOpen } from './navigation';

interface Preventable {
  preventDefault(): void;
}

/** The parts of Electron's WebContents the guards use. */
export interface GuardedContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (details: Preventable & { readonly url: string }) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void;
}

export function guardWebContents(contents: GuardedContents, appUrl: string, openExternal: (url: string) => void): void {
  const guard = (details: Preventable & { readonly url: string }) => {
    if (decideNavigation(details.url, appUrl) === 'deny') details.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url) === 'open-external') openExternal(url);
    return { action: 'deny' };
  });
}
