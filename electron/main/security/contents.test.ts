import { describe, expect, it } from 'vitest';
import { guardWebContents, type GuardedContents } from './contents';

const APP = 'file:///opt/Berth/out/renderer/index.html';

// Electron's WebContents cannot run here; this stand-in keeps the listeners the guards install.
function fakeContents() {
  const listeners = new Map<string, (event: { url: string; preventDefault(): void }) => void>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents: GuardedContents = {
    on(event: string, listener: (event: { url: string; preventDefault(): void }) => void) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler) {
      openHandler = handler;
    },
  };
  const fire = (event: string, url = '') => {
    let prevented = false;
    listeners.get(event)?.({ url, preventDefault: () => void (prevented = true) });
    return prevented;
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }) };
}

describe('guardWebContents', () => {
  it('stops navigation away from the app and lets the app page through', () => {
    const { contents, fire } = fakeContents();
    guardWebContents(contents, APP, () => undefined);
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', APP)).toBe(false);
  });

  it('refuses to attach a webview', () => {
    const { contents, fire } = fakeContents();
    guardWebContents(contents, APP, () => undefined);
    expect(fire('will-attach-webview')).toBe(true);
  });

  it('never opens a window and hands only http(s) links to the OS browser', () => {
    const { contents, open } = fakeContents();
    const opened: string[] = [];
    guardWebContents(contents, APP, (url) => opened.push(url));
    expect(open('https://docs.docker.com/')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://docs.docker.com/']);
  });
});
