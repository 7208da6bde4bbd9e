import { spawnSync } from 'node:child_process';
import { expect, openLogsOf, startScript, test } from './fixtures';

/** The stdout and stderr lines `docker logs --tail N` prints for a container: the CLI as the reference. */
function cliLogs(host: string, name: string, tail: number): { stdout: string[]; stderr: string[] } {
  const run = spawnSync('docker', ['-H', host, 'logs', '--tail', String(tail), name], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`docker logs failed: ${run.stderr}`);
  const lines = (text: string) => text.split('\n').filter((l) => l !== '');
  return { stdout: lines(run.stdout), stderr: lines(run.stderr) };
}

test('the Logs section follows a container, finds a line and marks stderr @core', async ({ page, berth, docker }) => {
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

test('a short log offers nothing older, and explain mode describes it', async ({ page, berth, docker }) => {
  const name = `e2e-logshort-${Date.now().toString(36)}`;
  const container = await startScript(docker, name, 'echo one; echo two; sleep 600');
  try {
    await openLogsOf(page, berth.url, name);
    await expect(page.getByRole('log', { name: 'Log lines' })).toContainText('two');
    await expect(page.getByText('Start of the log.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Load older' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Read whole log' })).toHaveCount(0);

    // Explain mode describes this log from what the view holds.
    await page.getByRole('button', { name: 'Explain', exact: true }).click();
    const about = page.getByRole('note', { name: 'About this log' });
    await expect(about).toContainText(`docker logs ${name}`);
    await expect(about).toContainText('log driver json-file');
    await expect(about).toContainText('None of the 2 lines shown went to stderr');
    await expect(about).toContainText('This is the whole log');
    await page.getByRole('button', { name: 'Explain', exact: true }).click();
    await expect(about).toHaveCount(0);
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
    expect(lines.every((l) => /^\d{4}-\d\d-\d\dT[\d:.]+Z (stdout saved \d+|stderr last words)$/.test(l))).toBe(true);
    expect(lines.filter((l) => / stderr last words$/.test(l))).toHaveLength(1);
    const saved = lines.filter((l) => / stdout saved \d+$/.test(l)).map((l) => Number(l.split(' ').pop()));
    expect(saved).toEqual(Array.from({ length: 3000 }, (_, i) => i + 1));
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
  // 3,000 numbered lines and 30 on stderr, then one more line for every SIGUSR1. The engine copies stdout and
  // stderr in two goroutines and stamps a line when its copier reads it, so a burst can land in the log out of
  // order (measured: 6 to 14 stderr lines in the last 1,000 on a quiet machine). The short sleep after each stderr
  // line lets both copiers catch up, and the check below compares with the CLI rather than assuming.
  const script = [
    'i=1; while [ $i -le 3000 ]; do echo "n $i"; [ $((i % 100)) -eq 0 ] && { echo "e $i" >&2; sleep 0.02; }; i=$((i+1)); done',
    'j=0; trap \'j=$((j+1)); echo "more $j"\' USR1',
    'while :; do sleep 0.1; done',
  ].join('; ');
  const container = await startScript(docker, name, script);
  const more = () => container.kill({ signal: 'SIGUSR1' });
  try {
    // The view must open on the finished burst, or its first page would not be the last 1,000 lines.
    await expect.poll(() => cliLogs(berth.dockerHost, name, 3030).stdout.length, { timeout: 15_000 }).toBe(3000);
    await expect.poll(() => cliLogs(berth.dockerHost, name, 3030).stderr.length).toBe(30);
    const tailStderr = cliLogs(berth.dockerHost, name, 1000).stderr;
    expect(tailStderr.length).toBeGreaterThan(0);
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
    await expect(rows).toHaveCount(tailStderr.length);
    await expect(rows).toContainText(tailStderr);
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

test('lines picked with a click and Shift+click are copied whole, also those scrolled out of sight', async ({
  page,
  context,
  berth,
  docker,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(berth.url).origin });
  const name = `e2e-logcopy-${Date.now().toString(36)}`;
  const container = await startScript(
    docker,
    name,
    'i=1; while [ $i -le 500 ]; do echo "line $i"; i=$((i+1)); done; sleep 600',
  );
  const clipboard = async () => (await page.evaluate(() => navigator.clipboard.readText())).split('\n');
  const numbered = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `line ${from + i}`);
  try {
    await expect.poll(() => cliLogs(berth.dockerHost, name, 1000).stdout.length, { timeout: 15_000 }).toBe(500);
    await openLogsOf(page, berth.url, name);
    await expect(page.locator('.logs-count')).toHaveText('500 lines');
    const log = page.getByRole('log', { name: 'Log lines' });
    const rows = log.getByRole('listitem');
    const selected = page.getByRole('status', { name: 'Selected lines' });

    // Copy with nothing selected says how to select.
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Nothing to copy' })).toBeVisible();

    // A click at the top, then Shift+click near the end: the rows between were never all drawn at once.
    await log.evaluate((el) => el.scrollTo({ top: 0 }));
    await rows.filter({ hasText: /^line 3$/ }).click();
    await expect(selected).toContainText('1 line selected');
    await page.getByRole('button', { name: 'Jump to latest' }).click();
    await rows.filter({ hasText: /^line 498$/ }).click({ modifiers: ['Shift'] });
    await expect(selected).toContainText('496 lines selected');
    expect(await log.locator('[data-selected]').count()).toBeLessThan(100);
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied 496 lines' })).toBeVisible();
    expect(await clipboard()).toEqual(numbered(3, 498));

    // From the keyboard: Ctrl+A in the log takes every line loaded, Ctrl+C copies them, Escape lets go.
    await log.focus();
    await page.keyboard.press('Control+A');
    await expect(selected).toContainText('500 lines selected');
    await page.keyboard.press('Control+C');
    await expect(page.getByRole('status').filter({ hasText: 'Copied 500 lines' })).toBeVisible();
    expect(await clipboard()).toEqual(numbered(1, 500));
    await page.keyboard.press('Escape');
    await expect(selected).toHaveCount(0);
    await rows.filter({ hasText: /^line 499$/ }).click();
    await page.getByRole('button', { name: 'Unselect' }).click();
    await expect(selected).toHaveCount(0);
  } finally {
    await container.remove({ force: true });
  }
});
