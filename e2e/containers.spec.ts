import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { dockerCli, expect, FIXTURE, runLabelled, test } from './fixtures';

const unique = (what: string) => `berth-e2e-${what}-${Date.now().toString(36)}`;

async function openContainers(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Containers' }).click();
  await expect(page.getByRole('heading', { name: 'Containers', level: 1 })).toBeVisible();
}

/** Everything the page logs as an error (CSP refusals included). */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

test('create and run from the form, then stop it in the UI: the CLI sees it exited @core', async ({ page, berth }) => {
  const name = unique('form');
  try {
    await openContainers(page, berth.url);
    await page.getByRole('button', { name: 'Create container' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create and run a container' });
    await dialog.getByLabel('Image').fill(FIXTURE);
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('Command').fill('sleep 600');
    await dialog.getByLabel('Labels').fill('berth.test=1');
    // The docker run line follows the form as it is filled in.
    await expect(dialog.locator('.ctr-live-command')).toContainText(
      `docker run -d --name ${name} --label berth.test=1 ${FIXTURE} sleep 600`,
    );
    await dialog.getByRole('button', { name: 'Create and run' }).click();
    await expect(dialog).toBeHidden();

    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
    await expect(page.getByRole('status', { name: 'Container state' })).toHaveText('Running');
    expect(dockerCli(berth.dockerHost, 'inspect', '--format', '{{.State.Status}}', name)).toBe('running');

    await page.getByRole('toolbar', { name: 'Container actions' }).getByRole('button', { name: 'Stop' }).click();
    const stop = page.getByRole('dialog', { name: `Stop ${name}` });
    await expect(stop).toContainText('SIGTERM');
    await stop.getByLabel('Seconds to wait before SIGKILL').fill('1');
    await expect(stop.locator('.command')).toHaveText(`docker stop --time 1 ${name}`);
    await stop.getByRole('button', { name: 'Stop' }).click();
    await expect(page.getByRole('status', { name: 'Container state' })).toHaveText('Exited', { timeout: 10_000 });
    expect(dockerCli(berth.dockerHost, 'inspect', '--format', '{{.State.Status}}', name)).toBe('exited');
    // A `sleep` as PID 1 ignores SIGTERM, so the engine had to kill it: the page says so in words.
    await expect(page.getByRole('region', { name: 'Exit code' })).toContainText('Exit code 137: Killed (SIGKILL)');
  } finally {
    execFileSync('docker', ['-H', berth.dockerHost, 'rm', '-f', name], { stdio: 'ignore' });
  }
});

test('the form flags a taken name, a bad port and a missing image on their fields', async ({ page, berth }) => {
  const taken = unique('taken');
  dockerCli(berth.dockerHost, 'create', '--label', 'berth.test=1', '--name', taken, FIXTURE, 'true');
  try {
    await openContainers(page, berth.url);
    await page.getByRole('button', { name: 'Create container' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create and run a container' });
    await dialog.getByLabel('Image').fill('berth-nope/missing:1');
    await dialog.getByLabel('Name').fill(taken);
    await dialog.getByLabel('Ports').fill('8080:70000');
    await expect(dialog.getByLabel('Image')).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog).toContainText('There is no image berth-nope/missing:1 on this engine.');
    await expect(dialog).toContainText(`The name ${taken} is already taken by another container.`);
    await expect(dialog).toContainText('The container port 70000 is outside 1–65535.');
    await dialog.getByRole('button', { name: 'Create and run' }).click();
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  } finally {
    dockerCli(berth.dockerHost, 'rm', '-f', taken);
  }
});

test('a container started with the CLI appears within a second, without a reload', async ({ page, berth }) => {
  await openContainers(page, berth.url);
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  const name = unique('cli');
  const started = Date.now();
  runLabelled(berth.dockerHost, name);
  try {
    const row = page.getByRole('grid', { name: 'Containers' }).getByRole('row').filter({ hasText: name });
    await expect(row).toBeVisible({ timeout: 1000 });
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(row).toContainText('Running');
    // Running rows get their live CPU and memory from the stats stream.
    await expect(row.getByRole('gridcell').nth(6)).toContainText(/\d.*B/, { timeout: 5000 });
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
  } finally {
    dockerCli(berth.dockerHost, 'rm', '-f', name);
  }
});

test('the exec terminal runs a shell: typing `echo hello` shows hello', async ({ page, berth }) => {
  const errors = consoleErrors(page);
  const name = unique('term');
  const id = runLabelled(berth.dockerHost, name);
  try {
    await openContainers(page, berth.url);
    await page.getByRole('button', { name, exact: true }).click();
    await page.getByRole('tab', { name: 'Terminal' }).click();
    const terminal = page.getByRole('region', { name: 'Terminal' });
    await expect(terminal.locator('.xterm-rows')).toContainText('/ #', { timeout: 10_000 });
    await terminal.click();
    await page.keyboard.type('echo hel""lo\n');
    // Each terminal row is its own element: one row holds exactly the output.
    await expect(terminal.locator('.xterm-rows > div').filter({ hasText: /^hello\s*$/ })).toHaveCount(1);
    expect(dockerCli(berth.dockerHost, 'top', id)).toContain('/bin/sh');
    // Leaving the tab ends the session, and the shell with it.
    await page.getByRole('tab', { name: 'Overview' }).click();
    await expect.poll(() => dockerCli(berth.dockerHost, 'top', id).includes('/bin/sh'), { timeout: 5000 }).toBe(false);
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  } finally {
    dockerCli(berth.dockerHost, 'rm', '-f', name);
  }
});

test('removing a running container without force is refused and explained', async ({ page, berth }) => {
  const name = unique('busy');
  runLabelled(berth.dockerHost, name);
  try {
    await openContainers(page, berth.url);
    await page.getByRole('button', { name, exact: true }).click();
    await page.getByRole('toolbar', { name: 'Container actions' }).getByRole('button', { name: 'Remove' }).click();
    const dialog = page.getByRole('dialog', { name: `Remove ${name}` });
    await dialog.getByRole('checkbox', { name: /Force/ }).uncheck();
    await expect(dialog.locator('.command').last()).toHaveText(`docker rm ${name}`);
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'is running, so the engine will not remove it' }),
    ).toBeVisible();
    expect(dockerCli(berth.dockerHost, 'inspect', '--format', '{{.State.Status}}', name)).toBe('running');
  } finally {
    dockerCli(berth.dockerHost, 'rm', '-f', name);
  }
});

test('removing a container with changes lists them and can commit it as an image first', async ({ page, berth }) => {
  const name = unique('keep');
  const repo = `berth-e2e-kept-${Date.now().toString(36)}`;
  runLabelled(berth.dockerHost, name);
  dockerCli(berth.dockerHost, 'exec', name, 'sh', '-c', 'echo work > /important.txt');
  try {
    await openContainers(page, berth.url);
    await page.getByRole('button', { name, exact: true }).click();
    await page.getByRole('tab', { name: 'Files' }).click();
    await expect(page.getByRole('tree', { name: 'Changes in the writable layer' })).toContainText('important.txt');
    await page.getByRole('toolbar', { name: 'Container actions' }).getByRole('button', { name: 'Remove' }).click();
    const dialog = page.getByRole('dialog', { name: `Remove ${name}` });
    await expect(dialog.getByRole('list', { name: 'Changes that will be lost' })).toContainText('/important.txt');
    await dialog.getByRole('checkbox', { name: /Commit as an image first/ }).check();
    await dialog.getByLabel('Repository').fill(repo);
    await dialog.getByRole('button', { name: 'Commit, then remove' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status', { name: 'Container state' })).toHaveText('Removed');
    expect(dockerCli(berth.dockerHost, 'run', '--rm', `${repo}:latest`, 'cat', '/important.txt')).toBe('work');
  } finally {
    execFileSync('docker', ['-H', berth.dockerHost, 'rm', '-f', name], { stdio: 'ignore' });
    execFileSync('docker', ['-H', berth.dockerHost, 'rmi', '-f', `${repo}:latest`], { stdio: 'ignore' });
  }
});
