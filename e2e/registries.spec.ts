import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startTestRegistry, type TestRegistry } from '../scripts/test-registry.mjs';
import { dockerCli, expect, FIXTURE, test } from './fixtures';

const USER = 'berth';
const PASSWORD = `e2e-${Date.now().toString(36)}`;

async function show(page: Page, section: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: section }).click();
}

/** The repositories the registry holds, read with the login and its CA, not through Berth. */
function catalog(registry: TestRegistry): Promise<string[]> {
  return new Promise((resolve, reject) => {
    https
      .get(
        {
          host: '127.0.0.1',
          port: registry.port,
          path: '/v2/_catalog',
          ca: fs.readFileSync(path.join(registry.dir, 'registry.crt')),
          auth: `${USER}:${PASSWORD}`,
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (c: string) => (body += c));
          res.on('end', () => resolve((JSON.parse(body) as { repositories: string[] }).repositories));
        },
      )
      .on('error', reject);
  });
}

let registry: TestRegistry;
test.beforeAll(async () => {
  registry = await startTestRegistry({ tls: true, auth: { user: USER, password: PASSWORD } });
});
test.afterAll(async () => {
  await registry?.stop();
});

test('a push refused for want of a login opens the login dialog, retries with progress, and the login is listed and logged out', async ({
  page,
  berth,
}) => {
  const stamp = Date.now().toString(36);
  const repository = `e2e/private-${stamp}`;
  const image = `${registry.address}/${repository}:1`;
  const helper = `berth-e2e-reg-${stamp}`;
  // An image of its own (one tag), so the image page's push offers exactly this name.
  dockerCli(berth.dockerHost, 'create', '--label', 'berth.test=1', '--name', helper, FIXTURE, 'true');
  dockerCli(berth.dockerHost, 'commit', helper, image);
  try {
    await page.goto(berth.url);
    await show(page, 'Registries');
    await expect(page.getByRole('heading', { name: 'Not logged in to any registry' })).toBeVisible();
    await expect(page.getByText(/Logins are shared with the docker CLI: \S*berth-e2e-docker-config-/)).toBeVisible();

    await show(page, 'Images');
    await page.getByRole('button', { name: `Open image ${image}` }).click();
    await page.getByRole('button', { name: 'Push…' }).click();
    const push = page.getByRole('dialog', { name: 'Push an image' });
    await push.getByRole('button', { name: 'Push', exact: true }).click();
    await expect(push.getByRole('alert')).toContainText(`Log in to ${registry.address}`);
    await push.getByRole('button', { name: `Log in to ${registry.address}…` }).click();

    const login = page.getByRole('dialog', { name: `Log in to ${registry.address}` });
    await expect(login.getByLabel('Registry')).toHaveValue(registry.address);
    await login.getByLabel('User name').fill(USER);
    await login.getByLabel('Password or access token').fill('not-the-password');
    await expect(login.locator('code')).toHaveText(
      `docker login --username ${USER} --password-stdin ${registry.address}`,
    );
    await expect(login.getByText(/will hold this password base64-encoded/)).toBeVisible();
    await login.getByRole('button', { name: 'Log in' }).click();
    await expect(login.getByRole('alert')).toContainText(`${registry.address} refused the user name or password`);
    await login.getByLabel('Password or access token').fill(PASSWORD);
    await login.getByRole('button', { name: 'Log in' }).click();
    await expect(login).toBeHidden();

    // The push runs again by itself once logged in, with its progress.
    await expect(push.getByRole('progressbar', { name: 'Push progress' })).toBeVisible();
    await expect(push.getByText('Push finished.')).toBeVisible({ timeout: 30_000 });
    expect(await catalog(registry)).toContain(repository);
    await push.getByRole('button', { name: 'Close' }).click();

    await show(page, 'Registries');
    const row = page
      .getByRole('table', { name: 'Registry logins' })
      .getByRole('row')
      .filter({ hasText: registry.address });
    await expect(row).toContainText(USER);
    await expect(row).toContainText('config.json');
    await row.getByRole('button', { name: `Log out of ${registry.address}` }).click();
    const logout = page.getByRole('dialog', { name: `Log out of ${registry.address}` });
    await expect(logout).toContainText(`This removes the credential of ${USER} for ${registry.address}`);
    await expect(logout.locator('code')).toHaveText(`docker logout ${registry.address}`);
    await logout.getByRole('button', { name: 'Log out' }).click();
    await expect(logout).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Not logged in to any registry' })).toBeVisible();
    // The password went to the backend once and is shown nowhere.
    await expect(page.locator('body')).not.toContainText(PASSWORD);
  } finally {
    for (const args of [
      ['rm', '-f', helper],
      ['rmi', '-f', image],
    ]) {
      try {
        dockerCli(berth.dockerHost, ...args);
      } catch {
        // Never made, or already gone.
      }
    }
  }
});
