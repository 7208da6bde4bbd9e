// Keyboard-only journeys: after the page loads, nothing but key presses. Locators only tell where focus should
// arrive (`tabTo` presses Tab until it is there); every click is Enter or Space.
import { execFileSync } from 'node:child_process';
import type { Locator, Page } from '@playwright/test';
import { FIXTURE, dockerCli, expect, test } from './fixtures';

/** Presses Tab (Shift+Tab with `back`) until `target` has focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, what: string, back = false, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${what} was not reached with ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}.`);
}

function state(host: string, name: string): string {
  return dockerCli(host, 'inspect', '--format', '{{.State.Status}}', name);
}

test('run a container from the form, find a line in its logs, stop it and remove it, by keyboard only', async ({
  page,
  berth,
}) => {
  test.setTimeout(90_000);
  const name = `e2e-kbd-${Date.now().toString(36)}`;
  const announcer = page.getByRole('status', { name: 'Announcements' });
  try {
    await page.goto(berth.url);
    await expect(page.getByRole('status', { name: 'Engine status' })).toContainText('Connected');
    await page.keyboard.press('Control+1');
    await expect(page.getByRole('heading', { name: 'Containers', level: 1 })).toBeVisible();

    // Run from the form.
    await tabTo(page, page.getByRole('button', { name: 'Create container' }), 'Create container');
    await page.keyboard.press('Enter');
    const form = page.getByRole('dialog', { name: 'Create and run a container' });
    await expect(form).toBeVisible();
    expect(await form.evaluate((d) => d.contains(document.activeElement)), 'focus moves into the form').toBe(true);
    for (const [label, value] of [
      ['Image', FIXTURE],
      ['Name', name],
      ['Command', 'sh -c "echo needle-kbd; echo second line; sleep 600"'],
      ['Labels', 'berth.test=1'],
    ] as const) {
      await tabTo(page, form.getByLabel(label, { exact: true }), `the ${label} field`);
      await page.keyboard.type(value);
    }
    await tabTo(page, form.getByRole('button', { name: 'Create and run' }), 'Create and run');
    await page.keyboard.press('Enter');
    await expect(form).toBeHidden();
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
    expect(state(berth.dockerHost, name)).toBe('running');

    // Read its logs and find a line.
    const logsTab = page.getByRole('tab', { name: 'Logs' });
    await tabTo(page, logsTab, 'the Logs tab');
    await page.keyboard.press('Enter');
    await expect(logsTab).toHaveAttribute('aria-selected', 'true');
    const log = page.getByRole('log', { name: 'Log lines' });
    await expect(log).toContainText('second line');
    await tabTo(page, page.getByRole('searchbox', { name: 'Search the log' }), 'the log search');
    await page.keyboard.type('needle');
    await expect(page.getByRole('status', { name: 'Matches' })).toHaveText('1 of 1');
    await expect(announcer).toContainText('Match 1 of 1.');
    // The row cursor: Home lands on the first line, which takes focus so a screen reader reads it.
    await tabTo(page, log, 'the log');
    await page.keyboard.press('Home');
    const focusedRow = log.locator('[role="listitem"]:focus');
    await expect(focusedRow).toContainText('needle-kbd');
    await expect(announcer).toContainText('Log paused');
    await page.keyboard.press('ArrowDown');
    await expect(focusedRow).toContainText('second line');
    await page.keyboard.press('End');
    await expect(announcer).toContainText('Following the log');

    // Stop it.
    const toolbar = page.getByRole('toolbar', { name: 'Container actions' });
    await tabTo(page, toolbar.getByRole('button', { name: 'Stop', exact: true }), 'Stop', true);
    await page.keyboard.press('Enter');
    const stop = page.getByRole('dialog', { name: `Stop ${name}` });
    await expect(stop).toBeVisible();
    await tabTo(page, stop.getByLabel('Seconds to wait before SIGKILL'), 'the stop timeout');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1');
    await tabTo(page, stop.getByRole('button', { name: 'Stop', exact: true }), 'the Stop button');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status', { name: 'Container state' })).toHaveText('Exited', { timeout: 15_000 });
    expect(state(berth.dockerHost, name)).toBe('exited');
    await expect(announcer).toContainText(`Container ${name} exited.`);

    // Remove it: the dialog says what goes, Enter on its Remove button does it.
    await tabTo(page, toolbar.getByRole('button', { name: 'Remove', exact: true }), 'Remove', true);
    await page.keyboard.press('Enter');
    const remove = page.getByRole('dialog', { name: `Remove ${name}` });
    await expect(remove).toContainText('deletes the container');
    await tabTo(page, remove.getByRole('button', { name: 'Remove', exact: true }), 'the Remove button');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => dockerCli(berth.dockerHost, 'ps', '-a', '--filter', `name=^/${name}$`, '--format', '{{.Names}}'))
      .toBe('');
  } finally {
    // Gone already when the journey got to the end.
    execFileSync('docker', ['-H', berth.dockerHost, 'rm', '-f', name], { stdio: 'ignore' });
  }
});

test('the first three steps of the guided tour, by keyboard only', async ({ page, berth, docker }) => {
  test.setTimeout(120_000);
  const filters = { label: ['berth.tour=1'] };
  try {
    await page.goto(berth.url);
    await expect(page.getByRole('status', { name: 'Engine status' })).toContainText('Connected');
    await page.evaluate(() => localStorage.removeItem('berth.tour.progress'));
    await page.keyboard.press('Control+5');
    await expect(page.getByRole('heading', { name: 'Learn', level: 1 })).toBeVisible();
    await tabTo(page, page.getByRole('button', { name: 'Start the guided tour' }), 'Start the guided tour');
    await page.keyboard.press('Enter');
    const check = page.getByRole('status', { name: 'Tour check' });
    for (const step of [1, 2, 3]) {
      const current = page.getByRole('region', { name: new RegExp(`^Step ${step}: `) });
      await expect(current).toBeVisible();
      await tabTo(page, current.getByRole('button', { name: 'Do it' }), `step ${step}'s Do it`);
      await page.keyboard.press('Enter');
      await expect(current.getByLabel('What happened')).toBeVisible({ timeout: 30_000 });
      await tabTo(page, current.getByRole('button', { name: 'Check' }), `step ${step}'s Check`);
      await page.keyboard.press('Space');
      await expect(check).toContainText('Check passed.', { timeout: 15_000 });
    }
    await expect(page.getByRole('region', { name: /^Step 4: / })).toBeVisible();
    // Three steps in, the engine holds two running containers from the tour's image.
    const running = await docker.listContainers({ filters });
    expect(running.map((c) => c.Names[0]).sort()).toEqual(['/berth-tour-a', '/berth-tour-b']);
  } finally {
    for (const c of await docker.listContainers({ all: true, filters }))
      await docker.getContainer(c.Id).remove({ force: true });
    for (const i of await docker.listImages({ all: true, filters }))
      await docker
        .getImage(i.Id)
        .remove({ force: true })
        .catch(() => undefined);
  }
});
