// The renderer's desktop-app branch for native dialogs. The Electron binary cannot run here, so the page talks to
// the real bridge through a WebSocket route that plays Electron main for the desktop:* channels only (what main
// itself does with them is covered by electron/backend/desktop/desktop.handlers.int.test.ts); every other request,
// such as the context preview, reaches the real backend and engine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, FIXTURE, openLogsOf, startScript, test } from './fixtures';

type Frame = { t: string; id: number; channel: string; input: unknown };

/** Routes the page's bridge socket; desktop:* requests are answered by `answer` and recorded, the rest forwarded. */
async function playDesktopMain(page: Page, answer: (channel: string, input: unknown) => unknown) {
  const asked: { channel: string; input: unknown }[] = [];
  await page.routeWebSocket(/\/api(\?|$)/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const frame = JSON.parse(String(message)) as Frame;
      if (frame.t !== 'req' || !frame.channel.startsWith('desktop:')) return server.send(message);
      asked.push({ channel: frame.channel, input: frame.input });
      ws.send(
        JSON.stringify({ t: 'res', id: frame.id, result: { ok: true, value: answer(frame.channel, frame.input) } }),
      );
    });
  });
  return asked;
}

async function open(page: Page, url: string, section: 'Images' | 'Build'): Promise<void> {
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: section }).click();
}

test('in the browser nothing changes: no Choose… button, Load from tar opens the upload dialog', async ({
  page,
  berth,
}) => {
  await open(page, berth.url, 'Build');
  await expect(page.getByLabel('Context folder')).toBeVisible();
  await expect(page.getByRole('button', { name: /Choose/ })).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Images' }).click();
  await page.getByRole('button', { name: 'Load from tar…' }).click();
  await expect(page.getByRole('dialog', { name: 'Load images from a tar file' })).toBeVisible();
});

test('with native dialogs, Choose… fills the build context from the folder dialog and previews it', async ({
  page,
  berth,
}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-e2e-pick-'));
  fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\nCOPY hello.txt /\n');
  fs.writeFileSync(path.join(dir, 'hello.txt'), 'hello\n');
  try {
    const asked = await playDesktopMain(page, (channel) =>
      channel === 'desktop:capabilities' ? { nativeDialogs: true } : { cancelled: false, path: dir },
    );
    await open(page, berth.url, 'Build');
    await page.getByRole('button', { name: 'Choose a folder for the build context' }).click();
    await expect(page.getByLabel('Context folder')).toHaveValue(dir);
    const preview = page.getByRole('region', { name: 'Context preview' });
    await expect(preview.getByRole('list', { name: 'Files sent' }).getByRole('listitem')).toHaveText([
      /^Dockerfile/,
      /^hello\.txt/,
    ]);
    expect(asked).toEqual([
      { channel: 'desktop:capabilities' },
      { channel: 'desktop:pickFolder', input: { title: 'Choose the build context folder' } },
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('with native dialogs, Save as tar and Load from tar go to main and show where the tar went', async ({
  page,
  berth,
}) => {
  let cancel = true;
  const asked = await playDesktopMain(page, (channel) => {
    if (channel === 'desktop:capabilities') return { nativeDialogs: true };
    if (cancel) return { cancelled: true };
    if (channel === 'desktop:saveImage') return { cancelled: false, path: '/home/me/busybox_1.tar' };
    return { cancelled: false, path: '/home/me/busybox_1.tar', loaded: [FIXTURE] };
  });
  await open(page, berth.url, 'Images');

  // Cancelling the dialog shows nothing and opens no upload dialog.
  await page.getByRole('button', { name: 'Load from tar…' }).click();
  await expect.poll(() => asked.length).toBe(2);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Loaded' })).toHaveCount(0);

  cancel = false;
  await page.getByRole('button', { name: 'Load from tar…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Loaded' })).toHaveText(
    `Loaded ${FIXTURE} from /home/me/busybox_1.tar.`,
  );

  await page.getByRole('button', { name: `Open image ${FIXTURE}` }).click();
  await page.getByRole('button', { name: 'Save as tar' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText(
    `Saved ${FIXTURE} to /home/me/busybox_1.tar.`,
  );
  // The page names the image only; the path is main's to choose.
  expect(asked).toEqual([
    { channel: 'desktop:capabilities' },
    { channel: 'desktop:loadImage' },
    { channel: 'desktop:loadImage' },
    { channel: 'desktop:saveImage', input: { ref: FIXTURE } },
  ]);
});

test('with native dialogs, Save whole log goes to main with the containers shown and says where the file went', async ({
  page,
  berth,
  docker,
}) => {
  const name = `e2e-dlglog-${Date.now().toString(36)}`;
  const container = await startScript(docker, name, 'echo kept');
  await container.wait();
  try {
    const saved = `/home/me/${name}.log`;
    const asked = await playDesktopMain(page, (channel) =>
      channel === 'desktop:capabilities' ? { nativeDialogs: true } : { cancelled: false, path: saved },
    );
    await openLogsOf(page, berth.url, name);
    await expect(page.getByRole('log', { name: 'Log lines' })).toContainText('kept');
    await page.getByRole('button', { name: 'Save whole log' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Saved to ${saved}` })).toBeVisible();
    expect(asked).toEqual([
      { channel: 'desktop:capabilities' },
      { channel: 'desktop:saveLog', input: { containers: [container.id] } },
    ]);
  } finally {
    await container.remove({ force: true });
  }
});
