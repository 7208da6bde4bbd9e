// Two private engines behind one Berth: the Settings page lists the engines, a typed address is confirmed in a
// dialog that states the risk, and after the switch the lists show the other engine's things; the status bar's
// engine switch goes back. What the lists show is compared with the docker CLI on each engine.
import { expect, test, dockerCli } from './fixtures';
import { startTestEngine } from '../scripts/test-engine.mjs';
import type { Page } from '@playwright/test';

const show = async (page: Page, section: string) =>
  page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: section }).click();

test('switching engines in the UI changes what the lists show', async ({ page, privateBerth }) => {
  test.setTimeout(180_000);
  const other = await startTestEngine({ name: 'e2e-b' });
  try {
    const a = privateBerth.engine.host;
    const b = other.host;
    dockerCli(a, 'volume', 'create', 'only-on-a');
    dockerCli(b, 'volume', 'create', 'only-on-b');

    await page.goto(privateBerth.url);
    await show(page, 'Volumes');
    const volumes = page.getByRole('grid', { name: 'Volumes' });
    await expect(volumes.getByRole('row').filter({ hasText: 'only-on-a' })).toBeVisible();

    await show(page, 'Settings');
    const engines = page.getByRole('table', { name: 'Engines' });
    await expect(engines.getByRole('row').filter({ hasText: 'Automatic' })).toContainText('In use');
    await page.getByRole('textbox', { name: 'Engine address' }).fill(b);
    await page.getByRole('button', { name: 'Save' }).click();
    const confirm = page.getByRole('dialog', { name: 'Connect to this engine?' });
    await expect(confirm).toContainText('the engine is root on its host');
    await expect(confirm).toContainText(`export DOCKER_HOST=${b}`);
    // Nothing changes before the yes.
    await expect(page.getByTitle('Endpoint (from DOCKER_HOST)')).toHaveText(a);
    await confirm.getByRole('button', { name: 'Connect' }).click();
    await expect(page.getByTitle('Endpoint (from settings)')).toHaveText(b);
    await expect(page.getByRole('status', { name: 'Engine status' })).toContainText('Connected');

    await show(page, 'Volumes');
    await expect(volumes.getByRole('row').filter({ hasText: 'only-on-b' })).toBeVisible();
    await expect(volumes.getByRole('row').filter({ hasText: 'only-on-a' })).toHaveCount(0);
    expect(dockerCli(b, 'volume', 'ls', '-q')).toContain('only-on-b');

    // Back through the status bar: automatic is DOCKER_HOST, engine a; no question for a choice Berth found.
    await page.getByRole('combobox', { name: 'Switch engine' }).selectOption({ label: `Automatic — ${a}` });
    await expect(page.getByTitle('Endpoint (from DOCKER_HOST)')).toHaveText(a);
    await expect(volumes.getByRole('row').filter({ hasText: 'only-on-a' })).toBeVisible();
    await expect(volumes.getByRole('row').filter({ hasText: 'only-on-b' })).toHaveCount(0);
  } finally {
    await other.remove();
  }
});
