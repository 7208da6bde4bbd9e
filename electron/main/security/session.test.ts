import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../backend/core/csp';
import { hardenSession, withCspHeader, type HardenableSession } from './session';

describe('withCspHeader', () => {
  it('adds the CSP and keeps the other headers as arrays', () => {
    const out = withCspHeader({ 'Content-Type': 'text/html', 'X-A': ['1', '2'] }, 'default-src none');
    expect(out).toEqual({
      'Content-Type': ['text/html'],
      'X-A': ['1', '2'],
      'Content-Security-Policy': ['default-src none'],
    });
  });

  it('replaces a looser CSP the response carried, whatever its case', () => {
    const out = withCspHeader(
      { 'content-security-policy': ['default-src *'], 'CONTENT-SECURITY-POLICY': 'script-src *' },
      'x',
    );
    expect(out).toEqual({ 'Content-Security-Policy': ['x'] });
  });

  it('copes with a response without headers', () => {
    expect(withCspHeader(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});

describe('hardenSession', () => {
  // A stand-in for Electron's Session (its binary cannot run here) that records the handlers installed.
  function recordingSession() {
    const installed: {
      headers?: Parameters<HardenableSession['webRequest']['onHeadersReceived']>[0];
      request?: Parameters<HardenableSession['setPermissionRequestHandler']>[0];
      check?: Parameters<HardenableSession['setPermissionCheckHandler']>[0];
    } = {};
    const session: HardenableSession = {
      webRequest: { onHeadersReceived: (listener) => void (installed.headers = listener) },
      setPermissionRequestHandler: (handler) => void (installed.request = handler),
      setPermissionCheckHandler: (handler) => void (installed.check = handler),
    };
    return { session, installed };
  }

  it('sends the app CSP on every response', () => {
    const { session, installed } = recordingSession();
    hardenSession(session);
    let headers: Record<string, string[]> | undefined;
    installed.headers?.({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => (headers = r.responseHeaders));
    expect(headers?.['Content-Security-Policy']).toEqual([contentSecurityPolicy()]);
    expect(headers?.['Content-Type']).toEqual(['text/html']);
  });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])('denies %s', (permission) => {
    const { session, installed } = recordingSession();
    hardenSession(session);
    const answers: boolean[] = [];
    installed.request?.({}, permission, (granted) => answers.push(granted));
    expect(answers).toEqual([false]);
    expect(installed.check?.()).toBe(false);
  });
});
