import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { dockerCli, expect, FIXTURE, test } from './fixtures';

async function show(page: Page, section: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: section }).click();
}

/** Removes what a test made, whether it got that far or not (quietly: some of it may never have been made). */
function cleanUp(host: string, ...commands: readonly string[][]): void {
  for (const args of commands) {
    try {
      execFileSync('docker', ['-H', host, ...args], { stdio: 'ignore' });
    } catch {
      // Never made, or already gone.
    }
  }
}

test('a volume and a network made in the UI serve a container run from the form, and its file is read back', async ({
  page,
  berth,
}) => {
  const stamp = Date.now().toString(36);
  const volume = `berth-e2e-vol-${stamp}`;
  const network = `berth-e2e-net-${stamp}`;
  const container = `berth-e2e-user-${stamp}`;
  try {
    await page.goto(berth.url);

    await show(page, 'Volumes');
    await page.getByRole('button', { name: 'Create volume…' }).click();
    const volumeDialog = page.getByRole('dialog', { name: 'Create a volume' });
    await volumeDialog.getByLabel('Volume name').fill(volume);
    await volumeDialog.getByLabel('Labels').fill('berth.test=1');
    await expect(volumeDialog.locator('code')).toHaveText(`docker volume create --label berth.test=1 ${volume}`);
    await volumeDialog.getByRole('button', { name: 'Create volume' }).click();
    await expect(volumeDialog).toBeHidden();
    const volumeRow = page.getByRole('grid', { name: 'Volumes' }).getByRole('row').filter({ hasText: volume });
    await expect(volumeRow).toContainText('unused');
    expect(dockerCli(berth.dockerHost, 'volume', 'inspect', '--format', '{{.Name}}', volume)).toBe(volume);

    await show(page, 'Networks');
    await page.getByRole('button', { name: 'Create network…' }).click();
    const networkDialog = page.getByRole('dialog', { name: 'Create a network' });
    await networkDialog.getByLabel('Network name').fill(network);
    await networkDialog.getByLabel('Gateway').fill('10.77.0.1');
    await expect(networkDialog.getByText('A gateway needs a subnet to sit in.')).toBeVisible();
    await expect(networkDialog.getByLabel('Gateway')).toHaveAttribute('aria-invalid', 'true');
    await networkDialog.getByLabel('Gateway').fill('');
    await networkDialog.getByLabel('Labels').fill('berth.test=1');
    await expect(networkDialog.locator('code')).toHaveText(
      `docker network create --driver bridge --label berth.test=1 ${network}`,
    );
    await networkDialog.getByRole('button', { name: 'Create network' }).click();
    await expect(page.getByRole('heading', { name: network })).toBeVisible();
    await expect(page.getByText('No container is on this network.')).toBeVisible();

    await show(page, 'Containers');
    await page.getByRole('button', { name: 'Create container' }).click();
    const run = page.getByRole('dialog', { name: 'Create and run a container' });
    await run.getByLabel('Image').fill(FIXTURE);
    await run.getByLabel('Name').fill(container);
    await run.getByLabel('Command').fill('sh -c "echo hello > /data/hello.txt && sleep 300"');
    await run.getByLabel('Volume', { exact: true }).selectOption(volume);
    await run.getByLabel('Mount at').fill('/data');
    await run.getByRole('button', { name: 'Add volume' }).click();
    await expect(run.getByLabel('Volumes and bind mounts')).toHaveValue(`${volume}:/data`);
    await run.getByLabel('Network', { exact: true }).selectOption(network);
    await run.getByLabel('Network aliases').fill('web');
    await run.getByLabel('Labels').fill('berth.test=1');
    await expect(run.locator('.ctr-live-command code')).toHaveText(
      `docker run -d --name ${container} -v ${volume}:/data --label berth.test=1 --network ${network} --network-alias web ${FIXTURE} sh -c 'echo hello > /data/hello.txt && sleep 300'`,
    );
    await run.getByRole('button', { name: 'Create and run' }).click();
    await expect(page.getByRole('status', { name: 'Container state' })).toHaveText('Running');

    // The volume's row and page name the container; the browser finds the file it wrote.
    await show(page, 'Volumes');
    await expect(volumeRow).toContainText('in use');
    await expect(volumeRow.getByRole('button', { name: container })).toBeVisible();
    await page.getByRole('button', { name: `Open volume ${volume}` }).click();
    await expect(page.getByRole('heading', { name: volume })).toBeVisible();
    await expect(page.getByRole('list', { name: `Containers using ${volume}` })).toContainText(container);
    await page
      .getByRole('table', { name: 'Files in the volume root' })
      .getByRole('button', { name: 'hello.txt' })
      .click();
    await expect(page.getByLabel('Text of hello.txt')).toHaveText('hello\n');

    // Removing it is refused in words, naming the container.
    await page.getByRole('button', { name: 'Remove…' }).click();
    const remove = page.getByRole('dialog', { name: `Remove volume ${volume}?` });
    await expect(remove.getByRole('alert')).toContainText(`cannot be removed while ${container} uses it`);
    await expect(remove.getByRole('button', { name: 'Remove volume' })).toHaveCount(0);
    await remove.getByRole('button', { name: 'Cancel' }).click();

    // The network's page lists the container with its address.
    await show(page, 'Networks');
    const networkRow = page.getByRole('grid', { name: 'Networks' }).getByRole('row').filter({ hasText: network });
    await expect(networkRow).toContainText(container);
    await page.getByRole('button', { name: `Open network ${network}` }).click();
    const members = page.getByRole('table', { name: `Containers on ${network}` });
    await expect(members.getByRole('row').filter({ hasText: container })).toContainText(/\d+\.\d+\.\d+\.\d+/);
    await expect(members.getByRole('row').filter({ hasText: container })).toContainText('web');
    expect(dockerCli(berth.dockerHost, 'inspect', '--format', '{{.HostConfig.NetworkMode}}', container)).toBe(network);
  } finally {
    cleanUp(
      berth.dockerHost,
      ['rm', '-f', container],
      ['network', 'rm', '-f', network],
      ['volume', 'rm', '-f', volume],
    );
  }
});

test('disk usage is measured on request and shows the four categories', async ({ page, berth }) => {
  await page.goto(berth.url);
  await show(page, 'Disk');
  await expect(page.getByRole('region', { name: 'Images' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Measure' }).click();
  for (const category of ['Images', 'Containers', 'Volumes', 'Build cache']) {
    const region = page.getByRole('region', { name: category });
    await expect(region).toContainText('reclaimable');
    await expect(region.getByRole('img')).toBeVisible();
  }
  await expect(page.getByRole('region', { name: 'Images' })).toContainText(/[1-9]\d* total/);
  await page.getByRole('button', { name: 'Clean up containers…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Clean up containers?' });
  await expect(dialog.locator('code')).toHaveText('docker container prune --force');
  await expect(dialog.getByText(/will be removed|Nothing would be removed/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('a volume is exported as a tar, and a tar imported into it shows up in the browser', async ({ page, berth }) => {
  const volume = `berth-e2e-transfer-${Date.now().toString(36)}`;
  const dir = mkdtempSync(join(tmpdir(), 'berth-e2e-'));
  try {
    dockerCli(berth.dockerHost, 'volume', 'create', '--label', 'berth.test=1', volume);
    dockerCli(
      berth.dockerHost,
      'run',
      '--rm',
      '-v',
      `${volume}:/data`,
      FIXTURE,
      'sh',
      '-c',
      'echo kept > /data/kept.txt',
    );
    await page.goto(berth.url);
    await show(page, 'Volumes');
    await page.getByRole('button', { name: `Open volume ${volume}` }).click();
    await expect(page.getByRole('button', { name: 'kept.txt' })).toBeVisible();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export as tar' }).click();
    const saved = join(dir, 'export.tar');
    await (await download).saveAs(saved);
    expect(execFileSync('tar', ['-tf', saved], { encoding: 'utf8' })).toMatch(/(^|\/)kept\.txt$/m);

    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'imported.txt'), 'from a tar\n');
    execFileSync('tar', ['-cf', join(dir, 'upload.tar'), '-C', join(dir, 'in'), 'imported.txt']);
    await page.getByRole('button', { name: 'Import tar…' }).click();
    const dialog = page.getByRole('dialog', { name: `Import a tar into ${volume}` });
    await dialog.getByLabel('Tar file').setInputFiles(join(dir, 'upload.tar'));
    await expect(dialog.locator('code')).toContainText('tar -xC /vol');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(dialog.getByRole('status')).toHaveText(`Imported upload.tar into ${volume}.`);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'imported.txt' }).click();
    await expect(page.getByLabel('Text of imported.txt')).toHaveText('from a tar\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    dockerCli(berth.dockerHost, 'volume', 'rm', '-f', volume);
  }
});

test('the two new lessons lead to their screens', async ({ page, berth }) => {
  await page.goto(berth.url);
  for (const [lesson, screen] of [
    ['Where data lives', 'Volumes'],
    ['Networks and ports', 'Networks'],
  ] as const) {
    await show(page, 'Learn');
    await page.getByRole('button', { name: lesson, exact: true }).click();
    await expect(page.getByRole('article', { name: lesson })).toBeVisible();
    await page.getByRole('button', { name: `See your ${screen.toLowerCase()}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: screen })).toBeVisible();
  }
});

test('a network with a container on it refuses removal by name; after disconnecting, connect with an alias, then remove', async ({
  page,
  berth,
}) => {
  const stamp = Date.now().toString(36);
  const network = `berth-e2e-net2-${stamp}`;
  const container = `berth-e2e-member-${stamp}`;
  try {
    dockerCli(berth.dockerHost, 'network', 'create', '--label', 'berth.test=1', network);
    dockerCli(
      berth.dockerHost,
      'run',
      '-d',
      '--label',
      'berth.test=1',
      '--name',
      container,
      '--network',
      network,
      FIXTURE,
      'sleep',
      '300',
    );
    await page.goto(berth.url);
    await show(page, 'Networks');
    await expect(
      page.getByRole('grid', { name: 'Networks' }).getByRole('row').filter({ hasText: /^host/ }),
    ).toContainText('predefined');
    await page.getByRole('button', { name: `Open network ${network}` }).click();

    await page.getByRole('button', { name: 'Remove…' }).click();
    const remove = page.getByRole('dialog', { name: `Remove network ${network}?` });
    await expect(remove.getByRole('alert')).toContainText(`cannot be removed while ${container} is on it`);
    await remove.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: `Disconnect ${container}` }).click();
    await expect(page.getByText('No container is on this network.')).toBeVisible();

    await page.getByRole('button', { name: 'Connect a container…' }).click();
    const connect = page.getByRole('dialog', { name: `Connect a container to ${network}` });
    await connect.getByLabel('Container').selectOption(container);
    await connect.getByLabel('Aliases').fill('db');
    await expect(connect.locator('code')).toHaveText(`docker network connect --alias db ${network} ${container}`);
    await connect.getByRole('button', { name: 'Connect' }).click();
    const row = page
      .getByRole('table', { name: `Containers on ${network}` })
      .getByRole('row')
      .filter({ hasText: container });
    await expect(row).toContainText('db');
    dockerCli(berth.dockerHost, 'rm', '-f', container);
    await expect(page.getByText('No container is on this network.')).toBeVisible();

    await page.getByRole('button', { name: 'Remove…' }).click();
    await page
      .getByRole('dialog', { name: `Remove network ${network}?` })
      .getByRole('button', { name: 'Remove network' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Networks' })).toBeVisible();
    expect(dockerCli(berth.dockerHost, 'network', 'ls', '-q', '--filter', `name=^${network}$`)).toBe('');
  } finally {
    cleanUp(berth.dockerHost, ['rm', '-f', container], ['network', 'rm', '-f', network]);
  }
});
