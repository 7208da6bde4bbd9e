import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const FIXTURE = 'berth-fixture/busybox:1';

function dockerCli(host: string, args: string[], input?: string): string {
  return execFileSync('docker', ['-H', host, ...args], {
    encoding: 'utf8',
    input,
    env: { ...process.env, DOCKER_BUILDKIT: '0' },
    stdio: ['pipe', 'pipe', 'pipe'],
  }).trim();
}

/** A new image of its own (a label on top of the fixture), so removing it touches nothing else. */
function buildOwnImage(host: string, name: string): void {
  dockerCli(host, ['build', '-q', '-t', name, '-'], `FROM ${FIXTURE}\nLABEL berth.test=1 made.by=${name}\n`);
}

async function openImages(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Images' }).click();
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
}

const notReloaded = async (page: Page) =>
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);

test('the list shows the fixture image with its tag, size and containers @core', async ({ page, berth }) => {
  await openImages(page, berth.url);
  const row = page.getByRole('grid', { name: 'Images' }).getByRole('row').filter({ hasText: 'berth-fixture/busybox' });
  await expect(row.first()).toBeVisible();
  const id = dockerCli(berth.dockerHost, ['image', 'inspect', '--format', '{{.Id}}', FIXTURE]);
  await expect(row.first()).toContainText(id.replace('sha256:', '').slice(0, 12));
  // How many containers use it, and how many of those run when any do: "3" or "3 (1 running)".
  await expect(row.first().getByRole('gridcell').nth(5)).toHaveText(/^\d+( \(\d+ running\))?$/);
  await page.getByText('What is an image?').click();
  await expect(page.getByText(/This engine holds \d+ images?/)).toBeVisible();
});

test('opening an image shows its layers as Dockerfile steps @core', async ({ page, berth }) => {
  await openImages(page, berth.url);
  // Podman names an image loaded from no registry localhost/<name>, and Berth says so on its page.
  const shown = berth.engine === 'podman' ? `localhost/${FIXTURE}` : FIXTURE;
  await page.getByRole('button', { name: `Open image ${shown}` }).click();
  await expect(page.getByRole('heading', { name: shown })).toBeVisible();
  if (berth.engine === 'podman') {
    await expect(page.getByText(/"localhost\/" is how Podman names an image/)).toContainText(`just ${FIXTURE}`);
  }
  await page.getByRole('tab', { name: 'Layers' }).click();
  const steps = page.getByRole('list', { name: 'Layers' }).getByRole('listitem');
  const history = dockerCli(berth.dockerHost, ['history', '-q', FIXTURE]).split('\n');
  await expect(steps).toHaveCount(history.length);
  await expect(steps.first()).toContainText('COPY file:');
  await expect(steps.nth(1)).toContainText('RUN /bin/busybox --install -s /bin');
  await expect(steps.filter({ hasText: 'CMD ["sh"]' })).toContainText('no files changed');
  await expect(page.getByRole('figure', { name: /Layers stacked by size/ }).getByRole('img')).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'Why these layers?' })).toContainText('2 steps changed files');
});

test('a tag added in the UI appears without a reload; a bad name is explained', async ({ page, berth }) => {
  const target = `berth-e2e-tag-${Date.now()}:v1`;
  await openImages(page, berth.url);
  await page.getByRole('button', { name: `Open image ${FIXTURE}` }).click();
  await page.getByRole('button', { name: 'Tag…' }).click();
  const dialog = page.getByRole('dialog', { name: `Tag ${FIXTURE}` });
  await dialog.getByLabel('New name').fill('Bad/Name:1');
  await expect(dialog.getByText(`docker tag ${FIXTURE} Bad/Name:1`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Add tag' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Image names must be lowercase: "Bad" has capital letters.');
  await dialog.getByLabel('New name').fill(target);
  await dialog.getByRole('button', { name: 'Add tag' }).click();
  await expect(dialog).toBeHidden();
  try {
    await page.getByRole('button', { name: '← All images' }).click();
    await expect(page.getByRole('button', { name: `Open image ${target}` })).toBeVisible();
    expect(dockerCli(berth.dockerHost, ['image', 'inspect', '--format', '{{.Id}}', target])).toBe(
      dockerCli(berth.dockerHost, ['image', 'inspect', '--format', '{{.Id}}', FIXTURE]),
    );
    await notReloaded(page);
  } finally {
    dockerCli(berth.dockerHost, ['rmi', target]);
  }
});

test('an image removed with the CLI disappears without a reload, and its open page says so', async ({
  page,
  berth,
}) => {
  const name = `berth-e2e-gone-${Date.now()}:1`;
  buildOwnImage(berth.dockerHost, name);
  await openImages(page, berth.url);
  await page.getByRole('button', { name: `Open image ${name}` }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  dockerCli(berth.dockerHost, ['rmi', name]);
  await expect(page.getByRole('alert')).toContainText('There is no image called');
  await page.getByRole('button', { name: '← All images' }).click();
  await expect(page.getByRole('grid', { name: 'Images' })).toBeVisible();
  await expect(page.getByRole('button', { name: `Open image ${name}` })).toHaveCount(0);
  await notReloaded(page);
});

test('removing an image a container uses is explained, and the container can go first', async ({ page, berth }) => {
  const name = `berth-e2e-used-${Date.now()}:1`;
  const container = `berth-e2e-user-${Date.now()}`;
  buildOwnImage(berth.dockerHost, name);
  dockerCli(berth.dockerHost, ['create', '--label', 'berth.test=1', '--name', container, name, 'true']);
  try {
    await openImages(page, berth.url);
    await page.getByRole('button', { name: `Open image ${name}` }).click();
    await page.getByRole('button', { name: 'Remove…' }).click();
    const dialog = page.getByRole('dialog', { name: `Remove ${name}?` });
    await expect(dialog.getByText(`docker image rm ${name}`)).toBeVisible();
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText(`is used by container ${container} (stopped)`);
    // Nothing was removed behind the user's back.
    expect(dockerCli(berth.dockerHost, ['images', '-q', name])).not.toBe('');
    await dialog.getByRole('button', { name: `Remove container ${container} first` }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('grid', { name: 'Images' })).toBeVisible();
    await expect(page.getByRole('button', { name: `Open image ${name}` })).toHaveCount(0);
    expect(dockerCli(berth.dockerHost, ['images', '-q', name])).toBe('');
    expect(dockerCli(berth.dockerHost, ['ps', '-aq', '--filter', `name=${container}`])).toBe('');
  } finally {
    dockerCli(berth.dockerHost, ['rm', '-f', container]);
    try {
      dockerCli(berth.dockerHost, ['rmi', '-f', name]);
    } catch {
      // Already removed by the test.
    }
  }
});
