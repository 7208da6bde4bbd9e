import { expect, openLogsOf, startScript, test } from './fixtures';

test('the Logs section follows a container, finds a line and marks stderr', async ({ page, berth, docker }) => {
  const name = `e2e-logs-${Date.now().toString(36)}`;
  const container = await startScript(
    docker,
    name,
    'echo "needle in the log" >&2; i=0; while true; i=$((i+1)); do echo "tick $i"; sleep 0.3; done',
  );
  try {
    await openLogsOf(page, berth.url, name);
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
  // 3,000 lines on stdout and one on stderr (the engine may keep that one a little earlier: its own goroutine).
  const container = await startScript(
    docker,
    name,
    'i=1; while [ $i -le 3000 ]; do echo "saved $i"; i=$((i+1)); done; echo "last words" >&2',
  );
  await container.wait();
  try {
    await openLogsOf(page, berth.url, name);
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

test('the view controls: timestamps, stderr only, load older to the start, pause and jump to latest, clear', async ({
  page,
  berth,
  docker,
}) => {
  const name = `e2e-logview-${Date.now().toString(36)}`;
  // 3,000 numbered lines and 30 on stderr, then one more line for every SIGUSR1.
  const script = [
    'i=1; while [ $i -le 3000 ]; do echo "n $i"; [ $((i % 100)) -eq 0 ] && echo "e $i" >&2; i=$((i+1)); done',
    'j=0; trap \'j=$((j+1)); echo "more $j"\' USR1',
    'while :; do sleep 0.1; done',
  ].join('; ');
  const container = await startScript(docker, name, script);
  const more = () => container.kill({ signal: 'SIGUSR1' });
  try {
    await openLogsOf(page, berth.url, name);
    const log = page.getByRole('log', { name: 'Log lines' });
    const count = page.locator('.logs-count');
    await expect(count).toHaveText('1,000 lines');

    // Timestamps on and off.
    const stamps = page.getByRole('button', { name: 'Timestamps' });
    await stamps.click();
    await expect(stamps).toHaveAttribute('aria-pressed', 'true');
    await expect(log.locator('time').first()).toBeVisible();
    await stamps.click();
    await expect(log.locator('time')).toHaveCount(0);

    // stderr only: every row shown is a stderr row.
    await page.getByRole('button', { name: 'stderr only' }).click();
    const rows = log.getByRole('listitem');
    await expect(rows.first()).toHaveAttribute('data-stream', 'stderr');
    expect(await rows.evaluateAll((els) => els.every((e) => e.getAttribute('data-stream') === 'stderr'))).toBe(true);
    await page.getByRole('button', { name: 'stderr only' }).click();

    // Load older pages back to the start: 3,030 lines in all, so none missing and none twice.
    for (const expected of ['2,000 lines', '3,000 lines', '3,030 lines']) {
      await page.getByRole('button', { name: 'Load older' }).click();
      await expect(count).toHaveText(expected);
    }
    await expect(page.getByText('Start of the log.')).toBeVisible();

    // Scrolling up pauses following; a new line does not move the view; Jump to latest goes to it.
    await log.evaluate((el) => el.scrollTo({ top: 0 }));
    const jump = page.getByRole('button', { name: 'Jump to latest' });
    await expect(jump).toBeVisible();
    await more();
    await expect(count).toHaveText('3,031 lines');
    await expect(rows.filter({ hasText: 'n 1' }).first()).toBeVisible();
    await jump.click();
    await expect(rows.filter({ hasText: 'more 1' })).toBeVisible();
    await expect(jump).toHaveCount(0);

    // Clear empties the view; the next line still arrives.
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect(count).toHaveText('0 lines');
    await more();
    await expect(count).toHaveText('1 line');
    await expect(rows).toHaveText(['more 2']);
  } finally {
    await container.remove({ force: true });
  }
});
