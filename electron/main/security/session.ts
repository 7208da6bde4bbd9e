/**
 * Session-wide hardening: the CSP as a response header on everything the renderer loads (the meta tag in
 * index.html is the second line of defence) and every permission request (camera, notifications, ...) denied.
 */
import { contentSecurityPolicy } from '../../backend/core/csp';

export type ResponseHeaders = Record<string, string[]>;

/** Replaces any CSP header the response carried (whatever its case) with ours. */
export function withCspHeader(
  headers: Readonly<Record<string, string | string[]>> | undefined,
  csp: string,
): ResponseHeaders {
  const out: ResponseHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}

/** The parts of Electron's Session that hardening touches. */
export interface HardenableSession {
  readonly webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders: ResponseHeaders }) => void,
      ) => void,
    ): void;
  };
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
}

export function hardenSession(session: HardenableSession, csp: string = contentSecurityPolicy()): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders, csp) });
  });
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
