import { expect, test } from './fixtures';

test('stopping the engine shows the unreachable screen within 2 s, and starting it brings the shell back without a reload', async ({
  page,
  privateBerth,
}) => {
  await page.goto(privateBerth.url);
  const status = page.getByRole('status', { name: 'Engine status' });
  await expect(status).toContainText('Connected');
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));

  const unreachable = page.getByRole('heading', { name: 'Cannot reach the Docker Engine' });
  const stopping = privateBerth.engine.stop();
  const stoppedAt = Date.now();
  await expect(unreachable).toBeVisible({ timeout: 2_000 });
  const shownAfter = Date.now() - stoppedAt;
  await stopping;
  await expect(page.getByText('Is Docker running?', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Retry' })).toBeEnabled();
  test.info().annotations.push({ type: 'unreachable shown after', description: `${shownAfter} ms` });

  await privateBerth.engine.start();
  await expect(unreachable).toBeHidden({ timeout: 10_000 });
  await expect(status).toContainText('Connected');
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
});

test('Retry reconnects at once once the engine is back', async ({ page, privateBerth }) => {
  await privateBerth.engine.stop();
  await page.goto(privateBerth.url);
  await expect(page.getByRole('heading', { name: 'Cannot reach the Docker Engine' })).toBeVisible();
  await privateBerth.engine.start();
  // The backoff (at most 2 s between tries) can reconnect on its own while the engine starts, taking the button
  // away before the click lands (seen on a loaded machine); then there is nothing left to retry.
  const retry = page.getByRole('button', { name: 'Retry' });
  const clicked = await retry.click({ timeout: 3_000 }).then(
    () => true,
    async () => {
      await expect(retry).toBeHidden();
      return false;
    },
  );
  test.info().annotations.push({ type: 'retry', description: clicked ? 'clicked' : 'the backoff reconnected first' });
  await expect(page.getByRole('status', { name: 'Engine status' })).toContainText('Connected', { timeout: 3_000 });
});
