// The desktop app itself, through Playwright's Electron driver: it launches, its window is titled Berth, and the
// tray menu (read through the main process) shows the engine and the containers. It runs wherever the Electron
// binary is installed; where it is not (its download needs GitHub), the test is skipped and says so.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron } from '@playwright/test';
import { expect, test } from './fixtures';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The binary, found the way scripts/start.mjs does it (requiring 'electron' would start a download); or why not. */
function electronBinary(): { path: string } | { missing: string } {
  const dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(dir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!override && relative === '') {
    return {
      missing: 'the Electron binary is not installed here (node_modules/electron has no dist/: its download failed)',
    };
  }
  const binary = override ? path.join(override, relative || 'electron') : path.join(dir, 'dist', relative);
  return existsSync(binary) ? { path: binary } : { missing: `the Electron binary ${binary} does not exist` };
}

type Item = string | { label: string; items: Item[] };

test('Electron: launches, titles its window Berth and shows the tray menu', async ({ berth, docker }) => {
  const binary = electronBinary();
  if ('missing' in binary) {
    const why = `Electron smoke test DID NOT RUN: ${binary.missing}.`;
    console.log(why);
    test.skip(true, why);
    return;
  }
  const configDir = mkdtempSync(path.join(tmpdir(), 'berth-electron-'));
  const name = `berth-e2e-tray-${Date.now()}`;
  const container = await docker.createContainer({
    Image: 'berth-fixture/busybox:1',
    name,
    Cmd: ['sleep', '300'],
    Labels: { 'berth.test': '1' },
  });
  await container.start();
  const app = await electron.launch({
    executablePath: binary.path,
    args: [path.join(ROOT, 'out/main/index.cjs')],
    env: { ...process.env, DOCKER_HOST: berth.dockerHost, BERTH_CONFIG_DIR: configDir, BERTH_TEST_HOOKS: '1' },
  });
  try {
    const window = await app.firstWindow();
    await expect(window).toHaveTitle('Berth');
    await expect(window.getByRole('status', { name: 'Engine status' })).toContainText('Connected');
    const trayItems = () =>
      app.evaluate(() => {
        const items = (globalThis as { berthTrayItems?: () => unknown[] }).berthTrayItems?.() ?? [];
        const flat = (list: unknown[]): Item[] =>
          list.map((i) => {
            const item = i as { type: string; label?: string; items?: unknown[] };
            if (item.type === 'separator') return '---';
            return item.items ? { label: item.label ?? '', items: flat(item.items) } : (item.label ?? '');
          });
        return flat(items);
      });
    await expect.poll(async () => (await trayItems())[0]).toMatch(/^Docker Engine .*: running$/);
    await expect
      .poll(async () => (await trayItems()).find((i) => typeof i !== 'string' && i.label.startsWith(name)))
      .toEqual({ label: `${name} — berth-fixture/busybox:1`, items: ['Stop', 'Restart', 'Open logs'] });
    expect((await trayItems()).slice(-2)).toEqual(['Show Berth', 'Quit']);
  } finally {
    await app.close();
    await container.remove({ force: true });
    rmSync(configDir, { recursive: true, force: true });
  }
});
