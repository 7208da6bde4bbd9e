import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './sender';

const APP = 'file:///opt/Berth/out/renderer/index.html';
const top = (url: string) => ({ url, parent: null });

describe('isTrustedSender', () => {
  it('trusts the top frame of the app page', () => {
    expect(isTrustedSender(top(APP), APP)).toBe(true);
    expect(isTrustedSender(top(`${APP}#/images`), APP)).toBe(true);
  });

  it('refuses a frame that is gone', () => {
    expect(isTrustedSender(null, APP)).toBe(false);
    expect(isTrustedSender(undefined, APP)).toBe(false);
  });

  it('refuses a sub-frame even when it shows the app page', () => {
    expect(isTrustedSender({ url: APP, parent: top(APP) }, APP)).toBe(false);
  });

  it.each([
    'file:///opt/Berth/out/renderer/evil.html',
    'file:///tmp/index.html',
    'https://example.com/',
    'data:text/html,hi',
    'about:blank',
    '',
  ])('refuses a top frame at %s', (url) => {
    expect(isTrustedSender(top(url), APP)).toBe(false);
  });

  it('compares against the dev server when that is the app', () => {
    expect(isTrustedSender(top('http://localhost:5173/'), 'http://localhost:5173/')).toBe(true);
    expect(isTrustedSender(top('http://localhost:5174/'), 'http://localhost:5173/')).toBe(false);
  });
});
