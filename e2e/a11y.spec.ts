// axe-core (WCAG 2.1 A and AA) over every screen Berth has, in the light and the dark theme: every section of the
// registry (so a new section is covered without touching this file), the container and image pages with each of
// their tabs, the logs with stderr lines and a search hit, the build preview, a lesson, the tour, and every dialog
// those screens open. Each dialog is also checked for a title, a description, focus moving in and coming back.
import type { Locator, Page } from '@playwright/test';
import { SECTIONS } from '../shared/dto/app';
import { expectNoAxeViolations, runAxe, unnamedControls } from './axe';
import { FIXTURE, expect, startScript, test } from './fixtures';

const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

async function openBerth(page: Page, url: string, theme: Theme): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.goto(url);
  await expect(page.getByRole('status', { name: 'Engine status' })).toContainText('Connected');
  // A theme saved by another spec would win over the system's: pin the one under test on <html> as the setting does.
  await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
}

async function showSection(page: Page, title: string): Promise<void> {
  const button = page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: title, exact: true });
  await button.click();
  await expect(button).toHaveAttribute('aria-current', 'page');
  await settle(page);
}

/** Waits until nothing on the page says it is loading (bounded: a follow stream may stay busy). */
async function settle(page: Page): Promise<void> {
  await expect(page.locator('[aria-busy="true"]'))
    .toHaveCount(0, { timeout: 3000 })
    .catch(() => undefined);
}

/**
 * Opens a dialog with `opener`, checks it with axe and for its names and focus, closes it with Escape and checks
 * that focus came back to the opener.
 */
async function checkDialog(page: Page, opener: Locator, where: string): Promise<void> {
  await opener.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog, `${where}: the dialog opens`).toBeVisible();
  await settle(page);
  const title = await dialog.getAttribute('aria-labelledby');
  const described = await dialog.getAttribute('aria-describedby');
  expect(title, `${where}: the dialog has a title`).toBeTruthy();
  expect(described, `${where}: the dialog has a description`).toBeTruthy();
  await expect(dialog, `${where}: the dialog's description says something`).toHaveAccessibleDescription(/\w{3}/);
  expect(await dialog.evaluate((d) => d.contains(document.activeElement)), `${where}: focus moves into it`).toBe(true);
  await expectNoAxeViolations(page, where);
  await page.keyboard.press('Escape');
  await expect(dialog, `${where}: Escape closes it`).toHaveCount(0);
  await expect(opener, `${where}: focus returns to what opened it`).toBeFocused();
}

/** Buttons that end with "…" but go to another screen instead of opening a dialog. */
const NOT_DIALOGS = new Set(['Build an image…']);

/** Every enabled button in `scope` whose name ends with "…" opens a dialog by Berth's convention. */
async function checkEllipsisDialogs(page: Page, scope: Locator, where: string): Promise<number> {
  const names = await scope
    .getByRole('button', { name: /…$/ })
    .evaluateAll((buttons) =>
      buttons
        .filter((b) => !(b as HTMLButtonElement).disabled && b.getClientRects().length > 0)
        .map((b) => b.getAttribute('aria-label') ?? b.textContent?.trim() ?? ''),
    );
  for (const name of new Set(names.filter((n) => !NOT_DIALOGS.has(n)))) {
    await checkDialog(page, scope.getByRole('button', { name, exact: true }).first(), `${where}, dialog "${name}"`);
  }
  return names.filter((n) => !NOT_DIALOGS.has(n)).length;
}

for (const theme of THEMES) {
  test.describe(`${theme} theme`, () => {
    test(`every section and the dialogs it opens pass axe (${theme})`, async ({ page, berth }) => {
      test.setTimeout(120_000);
      await openBerth(page, berth.url, theme);
      let dialogs = 0;
      for (const { title } of SECTIONS) {
        await showSection(page, title);
        await expectNoAxeViolations(page, `the ${title} section (${theme})`);
        expect.soft(await unnamedControls(page), `controls without a name on the ${title} section`).toEqual([]);
        dialogs += await checkEllipsisDialogs(page, page.locator('body'), `the ${title} section (${theme})`);
      }
      await showSection(page, 'Containers');
      await checkDialog(page, page.getByRole('button', { name: 'Create container' }), `Create container (${theme})`);
      // The sections above hold dialogs: pull, load, prune, create volume and network, and the disk clean-ups.
      expect(dialogs).toBeGreaterThanOrEqual(5);
    });

    test(`a container's page, each tab and its dialogs pass axe (${theme})`, async ({ page, berth, docker }) => {
      test.setTimeout(120_000);
      const name = `e2e-a11y-ctr-${theme}-${Date.now().toString(36)}`;
      const container = await startScript(docker, name, 'echo out line; echo err line >&2; sleep 600');
      try {
        await openBerth(page, berth.url, theme);
        await showSection(page, 'Containers');
        await page.getByRole('button', { name, exact: true }).click();
        const tabs = page.getByRole('tablist', { name: 'Container page' }).getByRole('tab');
        for (const tab of await tabs.all()) {
          const label = (await tab.textContent()) ?? '';
          await tab.click();
          await expect(tab).toHaveAttribute('aria-selected', 'true');
          await settle(page);
          if (label === 'Logs') await expect(page.getByRole('log', { name: 'Log lines' })).toContainText('err line');
          await expectNoAxeViolations(page, `the container page, tab ${label} (${theme})`);
        }
        const toolbar = page.getByRole('toolbar', { name: 'Container actions' });
        for (const action of ['Stop', 'Kill', 'Rename', 'Commit', 'Remove']) {
          await checkDialog(
            page,
            toolbar.getByRole('button', { name: action, exact: true }),
            `the ${action} dialog (${theme})`,
          );
        }
      } finally {
        await container.remove({ force: true });
      }
    });

    test(`an image's page, each tab and its dialogs pass axe (${theme})`, async ({ page, berth }) => {
      test.setTimeout(90_000);
      await openBerth(page, berth.url, theme);
      await showSection(page, 'Images');
      await page.getByRole('button', { name: `Open image ${FIXTURE}` }).click();
      const tabs = page.getByRole('tablist', { name: 'Image page' }).getByRole('tab');
      await expect(tabs.first()).toBeVisible();
      for (const tab of await tabs.all()) {
        const label = (await tab.textContent()) ?? '';
        await tab.click();
        await expect(tab).toHaveAttribute('aria-selected', 'true');
        await settle(page);
        await expectNoAxeViolations(page, `the image page, tab ${label} (${theme})`);
      }
      const dialogs = await checkEllipsisDialogs(page, page.locator('body'), `the image page (${theme})`);
      expect(dialogs).toBeGreaterThanOrEqual(2);
    });

    test(`the log view with stderr and a search hit passes axe (${theme})`, async ({ page, berth, docker }) => {
      const name = `e2e-a11y-log-${theme}-${Date.now().toString(36)}`;
      const container = await startScript(
        docker,
        name,
        'echo "needle on stderr" >&2; for i in 1 2 3; do echo "line $i"; done; sleep 600',
      );
      try {
        await openBerth(page, berth.url, theme);
        await showSection(page, 'Logs');
        await page.getByRole('checkbox', { name }).check();
        const log = page.getByRole('log', { name: 'Log lines' });
        await expect(log).toContainText('needle on stderr');
        await page.getByRole('searchbox', { name: 'Search the log' }).fill('needle');
        await expect(page.getByRole('status', { name: 'Matches' })).toHaveText('1 of 1');
        await expectNoAxeViolations(page, `the log view (${theme})`);
        // Timestamps and wrapping change what the rows show.
        for (const option of ['Timestamps', 'Wrap']) {
          const toggle = page.getByRole('button', { name: option, exact: true });
          if ((await toggle.count()) > 0) await toggle.click();
        }
        await expectNoAxeViolations(page, `the log view with its options on (${theme})`);
      } finally {
        await container.remove({ force: true });
      }
    });

    test(`a lesson and the tour pass axe (${theme})`, async ({ page, berth }) => {
      await openBerth(page, berth.url, theme);
      await page.evaluate(() => localStorage.removeItem('berth.tour.progress'));
      await showSection(page, 'Learn');
      await page.getByRole('button', { name: 'Tags, digests and latest' }).click();
      await settle(page);
      await expectNoAxeViolations(page, `a lesson (${theme})`);
      await showSection(page, 'Learn');
      await page.getByRole('button', { name: 'Start the guided tour' }).click();
      await expect(page.getByRole('region', { name: /^Step 1: / })).toBeVisible();
      await expectNoAxeViolations(page, `the tour (${theme})`);
      await page.getByRole('button', { name: /^Commands \(\d+\)$/ }).click();
      await expect(page.getByRole('complementary', { name: 'Command transcript' })).toBeVisible();
      await expectNoAxeViolations(page, `the command transcript (${theme})`);
    });
  });
}

test('text scales to 200 % on every section without spilling out of its controls', async ({ page, berth }, info) => {
  test.setTimeout(60_000);
  await openBerth(page, berth.url, 'light');
  const h1Size = async () =>
    page
      .getByRole('heading', { level: 1 })
      .first()
      .evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
  await showSection(page, 'Containers');
  const normal = await h1Size();
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  for (const { title } of SECTIONS) {
    await showSection(page, title);
    expect(await h1Size(), `the ${title} heading doubles`).toBeCloseTo(normal * 2, 0);
    // A control whose text is taller or wider than its box has lost part of its text; a name cut short on purpose
    // with an ellipsis in a narrow column (its whole text in the title and accessible name) is not lost.
    const clipped = await page.locator('button:visible').evaluateAll((buttons) =>
      buttons
        .filter((b) => b.scrollHeight > b.clientHeight + 2 || b.scrollWidth > b.clientWidth + 2)
        .filter((b) => ![b, b.parentElement].some((e) => e && getComputedStyle(e).textOverflow === 'ellipsis'))
        .map((b) => b.textContent?.trim() ?? ''),
    );
    expect(clipped, `buttons with clipped text on ${title} at 200 %`).toEqual([]);
    await info.attach(`${title} at 200 %`, { body: await page.screenshot(), contentType: 'image/png' });
  }
});

test('the checks themselves catch what they look for', async ({ page }) => {
  await page.setContent(
    '<!doctype html><html lang="en"><title>Probe</title><main><h1>Probe</h1><p style="color:#aaa;background:#fff">faint text</p>' +
      '<button><svg width="8" height="8"></svg></button><button aria-label="Named"></button></main>',
  );
  const { violations } = await runAxe(page);
  expect(violations.map((v) => v.id).sort()).toEqual(['button-name', 'color-contrast']);
  expect(await unnamedControls(page)).toHaveLength(1);
});
