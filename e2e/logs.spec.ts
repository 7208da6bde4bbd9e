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

test('Save whole log downloads every line the engine kept, from the engine rather than the view', async ({
  page,
  berth,
  docker,
}) => {
  const name = `e2e-logsave-${Date.now().toString(36)}`;
  const container = await docker.createContainer({
    name,
    Image: FIXTURE,
    // 3,000 lines on stdout and one on stderr (the engine may keep that one a little earlier: its own goroutine).
    Cmd: ['sh', '-c', 'i=1; while [ $i -le 3000 ]; do echo "saved $i"; i=$((i+1)); done; echo "last words" >&2'],
    Labels: { 'berth.test': '1' },
  });
  await container.start();
  await container.wait();
  try {
    await page.goto(berth.url);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Logs' }).click();
    await page.getByRole('checkbox', { name }).check();
    // The view opens on the newest 1,000 lines (and the stop notice); the file has all 3,001.
    await expect(page.getByText(/^1,00[01] lines$/)).toBeVisible();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save whole log' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${name}.log`);
    const text = await (await download.createReadStream()).toArray();
    const lines = Buffer.concat(text).toString('utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(3001);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z stdout saved 1$/);
    expect(lines.filter((l) => / stderr last words$/.test(l))).toHaveLength(1);
    expect(lines.filter((l) => / stdout saved \d+$/.test(l))).toHaveLength(3000);
    await expect(page.getByRole('status').filter({ hasText: `Downloading ${name}.log` })).toBeVisible();
  } finally {
    await container.remove({ force: true });
  }
});
