import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Opens a WebSocket from inside the page and says whether the server accepted it. */
function tryWebSocket(page: Page, url: string): Promise<'open' | 'refused'> {
  return page.evaluate(
    (target) =>
      new Promise<'open' | 'refused'>((resolve) => {
        const socket = new WebSocket(target);
        socket.onopen = () => {
          socket.close();
          resolve('open');
        };
        socket.onerror = () => resolve('refused');
      }),
    url,
  );
}

function apiUrl(pageUrl: string, token: string | null): string {
  const u = new URL(pageUrl);
  return `ws://${u.host}/api${token === null ? '' : `?token=${token}`}`;
}

test('the bridge API opens only with the token, from its own origin', async ({ page, berth }) => {
  // A fresh page that never had the token (no cookie) is refused, and says why in words.
  await page.goto(`http://${new URL(berth.url).host}/`);
  await expect(page.getByRole('status', { name: 'Engine status' })).toContainText('Disconnected from Berth');
  await expect(page.getByText(/could not sign in to the Berth server/)).toBeVisible();
  expect(await tryWebSocket(page, apiUrl(berth.url, null))).toBe('refused');

  await page.goto(berth.url);
  await expect(page.getByRole('status', { name: 'Engine status' })).toContainText('Connected');
  expect(await tryWebSocket(page, apiUrl(berth.url, berth.token))).toBe('open');
  // The cookie from the first load signs a socket in without the token in its address...
  expect(await tryWebSocket(page, apiUrl(berth.url, null))).toBe('open');
  // ...but a wrong token in the address is refused even beside it.
  expect(await tryWebSocket(page, apiUrl(berth.url, 'f'.repeat(64)))).toBe('refused');
});

test('the first load trades the token for an HttpOnly, SameSite=Strict cookie and leaves it out of the history', async ({
  page,
  berth,
}) => {
  const port = new URL(berth.url).port;
  const entries = await page.evaluate(() => window.history.length);
  const response = await page.goto(berth.url);
  // The browser was sent on to the clean address; the token is not in the address bar or any history entry.
  const redirect = response?.request().redirectedFrom();
  expect(redirect?.url()).toBe(berth.url);
  expect((await redirect?.response())?.status()).toBe(303);
  expect(page.url()).toBe(`http://127.0.0.1:${port}/`);
  await expect(page.getByRole('status', { name: 'Engine status' })).toContainText('Connected');
  // One new history entry, the clean address: the redirect left none for the address with the token.
  expect(await page.evaluate(() => window.history.length)).toBe(entries + 1);

  const cookie = (await page.context().cookies()).find((c) => c.name === `berth_token_${port}`);
  expect(cookie).toMatchObject({ value: berth.token, httpOnly: true, sameSite: 'Strict', path: '/' });
  // No script can read it, and nothing keeps it in storage.
  expect(await page.evaluate(() => document.cookie)).not.toContain(berth.token);
  expect(await page.evaluate(() => JSON.stringify({ ...window.sessionStorage, ...window.localStorage }))).not.toContain(
    berth.token,
  );

  // A reload (no token in the address) signs in again with the cookie.
  await page.reload();
  await expect(page.getByRole('status', { name: 'Engine status' })).toContainText('Connected');
});

test('a page from another origin cannot use the bridge even with the token', async ({ page, berth }) => {
  const other = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>elsewhere</title>');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = other.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/`);
    expect(await tryWebSocket(page, apiUrl(berth.url, berth.token))).toBe('refused');
  } finally {
    await new Promise((resolve) => other.close(resolve));
  }
});

test('the page is served with a strict Content-Security-Policy', async ({ page, berth }) => {
  const response = await page.goto(berth.url);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
});
