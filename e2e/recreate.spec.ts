// Edit and recreate from a container's page: the form comes filled from the container, the diff and the docker
// twin follow the edit, and the engine ends up with a new container under the same name with the new value.
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dockerCli, expect, FIXTURE, test } from './fixtures';

const unique = (what: string) => `berth-e2e-${what}-${Date.now().toString(36)}`;

async function openContainer(page: Page, url: string, name: string) {
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Containers' }).click();
  await page.getByRole('grid', { name: 'Containers' }).getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

test('edit a container env, see the diff and the twin, recreate: same name, new value', async ({ page, berth }) => {
  const name = unique('recreate');
  const host = berth.dockerHost;
  const oldId = dockerCli(
    host,
    'run',
    '-d',
    '--name',
    name,
    '--label',
    'berth.test=1',
    '--label',
    'role=web',
    '-e',
    'GREETING=hello',
    FIXTURE,
    'sleep',
    '600',
  );
  try {
    await openContainer(page, berth.url, name);
    await page
      .getByRole('toolbar', { name: 'Container actions' })
      .getByRole('button', { name: 'Edit and recreate…' })
      .click();
    const dialog = page.getByRole('dialog', { name: `Edit and recreate ${name}` });
    // Filled from the container itself.
    await expect(dialog.getByLabel('Image')).toHaveValue(FIXTURE);
    await expect(dialog.getByLabel('Command')).toHaveValue('sleep 600');
    await expect(dialog.getByLabel('Environment')).toHaveValue(/GREETING=hello/);
    await expect(dialog.getByLabel('Labels')).toHaveValue(/role=web/);
    await expect(dialog).toContainText('None yet: the new container would have the same settings.');

    const env = await dialog.getByLabel('Environment').inputValue();
    await dialog.getByLabel('Environment').fill(env.replace('GREETING=hello', 'GREETING=bonjour'));
    await expect(dialog.getByRole('list', { name: 'Changes' })).toHaveText('env GREETING: hello → bonjour');
    const twin = dialog.locator('.ctr-live-command');
    await expect(twin).toContainText(`docker rename ${name} ${name}-berth-old-${oldId.slice(0, 12)}`);
    await expect(twin).toContainText(`-e GREETING=bonjour`);
    await expect(twin).toContainText(`docker rm ${name}-berth-old-${oldId.slice(0, 12)}`);
    await expect(dialog).toContainText('Anonymous volumes are lost with the old container unless you keep them');

    await dialog.getByRole('button', { name: 'Recreate' }).click();
    const done = page.getByRole('dialog', { name: `Recreated ${name}` });
    await expect(done.getByRole('status')).toContainText(`${name} was recreated from ${FIXTURE}`, { timeout: 20_000 });
    await done.getByRole('button', { name: 'Open the new container' }).click();
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
    await expect(page.getByRole('status', { name: 'Container state' })).toHaveText('Running');

    const [id, env2, state] = dockerCli(
      host,
      'inspect',
      '--format',
      '{{.Id}}|{{json .Config.Env}}|{{.State.Status}}',
      name,
    ).split('|');
    expect(id).not.toBe(oldId);
    expect(JSON.parse(env2 ?? '[]')).toContain('GREETING=bonjour');
    expect(JSON.parse(env2 ?? '[]')).not.toContain('GREETING=hello');
    expect(state).toBe('running');
    // The old one is gone, not left aside.
    expect(dockerCli(host, 'ps', '-a', '--filter', `name=${name}`, '--format', '{{.Names}}')).toBe(name);
  } finally {
    dockerCli(host, 'rm', '-f', name);
  }
});

test('a recreate that fails is said in words and leaves the old container as it was', async ({ page, berth }) => {
  const name = unique('recreate-fail');
  const host = berth.dockerHost;
  const oldId = dockerCli(
    host,
    'run',
    '-d',
    '--name',
    name,
    '--label',
    'berth.test=1',
    '-e',
    'GREETING=hello',
    FIXTURE,
    'sleep',
    '600',
  );
  try {
    await openContainer(page, berth.url, name);
    await page
      .getByRole('toolbar', { name: 'Container actions' })
      .getByRole('button', { name: 'Edit and recreate…' })
      .click();
    const dialog = page.getByRole('dialog', { name: `Edit and recreate ${name}` });
    await expect(dialog.getByLabel('Image')).toHaveValue(FIXTURE);
    // A working directory that is a file: the engine creates the container but cannot start it.
    await dialog.getByLabel('Working directory').fill('/bin/sh');
    await expect(dialog.getByRole('list', { name: 'Changes' })).toContainText('working directory: set to /bin/sh');
    await dialog.getByRole('button', { name: 'Recreate' }).click();
    await expect(dialog.getByRole('alert')).toBeVisible({ timeout: 20_000 });
    await expect(dialog).toBeVisible();

    const [id, state, dir] = dockerCli(
      host,
      'inspect',
      '--format',
      '{{.Id}}|{{.State.Status}}|{{.Config.WorkingDir}}',
      name,
    ).split('|');
    expect(id).toBe(oldId);
    expect(state).toBe('running');
    expect(dir).toBe('');
    expect(dockerCli(host, 'ps', '-a', '--filter', `name=${name}`, '--format', '{{.Names}}')).toBe(name);
  } finally {
    dockerCli(host, 'rm', '-f', name);
  }
});

test('a file in the writable layer is copied out from the edit dialog before the recreate', async ({ page, berth }) => {
  const name = unique('copyout');
  const host = berth.dockerHost;
  dockerCli(host, 'run', '-d', '--name', name, '--label', 'berth.test=1', FIXTURE, 'sleep', '600');
  const dir = mkdtempSync(join(tmpdir(), 'berth-copyout-'));
  try {
    dockerCli(host, 'exec', name, 'sh', '-c', 'echo keep me > /notes.txt');
    await openContainer(page, berth.url, name);
    await page
      .getByRole('toolbar', { name: 'Container actions' })
      .getByRole('button', { name: 'Edit and recreate…' })
      .click();
    const dialog = page.getByRole('dialog', { name: `Edit and recreate ${name}` });
    await expect(dialog.getByRole('list', { name: 'Writable-layer changes' })).toContainText('added /notes.txt');
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Copy /notes.txt out' }).click();
    const download = await downloading;
    const tar = join(dir, download.suggestedFilename());
    await download.saveAs(tar);
    execFileSync('tar', ['-xf', tar, '-C', dir]);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('keep me\n');
    await expect(dialog.getByRole('status').filter({ hasText: 'docker cp' })).toContainText(
      `docker cp ${name}:/notes.txt`,
    );
    // Still the dialog, nothing recreated yet.
    await expect(dialog.getByRole('button', { name: 'Recreate' })).toBeEnabled();
  } finally {
    dockerCli(host, 'rm', '-f', name);
    rmSync(dir, { recursive: true, force: true });
  }
});
