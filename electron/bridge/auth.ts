/**
 * Who may talk to the bridge. The server listens on loopback only, but any web page the user opens can still
 * reach loopback: the Host check stops DNS rebinding, the Origin check stops other sites' pages, and the token
 * stops everything else (other local users' processes included, since they cannot read our stdout).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { ErrorCode } from '../../shared/result';
import { BRIDGE_API_PATH } from '../../shared/wire';

export interface Refusal {
  readonly status: number;
  readonly code: ErrorCode;
  readonly message: string;
}

export const newToken = (): string => randomBytes(32).toString('hex');

/**
 * Only 127.0.0.1:PORT. The bridge binds 127.0.0.1 alone, and `localhost` may resolve to ::1 first, where another
 * user's program could listen on the same port and be handed the page (and its token) instead; so a page or request
 * that names `localhost` is refused rather than half trusted.
 */
const loopbackName = (port: number) => `127.0.0.1:${port}`;

/** Exactly 127.0.0.1:PORT; a rebound DNS name carries its own name in Host. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && host === loopbackName(port);
}

/** Only the bridge's own page; a missing Origin is refused too (browsers always send one on WebSockets). */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return origin === `http://${loopbackName(port)}`;
}

/** Constant time whatever the lengths: both sides are hashed to the same size first. */
export function tokenMatches(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function hostRefusal(headers: IncomingHttpHeaders, port: number): Refusal | null {
  if (isAllowedHost(headers.host, port)) return null;
  return {
    status: 421,
    code: 'PERMISSION_DENIED',
    message: `Berth only answers requests addressed to 127.0.0.1:${port}; open http://127.0.0.1:${port}/ rather than localhost.`,
  };
}

/** The path and query of a request target, or null when it is not a plain origin-form target. */
export function splitTarget(target: string | undefined): { path: string; query: URLSearchParams } | null {
  if (target === undefined || !target.startsWith('/')) return null;
  const at = target.indexOf('?');
  const path = at < 0 ? target : target.slice(0, at);
  return {
    path,
    query: new URLSearchParams(at < 0 ? '' : target.slice(at + 1)),
  };
}

/**
 * The cookie the token is traded for on first load. Cookies ignore ports, so the name carries the port: two Berth
 * servers on 127.0.0.1 (or a test rig's several) do not overwrite each other's.
 */
export const tokenCookieName = (port: number): string => `berth_token_${port}`;

/** HttpOnly: no script (an injected one included) can read it; SameSite=Strict: no other site's request carries it. */
export const tokenCookie = (port: number, token: string): string =>
  `${tokenCookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;

/** The token from the request's Cookie header, or null. */
export function cookieToken(headers: IncomingHttpHeaders, port: number): string | null {
  const name = tokenCookieName(port);
  for (const part of (headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return null;
}

/**
 * A token in the address must be right; without one, the cookie must be. (A wrong token in the address is refused
 * even beside a good cookie, so a test of the address token means what it says.)
 */
function authorised(query: URLSearchParams, headers: IncomingHttpHeaders, port: number, token: string): boolean {
  const given = query.get('token');
  return given !== null ? tokenMatches(given, token) : tokenMatches(cookieToken(headers, port), token);
}

/**
 * The first load, `/?token=T`: the answer trades the token for the cookie and sends the browser to the same address
 * without it (303), so the token never stays in the address bar, the history or a bookmark. A wrong token gets the
 * clean address without a cookie, and the page then says it could not sign in. Null when the address has no token.
 */
export function tokenLanding(
  target: string | undefined,
  port: number,
  token: string,
): { readonly location: string; readonly cookie: string | null } | null {
  const split = splitTarget(target);
  if (split === null || !split.query.has('token')) return null;
  const given = split.query.get('token');
  split.query.delete('token');
  const rest = split.query.toString();
  return {
    location: `${split.path}${rest === '' ? '' : `?${rest}`}`,
    cookie: tokenMatches(given, token) ? tokenCookie(port, token) : null,
  };
}

const tokenRefusal: Refusal = {
  status: 401,
  code: 'PERMISSION_DENIED',
  message: 'This request needs the token from the address that `npm run serve` printed (open that address once).',
};

/** Checks a WebSocket upgrade (Host is checked before this, for every request). */
export function upgradeRefusal(
  target: string | undefined,
  headers: IncomingHttpHeaders,
  port: number,
  token: string,
): Refusal | null {
  const split = splitTarget(target);
  if (split === null || split.path !== BRIDGE_API_PATH) {
    return {
      status: 404,
      code: 'NOT_FOUND',
      message: `The bridge only accepts WebSockets at ${BRIDGE_API_PATH}.`,
    };
  }
  if (!isAllowedOrigin(headers.origin, port)) {
    return {
      status: 403,
      code: 'PERMISSION_DENIED',
      message: `Berth only accepts WebSockets from its own page at http://127.0.0.1:${port}.`,
    };
  }
  if (!authorised(split.query, headers, port, token)) return tokenRefusal;
  return null;
}

/** Plain HTTP under /api: the API is WebSocket only, but a wrong token is still reported as such first. */
export function apiHttpRefusal(
  target: string | undefined,
  headers: IncomingHttpHeaders,
  port: number,
  token: string,
): Refusal {
  const split = splitTarget(target);
  if (split === null || split.path !== BRIDGE_API_PATH) {
    return {
      status: 404,
      code: 'NOT_FOUND',
      message: `There is nothing at ${split?.path ?? 'this address'}.`,
    };
  }
  if (!authorised(split.query, headers, port, token)) return tokenRefusal;
  return {
    status: 426,
    code: 'INVALID_INPUT',
    message: `The Berth API at ${BRIDGE_API_PATH} speaks WebSocket only.`,
  };
}

export const isApiPath = (target: string | undefined): boolean => {
  const path = splitTarget(target)?.path;
  return path === BRIDGE_API_PATH || (path?.startsWith(`${BRIDGE_API_PATH}/`) ?? false);
};
