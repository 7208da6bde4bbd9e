import { describe, expect, it } from 'vitest';
import {
  apiHttpRefusal,
  cookieToken,
  hostRefusal,
  isAllowedHost,
  isAllowedOrigin,
  isApiPath,
  newToken,
  tokenCookie,
  tokenLanding,
  tokenMatches,
  upgradeRefusal,
} from './auth';

const token = 'a'.repeat(64);
const good = { host: '127.0.0.1:4000', origin: 'http://127.0.0.1:4000' };

describe('Host check', () => {
  it('accepts only the loopback names with the right port', () => {
    expect(isAllowedHost('127.0.0.1:4000', 4000)).toBe(true);
    expect(isAllowedHost('localhost:4000', 4000)).toBe(false);
    expect(isAllowedHost('LOCALHOST:4000', 4000)).toBe(false);
    expect(isAllowedHost('127.0.0.1:4001', 4000)).toBe(false);
    expect(isAllowedHost('127.0.0.1', 4000)).toBe(false);
    expect(isAllowedHost('evil.example:4000', 4000)).toBe(false);
    expect(isAllowedHost('127.0.0.1:4000.evil.example', 4000)).toBe(false);
    expect(isAllowedHost(undefined, 4000)).toBe(false);
  });

  it('answers a rebound name with 421', () => {
    expect(hostRefusal({ host: 'rebind.evil.example:4000' }, 4000)).toMatchObject({
      status: 421,
      code: 'PERMISSION_DENIED',
    });
    expect(hostRefusal({ host: '127.0.0.1:4000' }, 4000)).toBeNull();
    expect(hostRefusal({ host: 'localhost:4000' }, 4000)).toMatchObject({ status: 421 });
  });
});

describe('Origin check', () => {
  it('accepts only the bridge page itself', () => {
    expect(isAllowedOrigin('http://127.0.0.1:4000', 4000)).toBe(true);
    expect(isAllowedOrigin('http://localhost:4000', 4000)).toBe(false);
    expect(isAllowedOrigin('https://127.0.0.1:4000', 4000)).toBe(false);
    expect(isAllowedOrigin('http://evil.example', 4000)).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:4001', 4000)).toBe(false);
    expect(isAllowedOrigin('null', 4000)).toBe(false);
    expect(isAllowedOrigin(undefined, 4000)).toBe(false);
  });
});

describe('token', () => {
  it('is 32 random bytes in hex', () => {
    const a = newToken();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(newToken()).not.toBe(a);
  });

  it('matches only the exact token', () => {
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(token.slice(1), token)).toBe(false);
    expect(tokenMatches(`${token}a`, token)).toBe(false);
    expect(tokenMatches('b'.repeat(64), token)).toBe(false);
    expect(tokenMatches('', token)).toBe(false);
    expect(tokenMatches(null, token)).toBe(false);
  });
});

describe('upgrade check', () => {
  it('passes the right path, origin and token', () => {
    expect(upgradeRefusal(`/api?token=${token}`, good, 4000, token)).toBeNull();
  });

  it('refuses another path, origin or token', () => {
    expect(upgradeRefusal(`/other?token=${token}`, good, 4000, token)?.status).toBe(404);
    expect(upgradeRefusal(`/api/x?token=${token}`, good, 4000, token)?.status).toBe(404);
    expect(
      upgradeRefusal(`/api?token=${token}`, { host: good.host, origin: 'http://evil.example' }, 4000, token)?.status,
    ).toBe(403);
    expect(upgradeRefusal(`/api?token=${token}`, { host: good.host }, 4000, token)?.status).toBe(403);
    expect(upgradeRefusal('/api', good, 4000, token)?.status).toBe(401);
    expect(upgradeRefusal('/api?token=wrong', good, 4000, token)?.status).toBe(401);
    expect(upgradeRefusal(`http://127.0.0.1:4000/api?token=${token}`, good, 4000, token)?.status).toBe(404);
  });
});

describe('plain HTTP under /api', () => {
  it('is never served: 401 without the token, 426 with it, 404 elsewhere', () => {
    expect(isApiPath('/api')).toBe(true);
    expect(isApiPath('/api/x?y')).toBe(true);
    expect(isApiPath('/apix')).toBe(false);
    expect(apiHttpRefusal('/api', good, 4000, token).status).toBe(401);
    expect(apiHttpRefusal(`/api?token=${token}`, good, 4000, token).status).toBe(426);
    expect(apiHttpRefusal('/api', { ...good, cookie: `berth_token_4000=${token}` }, 4000, token).status).toBe(426);
    expect(apiHttpRefusal(`/api/x?token=${token}`, good, 4000, token).status).toBe(404);
  });
});

describe('the token cookie', () => {
  it('is HttpOnly and SameSite=Strict, named after the port', () => {
    const cookie = tokenCookie(4000, token);
    expect(cookie).toMatch(/^berth_token_4000=a{64};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
  });

  it('is read from the Cookie header by its port-specific name only', () => {
    expect(cookieToken({ cookie: `x=1; berth_token_4000=${token}; y=2` }, 4000)).toBe(token);
    expect(cookieToken({ cookie: `berth_token_4001=${token}` }, 4000)).toBeNull();
    expect(cookieToken({}, 4000)).toBeNull();
  });

  it('opens the WebSocket without a token in the address; a wrong address token still fails beside it', () => {
    const withCookie = { ...good, cookie: `berth_token_4000=${token}` };
    expect(upgradeRefusal('/api', withCookie, 4000, token)).toBeNull();
    expect(upgradeRefusal('/api', { ...good, cookie: 'berth_token_4000=wrong' }, 4000, token)?.status).toBe(401);
    expect(upgradeRefusal('/api', { ...good, cookie: `berth_token_4001=${token}` }, 4000, token)?.status).toBe(401);
    expect(upgradeRefusal('/api?token=wrong', withCookie, 4000, token)?.status).toBe(401);
    // The cookie does not lift the Origin check: another page on 127.0.0.1 is same-site and would send it.
    expect(upgradeRefusal('/api', { ...withCookie, origin: 'http://127.0.0.1:5000' }, 4000, token)?.status).toBe(403);
  });

  it('is set on the first load, which is sent on to the address without the token', () => {
    expect(tokenLanding(`/?token=${token}&x=1`, 4000, token)).toEqual({
      location: '/?x=1',
      cookie: tokenCookie(4000, token),
    });
    expect(tokenLanding('/?token=wrong', 4000, token)).toEqual({ location: '/', cookie: null });
    expect(tokenLanding('/?x=1', 4000, token)).toBeNull();
  });
});
