import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { answerAppRequest, appFileFor, APP_URL, registerAppProtocol } from './app-protocol';
import { isAppUrl } from './navigation';

const dir = mkdtempSync(join(tmpdir(), 'berth-app-protocol-'));
const root = join(dir, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html>');
writeFileSync(join(root, 'assets', 'index.js'), 'export {};');
writeFileSync(join(root, '.env'), 'SECRET=1');
writeFileSync(join(dir, 'outside.txt'), 'outside');
symlinkSync(join(dir, 'outside.txt'), join(root, 'assets', 'link.js'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('appFileFor', () => {
  it('maps app://berth/ paths into the renderer folder', () => {
    expect(appFileFor(APP_URL, root)).toBe(join(root, 'index.html'));
    expect(appFileFor('app://berth/', root)).toBe(join(root, 'index.html'));
    expect(appFileFor('app://berth/assets/index.js?x#y', root)).toBe(join(root, 'assets', 'index.js'));
  });

  it('refuses other hosts and schemes, climbs, encoded climbs, dotfiles, backslashes and NULs', () => {
    for (const url of [
      'app://elsewhere/index.html',
      'file:///etc/passwd',
      'app://berth/assets/..%2f..%2foutside.txt',
      'app://berth/.env',
      'app://berth/assets%5c..%5c..%5coutside.txt',
      'app://berth/index.html%00.js',
      'app://user:pw@berth/index.html',
      'not a url',
    ]) {
      expect(appFileFor(url, root), url).toBeNull();
    }
    // The URL parser itself folds %2e%2e at the top into nothing: it stays inside the folder.
    expect(appFileFor('app://berth/%2e%2e/outside.txt', root)).toBe(join(root, 'outside.txt'));
  });
});

describe('answerAppRequest', () => {
  it('answers a file with its type, the CSP and nosniff', async () => {
    const answer = await answerAppRequest('app://berth/assets/index.js', root);
    expect(answer.status).toBe(200);
    expect(answer.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(answer.headers['Content-Security-Policy']).toContain("script-src 'self'");
    expect(answer.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(String(answer.body)).toBe('export {};');
  });

  it('answers 404 for a missing file and for a link that leads out of the folder', async () => {
    expect((await answerAppRequest('app://berth/nope.js', root)).status).toBe(404);
    const link = await answerAppRequest('app://berth/assets/link.js', root);
    expect(link.status).toBe(404);
    expect(String(link.body)).not.toContain('outside');
  });
});

describe('registerAppProtocol', () => {
  it('hands Electron a handler for app: that answers with a web Response', async () => {
    const handlers = new Map<string, (request: { url: string }) => Promise<Response>>();
    registerAppProtocol({ handle: (scheme, handler) => void handlers.set(scheme, handler) }, root);
    const response = await handlers.get('app')?.({ url: APP_URL });
    expect(response?.status).toBe(200);
    expect(response?.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await response?.text()).toBe(readFileSync(join(root, 'index.html'), 'utf8'));
  });
});

describe('the app page is the only trusted page', () => {
  it('trusts app://berth/index.html and nothing that only looks like it', () => {
    expect(isAppUrl('app://berth/index.html#/images', APP_URL)).toBe(true);
    expect(isAppUrl('app://evil/index.html', APP_URL)).toBe(false);
    expect(isAppUrl('file:///index.html', APP_URL)).toBe(false);
    expect(isAppUrl('https://berth/index.html', APP_URL)).toBe(false);
  });
});
