import { expect, test } from './fixtures';

const FIXTURE = 'berth-fixture/busybox:1';

test('the Logs section follows a container, finds a line and marks stderr', async ({ page, berth, docker }) => {
  const name = `e2e-logs-${Date.now().toString(36)}`;
  const container = await docker.createContainer({
    name,
    Image: FIXTURE,
    Cmd: ['sh', '-c', 'echo "needle in the log" >&2; i=0; while true; i=$((i+1)); do echo "tick $i"; sleep 0.3; done'],
    Labels: { 'berth.test': '1' },
  });
  await container.start();
  try {
    await page.goto(berth.url);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Logs' }).click();
    await page.getByRole('checkbox', { name }).check();
    const log = page.getByRole('log', { name: 'Log lines' });

    // Following: a line printed after the view opened shows up by itself.
    await expect(log).toContainText('tick 2');
    const later = Number((await log.textContent())?.match(/tick (\d+)(?!.*tick)/s)?.[1] ?? 0) + 3;
    await expect(log).toContainText(`tick ${later}`, { timeout: 10_000 });

    // stderr is marked.
    const stderrRow = log.getByRole('listitem').filter({ hasText: 'needle in the log' });
    await expect(stderrRow).toHaveAttribute('data-stream', 'stderr');
    await expect(stderrRow.getByTitle('Written to stderr')).toBeVisible();
    await expect(log.getByRole('listitem').filter({ hasText: 'tick 1' }).first()).toHaveAttribute(
      'data-stream',
      'stdout',
    );

    // Search counts and highlights the match.
    await page.getByRole('searchbox', { name: 'Search the log' }).fill('needle');
    await expect(page.getByRole('status', { name: 'Matches' })).toHaveText('1 of 1');
    await expect(stderrRow.locator('mark')).toHaveText('needle');
  } finally {
    await container.remove({ force: true });
  }
});
