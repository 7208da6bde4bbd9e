import { describe, expect, it } from 'vitest';
import { decideNavigation, decideWindowOpen, isAppUrl } from './navigation';

const FILE_APP = 'file:///opt/Berth/resources/app.asar/out/renderer/index.html';
const DEV_APP = 'http://localhost:5173/';

describe('isAppUrl / decideNavigation with a file:// app', () => {
  it('allows the app page itself, with a query or fragment', () => {
    expect(decideNavigation(FILE_APP, FILE_APP)).toBe('allow');
    expect(decideNavigation(`${FILE_APP}#/images`, FILE_APP)).toBe('allow');
    expect(decideNavigation(`${FILE_APP}?x=1`, FILE_APP)).toBe('allow');
  });

  it('allows a path that normalises to the app page', () => {
    expect(isAppUrl('file:///opt/Berth/resources/app.asar/out/main/../renderer/index.html', FILE_APP)).toBe(true);
  });

  it.each([
    ['another file', 'file:///etc/passwd'],
    ['a sibling file', 'file:///opt/Berth/resources/app.asar/out/renderer/other.html'],
    ['the renderer folder', 'file:///opt/Berth/resources/app.asar/out/renderer/'],
    ['a file on another host', 'file://evil.example/opt/Berth/resources/app.asar/out/renderer/index.html'],
    ['a percent-encoded lookalike', 'file:///opt/Berth/resources/app.asar/out/renderer/index%2Ehtml'],
    ['a case variant', 'file:///opt/Berth/resources/app.asar/out/renderer/INDEX.html'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['a blob: URL', 'blob:file:///0b0f6e4c-1'],
    ['an http page', 'https://example.com/'],
    ['the same path over http', 'http://localhost/opt/Berth/resources/app.asar/out/renderer/index.html'],
    ['about:blank', 'about:blank'],
    ['garbage', 'not a url'],
    ['an empty string', ''],
  ])('denies %s', (_name, url) => {
    expect(decideNavigation(url, FILE_APP)).toBe('deny');
  });
});

describe('isAppUrl / decideNavigation with a dev server app', () => {
  it('allows the dev server page', () => {
    expect(decideNavigation('http://localhost:5173/', DEV_APP)).toBe('allow');
    expect(decideNavigation('http://localhost:5173/#/containers', DEV_APP)).toBe('allow');
  });

  it.each([
    ['another port', 'http://localhost:1/'],
    ['a longer port', 'http://localhost:51730/'],
    ['https instead of http', 'https://localhost:5173/'],
    ['a lookalike host', 'http://localhost.evil.example:5173/'],
    ['a host hidden behind credentials', 'http://localhost:5173@evil.example/'],
    ['credentials on the app host', 'http://user:pass@localhost:5173/'],
    ['another path', 'http://localhost:5173/admin'],
    ['127.0.0.1 for localhost', 'http://127.0.0.1:5173/'],
    ['a ws: URL', 'ws://localhost:5173/'],
  ])('denies %s', (_name, url) => {
    expect(decideNavigation(url, DEV_APP)).toBe('deny');
  });

  it('denies everything when the app URL itself is not a URL', () => {
    expect(isAppUrl('http://localhost:5173/', 'nonsense')).toBe(false);
  });
});

describe('decideWindowOpen', () => {
  it.each(['https://docs.docker.com/engine/', 'http://example.com/a?b=c#d', 'HTTPS://HUB.DOCKER.COM/'])(
    'opens %s in the OS browser',
    (url) => {
      expect(decideWindowOpen(url)).toBe('open-external');
    },
  );

  it.each([
    ['a file: URL', 'file:///etc/passwd'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a data: URL', 'data:text/html,hi'],
    ['a custom scheme', 'vscode://file/etc/passwd'],
    ['an smb: share', 'smb://server/share'],
    ['a mailto: link', 'mailto:a@example.com'],
    ['an http URL with credentials', 'https://user:pass@example.com/'],
    ['an http URL with a user name only', 'https://user@example.com/'],
    ['about:blank', 'about:blank'],
    ['garbage', '::::'],
    ['a relative path', '/etc/passwd'],
  ])('denies %s', (_name, url) => {
    expect(decideWindowOpen(url)).toBe('deny');
  });
});
