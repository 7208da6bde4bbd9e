import net from 'node:net';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function openImages(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Images' }).click();
  await expect(page.getByRole('heading', { name: 'Images', level: 1 })).toBeVisible();
}

/** A loopback port nothing listens on. */
const closedPort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

test('an engine error reads as Berth’s sentence, with the engine’s own words behind Details', async ({
  page,
  berth,
}) => {
  const port = await closedPort();
  await openImages(page, berth.url);
  await page.getByRole('button', { name: 'Pull…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Pull an image' });
  await dialog.getByLabel('Image name').fill(`127.0.0.1:${port}/nothing/here:1`);
  await dialog.getByRole('button', { name: 'Pull', exact: true }).click();

  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText(`The engine could not reach the registry 127.0.0.1:${port}`, { timeout: 20_000 });
  // The engine's raw words are there, but only inside the disclosure, never in place of the sentence.
  const raw = alert.locator('.error-notice-engine');
  await expect(raw).toBeHidden();
  await alert.getByText('Details').click();
  await expect(raw).toBeVisible();
  await expect(raw).toContainText('connection refused');
});
