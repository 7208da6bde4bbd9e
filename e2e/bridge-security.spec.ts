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
  await page.goto(berth.url);
  await expect(page.getByRole('status', { name: 'Engine status' })).toContainText('Connected');
  expect(await tryWebSocket(page, apiUrl(berth.url, berth.token))).toBe('open');
  expect(await tryWebSocket(page, apiUrl(berth.url, null))).toBe('refused');
  expect(await tryWebSocket(page, apiUrl(berth.url, 'f'.repeat(64)))).toBe('refused');
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
