/**
 * The thin main process end to end, as far as it can run here: index.ts is bundled the way scripts/build.mjs
 * does it, with 'electron' swapped for testing/fake-electron.cjs, and run in Node with a real backend (pointed at
 * a socket that does not exist, so no engine is needed).
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_CHANNELS } from '../../shared/contract';

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
let record: {
  calls: string[];
  windows: { webPreferences: Record<string, unknown>; show: boolean }[];
  loaded: string;
  privilegedSchemes: unknown;
  served: { url: string; status: number; csp: string; body: string }[];
  handlers: string[];
  handlersAfterQuit: string[];
  answers: {
    app: { ok: boolean; value?: { state: string } };
    foreign: { ok: boolean; error?: { code: string } };
    capabilities: unknown;
    folder: unknown;
  };
  openDialog: unknown;
  opened: string[];
  windowOpen: string[];
  state: { bounds: unknown; maximized: boolean };
  appMenu: unknown[];
  trayMenu: unknown[];
  trayIcon: string;
  themeSource: string;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-main-'));
  const outfile = join(dir, 'out/main/index.cjs');
  await mkdir(join(dir, 'out/renderer'), { recursive: true });
  await writeFile(join(dir, 'out/renderer/index.html'), '<!doctype html><title>Berth</title>');
  await writeFile(join(dir, 'package.json'), '{"secret": true}');
  await build({
    absWorkingDir: root,
    entryPoints: ['electron/main/index.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['dockerode', 'ws', 'zod'],
    alias: { electron: join(root, 'electron/main/testing/fake-electron.cjs') },
    logLevel: 'silent',
  });
  const { stdout } = await promisify(execFile)(process.execPath, [outfile], {
    env: {
      PATH: process.env.PATH,
      NODE_PATH: join(root, 'node_modules'),
      DOCKER_HOST: `unix://${join(dir, 'no-engine.sock')}`,
      FAKE_ELECTRON_USER_DATA: join(dir, 'userData'),
    },
    timeout: 20_000,
  });
  record = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as typeof record;
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('electron/main/index.ts', () => {
  it('hardens the session before anything loads', () => {
    expect(record.calls).toEqual(
      expect.arrayContaining(['csp header', 'media granted false', 'permission check handler']),
    );
  });

  it('opens one sandboxed window on the built renderer, shown when ready', () => {
    expect(record.windows).toHaveLength(1);
    expect(record.windows[0]?.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true });
    expect(record.windows[0]?.webPreferences.preload).toBe(join(dir, 'out/preload/index.cjs'));
    expect(record.loaded).toBe('app://berth/index.html');
    expect(record.calls).toContain('window.show');
  });

  it('serves the renderer through its own app: scheme, standard and secure, with the CSP header and nothing else', () => {
    expect(record.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    const [page, climb, otherHost] = record.served;
    expect(page).toMatchObject({ status: 200, body: '<!doctype html><title>Berth</title>' });
    expect(page?.csp).toContain("default-src 'none'");
    expect(page?.csp).toContain("script-src 'self'");
    expect(climb).toMatchObject({ status: 404 });
    expect(climb?.body).not.toContain('secret');
    expect(otherHost).toMatchObject({ status: 404 });
  });

  it('answers the app page over IPC from the real backend and refuses a foreign page', () => {
    expect(record.handlers).toEqual(expect.arrayContaining([...REQUEST_CHANNELS, 'berth:subscribe']));
    expect(record.answers.app.ok).toBe(true);
    expect(['connecting', 'unreachable']).toContain(record.answers.app.value?.state);
    expect(record.answers.foreign).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
  });

  it("gives the backend Electron's native dialogs, modal to the window", () => {
    expect(record.answers.capabilities).toEqual({ ok: true, value: { nativeDialogs: true } });
    expect(record.answers.folder).toEqual({ ok: true, value: { cancelled: false, path: '/home/me/app' } });
    expect(record.openDialog).toEqual({ modal: true, properties: ['openDirectory', 'createDirectory'] });
  });

  it('never opens a window and sends only http(s) links to the OS', () => {
    expect(record.windowOpen).toEqual(['deny', 'deny']);
    expect(record.opened).toEqual(['https://docs.docker.com/']);
  });

  it('sets an app menu with Quit and the View shortcuts, and a tray with Show Berth and Quit', () => {
    expect(record.appMenu).toContainEqual({ label: 'File', submenu: expect.arrayContaining(['quit']) as unknown });
    expect(record.appMenu).toContainEqual({
      label: 'View',
      submenu: expect.arrayContaining(['Containers', 'Images', 'Learn', 'Search', 'Refresh']) as unknown,
    });
    expect(record.trayMenu[0]).toMatch(/^Docker Engine: (connecting…|unreachable)$/);
    expect(record.trayMenu.slice(-2)).toEqual(['Show Berth', 'Quit']);
    expect(record.trayIcon).toBe(
      join(dir, 'assets/tray', record.trayIcon.endsWith('unreachable.png') ? 'tray-unreachable.png' : 'tray.png'),
    );
    expect(record.calls).toContain('tray.destroy');
  });

  it('follows the theme setting and hides the window to the tray on close until Quit', () => {
    expect(record.themeSource).toBe('system');
    expect(record.calls.filter((c) => c === 'close prevented')).toHaveLength(1);
    expect(record.calls).toContain('window.hide');
  });

  it('holds the quit until the window state is saved and IPC is removed', () => {
    expect(record.calls).toContain('quit held');
    expect(record.calls.filter((c) => c === 'app.quit')).toHaveLength(2);
    expect(record.state).toEqual({ bounds: { x: 40, y: 30, width: 1000, height: 700 }, maximized: false });
    expect(record.handlersAfterQuit).toEqual([]);
  });
});
