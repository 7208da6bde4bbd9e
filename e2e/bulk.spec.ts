// Bulk remove in the Containers and Volumes grids: rows chosen with the mouse (click, Shift+click, Ctrl+click) or
// the keyboard (arrows with Ctrl or Shift, Space), one confirmation that lists them all, and the CLI sees exactly
// those gone.
import { spawnSync } from 'node:child_process';
import type { Locator, Page } from '@playwright/test';
import { dockerCli, expect, FIXTURE, test } from './fixtures';

/** Four stopped containers sharing a tag, shown alone in the list through its search box. */
async function arrange(page: Page, url: string, host: string, tag: string) {
  const names = ['a', 'b', 'c', 'd'].map((x) => `berth-e2e-${tag}-${x}`);
  for (const name of names) dockerCli(host, 'create', '--name', name, '--label', 'berth.test=1', FIXTURE, 'true');
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Containers' }).click();
  await page.getByRole('button', { name: 'Show all', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Search containers' }).fill(tag);
  const grid = page.getByRole('grid', { name: 'Containers' });
  const rows = grid.getByRole('row').filter({ hasText: tag });
  await expect(rows).toHaveCount(4);
  // The screen's order, whatever the list sorts by.
  const shown: string[] = [];
  for (const i of [0, 1, 2, 3]) {
    const text = await rows.nth(i).innerText();
    shown.push(names.find((n) => text.includes(n)) ?? '');
  }
  return { rows, shown };
}

/** Removes whatever of the four is left, quietly (most are gone by then). */
const cleanUp = (host: string, tag: string) =>
  spawnSync('docker', ['-H', host, 'rm', '-f', ...['a', 'b', 'c', 'd'].map((x) => `berth-e2e-${tag}-${x}`)], {
    stdio: 'ignore',
  });

/** A row's State cell: clicking it selects without following the name's link. */
const cell = (row: Locator) => row.getByRole('gridcell').nth(2);

async function confirmAndCheck(page: Page, host: string, tag: string, chosen: string[], kept: string) {
  const dialog = page.getByRole('dialog', { name: 'Remove 3 containers' });
  const lost = dialog.getByRole('list', { name: 'What will be lost' });
  await expect(lost.getByRole('listitem')).toHaveCount(3);
  for (const name of chosen) await expect(lost).toContainText(name);
  await expect(lost).not.toContainText(kept);
  const twin = dialog.locator('.command');
  await expect(twin).toContainText('docker rm ');
  for (const name of chosen) await expect(twin).toContainText(name);
  await expect(twin).not.toContainText(kept);
  await dialog.getByRole('button', { name: 'Remove 3 containers' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status', { name: 'Remove results' })).toContainText('Remove: 3 of 3 done.');
  const left = dockerCli(host, 'ps', '-a', '--filter', `name=berth-e2e-${tag}-`, '--format', '{{.Names}}');
  expect(left.split('\n').filter((l) => l !== '')).toEqual([kept]);
}

test('mouse: click, Shift+click and Ctrl+click choose three; one confirmation; the CLI sees them gone', async ({
  page,
  berth,
}) => {
  const tag = `bulkm${Date.now().toString(36)}`;
  try {
    const { rows, shown } = await arrange(page, berth.url, berth.dockerHost, tag);
    await cell(rows.nth(0)).click();
    await cell(rows.nth(2)).click({ modifiers: ['Shift'] });
    for (const i of [0, 1, 2]) await expect(rows.nth(i)).toHaveAttribute('aria-selected', 'true');
    await expect(rows.nth(3)).toHaveAttribute('aria-selected', 'false');
    await cell(rows.nth(1)).click({ modifiers: ['ControlOrMeta'] });
    await cell(rows.nth(3)).click({ modifiers: ['ControlOrMeta'] });
    await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'false');
    await expect(rows.nth(3)).toHaveAttribute('aria-selected', 'true');
    const bar = page.getByRole('toolbar', { name: 'Actions on selected containers' });
    await expect(bar).toContainText('3 containers selected');
    await bar.getByRole('button', { name: 'Remove selected…' }).click();
    await confirmAndCheck(page, berth.dockerHost, tag, [shown[0], shown[2], shown[3]] as string[], shown[1] ?? '');
  } finally {
    cleanUp(berth.dockerHost, tag);
  }
});

test('keyboard: Ctrl+arrows move, Space toggles, Delete asks once; the CLI sees them gone', async ({ page, berth }) => {
  const tag = `bulkk${Date.now().toString(36)}`;
  try {
    const { rows, shown } = await arrange(page, berth.url, berth.dockerHost, tag);
    await cell(rows.nth(0)).click();
    await expect(rows.nth(0)).toBeFocused();
    await page.keyboard.press('ControlOrMeta+ArrowDown');
    await expect(rows.nth(1)).toBeFocused();
    await page.keyboard.press('Space');
    await page.keyboard.press('ControlOrMeta+ArrowDown');
    await page.keyboard.press('ControlOrMeta+ArrowDown');
    await expect(rows.nth(3)).toBeFocused();
    await page.keyboard.press('Space');
    for (const i of [0, 1, 3]) await expect(rows.nth(i)).toHaveAttribute('aria-selected', 'true');
    await expect(rows.nth(2)).toHaveAttribute('aria-selected', 'false');
    await page.keyboard.press('Delete');
    await confirmAndCheck(page, berth.dockerHost, tag, [shown[0], shown[1], shown[3]] as string[], shown[2] ?? '');
  } finally {
    cleanUp(berth.dockerHost, tag);
  }
});

test('volumes: click, Shift+click and Shift+ArrowDown choose three; one confirmation; the CLI sees them gone', async ({
  page,
  berth,
}) => {
  const tag = `bulkv${Date.now().toString(36)}`;
  const names = ['a', 'b', 'c', 'd'].map((x) => `berth-e2e-${tag}-${x}`);
  for (const name of names) dockerCli(berth.dockerHost, 'volume', 'create', name);
  try {
    await page.goto(berth.url);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Volumes' }).click();
    // Volumes are listed by name, so the four are next to each other in this order.
    const rows = page.getByRole('grid', { name: 'Volumes' }).getByRole('row').filter({ hasText: tag });
    await expect(rows).toHaveCount(4);
    const driver = (i: number) => rows.nth(i).getByRole('gridcell').nth(1);
    await driver(0).click();
    await driver(1).click({ modifiers: ['Shift'] });
    await expect(rows.nth(1)).toBeFocused();
    await page.keyboard.press('Shift+ArrowDown');
    for (const i of [0, 1, 2]) await expect(rows.nth(i)).toHaveAttribute('aria-selected', 'true');
    await expect(rows.nth(3)).toHaveAttribute('aria-selected', 'false');
    await expect(page.getByRole('toolbar', { name: 'Actions on selected volumes' })).toContainText(
      '3 volumes selected',
    );
    await page.keyboard.press('Delete');

    const dialog = page.getByRole('dialog', { name: 'Remove 3 volumes' });
    const lost = dialog.getByRole('list', { name: 'What will be lost' });
    await expect(lost.getByRole('listitem')).toHaveCount(3);
    await expect(lost).toContainText(`${names[0]}: every file in it is deleted for good`);
    await expect(lost).not.toContainText(names[3] ?? '');
    await expect(dialog.locator('.command')).toHaveText(`docker volume rm ${names.slice(0, 3).join(' ')}`);
    await dialog.getByRole('button', { name: 'Remove 3 volumes' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status', { name: 'Remove results' })).toContainText('Remove: 3 of 3 done.');
    const left = dockerCli(berth.dockerHost, 'volume', 'ls', '-q', '--filter', `name=berth-e2e-${tag}-`);
    expect(left.split('\n').filter((l) => l !== '')).toEqual([names[3]]);
    await expect(rows).toHaveCount(1);
  } finally {
    spawnSync('docker', ['-H', berth.dockerHost, 'volume', 'rm', '-f', ...names], { stdio: 'ignore' });
  }
});
