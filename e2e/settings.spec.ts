// The Settings page in the browser mode: a changed log line cap is saved, survives a reload, and is what the
// API answers; a bad value is refused in words; the theme setting overrides the OS theme; the desktop menu's
// shortcuts work from the keyboard.
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import type { Settings } from '../shared/dto/settings';

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
}

const readSettings = (page: Page) =>
  page.evaluate(async () => {
    const result = await window.berth.settings.get();
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  });

test.afterEach(async ({ page }) => {
  // The serve process is shared by every spec: put the defaults back.
  await page.evaluate(() =>
    window.berth.settings.update({ logLineCap: 100_000, theme: 'system', notifications: true, closeToTray: true }),
  );
});

test('a changed log line cap is saved, survives a reload and is what the API answers', async ({ page, berth }) => {
  await page.goto(berth.url);
  await openSettings(page);
  const cap = page.getByRole('textbox', { name: 'Log lines kept per container' });
  await expect(cap).toHaveValue('100000');
  const save = page.getByRole('button', { name: 'Save' });
  await expect(save).toBeDisabled();

  await cap.fill('25000');
  await save.click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  expect((await readSettings(page)).logLineCap).toBe(25_000);

  await page.reload();
  await openSettings(page);
  await expect(page.getByRole('textbox', { name: 'Log lines kept per container' })).toHaveValue('25000');
  const after: Settings = await readSettings(page);
  expect(after).toMatchObject({ logLineCap: 25_000, theme: 'system', engineEndpoint: null });
});

test('a cap out of bounds is refused in words and nothing is saved', async ({ page, berth }) => {
  await page.goto(berth.url);
  await openSettings(page);
  const cap = page.getByRole('textbox', { name: 'Log lines kept per container' });
  await cap.fill('50');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(cap).toHaveAttribute('aria-invalid', 'true');
  await expect(cap).toHaveAccessibleDescription(/whole number of lines from 1,000 to 2,000,000/);
  expect((await readSettings(page)).logLineCap).toBe(100_000);

  // The main process checks too: a value sent past the form is refused with INVALID_INPUT.
  const refused = await page.evaluate(() => window.berth.settings.update({ logLineCap: 50 }));
  expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
});

test('the theme setting overrides the OS theme, and the page follows a change made elsewhere', async ({
  page,
  berth,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(berth.url);
  await openSettings(page);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await background()).toBe('rgb(245, 246, 248)');

  await page.getByRole('radio', { name: 'Dark' }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background()).toBe('rgb(23, 25, 29)');

  // Another page (or the desktop shell) changes it: this one follows through settings:watch.
  await page.evaluate(() => window.berth.settings.update({ theme: 'light' }));
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await background()).toBe('rgb(245, 246, 248)');
  await expect(page.getByRole('radio', { name: 'Light' })).toBeChecked();
});

test('the menu shortcuts work from the keyboard in the browser', async ({ page, berth }) => {
  await page.goto(berth.url);
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await expect(nav.getByRole('button', { name: 'Containers' })).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Control+2');
  await expect(nav.getByRole('button', { name: 'Images' })).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Control+,');
  await expect(nav.getByRole('button', { name: 'Settings' })).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Control+1');
  await expect(nav.getByRole('button', { name: 'Containers' })).toHaveAttribute('aria-current', 'page');
});
