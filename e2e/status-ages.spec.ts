import type { Page } from '@playwright/test';
import { dockerCli, expect, runLabelled, test } from './fixtures';

const unique = (what: string) => `berth-e2e-${what}-${Date.now().toString(36)}`;

async function openContainers(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Containers' }).click();
  await expect(page.getByRole('heading', { name: 'Containers', level: 1 })).toBeVisible();
}

test('a running container’s status ages on the open list with no engine event, as docker ps says it', async ({
  page,
  berth,
}) => {
  test.setTimeout(150_000);
  const name = unique('ages');
  try {
    runLabelled(berth.dockerHost, name);
    await openContainers(page, berth.url);
    const row = page.getByRole('row').filter({ hasText: name });
    const status = row.getByRole('gridcell').nth(3);
    await expect(status).toHaveText(/^Up (Less than a second|\d+ seconds?)$/);

    // Nothing happens to the container from here on: no event, no new list; only the clock moves.
    await expect(status).toHaveText('Up About a minute', { timeout: 90_000 });
    const cli = dockerCli(berth.dockerHost, 'ps', '--filter', `name=^${name}$`, '--format', '{{.Status}}');
    expect(cli).toBe('Up About a minute');

    // A running container has not exited: its page says so instead of showing the engine's "exit code 0".
    await row.getByRole('button', { name }).click();
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Exit code' })).toHaveCount(0);
    await expect(page.locator('.ctr-facts')).toContainText('Still running');
  } finally {
    dockerCli(berth.dockerHost, 'rm', '-f', name);
  }
});
