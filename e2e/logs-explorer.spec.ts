import { expect, startScript, test } from './fixtures';

test('the logs explorer picks containers by search, finds a line in their history and opens it', async ({
  page,
  berth,
  docker,
}) => {
  const run = `e2e-lx-${Date.now().toString(36)}`;
  const names = ['web', 'api', 'db'].map((n) => `${run}-${n}`);
  const other = `e2e-other-${Date.now().toString(36)}`;
  const started = await Promise.all([
    ...names.map((name, i) =>
      startScript(
        docker,
        name,
        `j=0; while [ $j -lt 300 ]; do echo "${name} line $j"; j=$((j+1)); done; sleep 0.5; echo "order ${i} shipped" >&2; sleep 600`,
      ),
    ),
    startScript(docker, other, 'echo "order 9 shipped"; sleep 600'),
  ]);
  try {
    await page.goto(berth.url);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Logs' }).click();
    await page.getByRole('searchbox', { name: 'Find containers' }).fill(run);
    for (const name of names) await expect(page.getByRole('checkbox', { name })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: other })).toHaveCount(0);
    await page.getByRole('button', { name: 'Pick all 3 matching' }).click();
    for (const name of names) await expect(page.getByRole('checkbox', { name })).toBeChecked();

    await page.getByRole('searchbox', { name: 'Search all history for' }).fill('shipped');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page.getByRole('status', { name: 'Search progress' })).toHaveText('3 lines found.', {
      timeout: 20_000,
    });
    const counts = page.getByRole('list', { name: 'Matches per container' });
    for (const name of names) await expect(counts).toContainText(`${name}: 1 match`);
    await expect(counts).not.toContainText(other);
    const results = page.getByRole('list', { name: 'Search results' });
    await expect(results.getByRole('button')).toHaveCount(3);

    await results.getByRole('button').filter({ hasText: 'order 1 shipped' }).click();
    await expect(page.getByRole('checkbox', { name: names[1] })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: names[0] })).not.toBeChecked();
    const log = page.getByRole('log', { name: 'Log lines' });
    const row = log.getByRole('listitem').filter({ hasText: 'order 1 shipped' });
    await expect(row).toBeVisible({ timeout: 15_000 });
    await expect(log.getByRole('listitem').filter({ hasText: `${names[1]} line 299` })).toBeVisible();
  } finally {
    await Promise.all(started.map((c) => c.remove({ force: true })));
  }
});
