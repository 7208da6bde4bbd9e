import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dockerCli, expect, runLabelled, test } from './fixtures';

const DOCS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs');

test('the shell connects to the engine and shows its version, endpoint and OS', async ({ page, berth }) => {
  const [version, apiVersion, os, arch] = dockerCli(
    berth.dockerHost,
    'version',
    '--format',
    '{{.Server.Version}} {{.Server.APIVersion}} {{.Server.Os}} {{.Server.Arch}}',
  ).split(' ');
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(berth.url);
  const status = page.getByRole('status', { name: 'Engine status' });
  await expect(status).toContainText('Connected');
  await expect(status).toContainText(`Docker Engine ${version} · API ${apiVersion}`);
  await expect(status).toContainText(berth.dockerHost);
  await expect(status).toContainText(`${os}/${arch}`);
  // The token leaves the address bar once the page has it.
  expect(page.url()).not.toContain(berth.token);
  // Nothing was blocked by the CSP or failed to load.
  expect(consoleErrors).toEqual([]);
});

test('the sections are reachable by mouse and keyboard and mark the current one', async ({ page, berth }) => {
  await page.goto(berth.url);
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await nav.getByRole('button', { name: 'Images' }).click();
  await expect(nav.getByRole('button', { name: 'Images' })).toHaveAttribute('aria-current', 'page');
  const images = page.getByRole('grid', { name: 'Images' });
  await expect(images.getByRole('row').filter({ hasText: 'berth-fixture/busybox' }).first()).toBeVisible();

  const learn = nav.getByRole('button', { name: 'Learn' });
  await learn.focus();
  await page.keyboard.press('Enter');
  await expect(learn).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('main').getByRole('heading').first()).toBeVisible();

  // Tab order follows the sidebar: from Containers, one Tab reaches Images.
  await nav.getByRole('button', { name: 'Containers' }).focus();
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('button', { name: 'Images' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(nav.getByRole('button', { name: 'Images' })).toHaveAttribute('aria-current', 'page');
});

test('a container made with the CLI appears and disappears without a reload', async ({ page, berth }) => {
  await page.goto(berth.url);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Containers' }).click();
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  const name = `berth-e2e-live-${Date.now()}`;
  dockerCli(berth.dockerHost, 'create', '--label', 'berth.test=1', '--name', name, 'berth-fixture/busybox:1', 'true');
  try {
    // Created containers are not running: show them all.
    await page.getByRole('button', { name: 'Show all', exact: true }).click();
    const table = page.getByRole('grid', { name: 'Containers' });
    await expect(table.getByRole('row').filter({ hasText: name })).toBeVisible();
  } finally {
    dockerCli(berth.dockerHost, 'rm', '-f', name);
  }
  await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
});

test('light and dark themes follow the system, for the README screenshot', async ({ page, berth }) => {
  await page.setViewportSize({ width: 1280, height: 760 });
  const name = `berth-e2e-shot-${Date.now()}`;
  runLabelled(berth.dockerHost, name);
  try {
    const backgrounds: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(berth.url);
      await expect(page.getByRole('status', { name: 'Engine status' })).toContainText('Connected');
      await expect(
        page.getByRole('grid', { name: 'Containers' }).getByRole('row').filter({ hasText: name }),
      ).toBeVisible();
      backgrounds.push(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
      await page.screenshot({
        path: path.join(DOCS, colorScheme === 'light' ? 'screenshot.png' : 'screenshot-dark.png'),
      });
    }
    expect(backgrounds[0]).not.toBe(backgrounds[1]);
  } finally {
    dockerCli(berth.dockerHost, 'rm', '-f', name);
  }
});
