import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { dockerCli, expect, FIXTURE, runLabelled, test } from './fixtures';

async function openWholeFilesystem(page: Page, url: string, name: string) {
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Containers' }).click();
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByRole('tab', { name: 'Files' }).click();
  await page
    .getByRole('group', { name: 'Which files to show' })
    .getByRole('button', { name: 'Whole filesystem' })
    .click();
  const tree = page.getByRole('tree', { name: `Filesystem of ${name}` });
  await expect(tree).toBeVisible({ timeout: 20_000 });
  return tree;
}

test('upload a file into a container, see it marked added, download it back byte-equal', async ({ page, berth }) => {
  const name = `berth-e2e-cfiles-${Date.now().toString(36)}`;
  const dir = mkdtempSync(join(tmpdir(), 'berth-e2e-cfiles-'));
  runLabelled(berth.dockerHost, name);
  try {
    const tree = await openWholeFilesystem(page, berth.url, name);
    await expect(tree.getByRole('treeitem', { name: /^bin\// })).toBeVisible();

    const bytes = randomBytes(50_000);
    const choosing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Upload files to /', exact: true }).click();
    await (await choosing).setFiles({ name: 'payload.bin', mimeType: 'application/octet-stream', buffer: bytes });
    await expect(page.getByRole('status').filter({ hasText: 'Uploaded payload.bin to /.' })).toContainText(
      `docker cp payload.bin ${name}:/`,
    );
    const row = tree.getByRole('treeitem', { name: /^payload\.bin.*added/ });
    await expect(row).toContainText('added');
    // The engine agrees: docker diff lists it as added.
    expect(dockerCli(berth.dockerHost, 'diff', name)).toMatch(/^A \/payload\.bin$/m);

    const downloading = page.waitForEvent('download');
    await row.getByRole('button', { name: 'Download /payload.bin' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('payload.bin.tar');
    const tar = join(dir, 'payload.bin.tar');
    await download.saveAs(tar);
    execFileSync('tar', ['-xf', tar, '-C', dir]);
    expect(readFileSync(join(dir, 'payload.bin')).equals(bytes)).toBe(true);
    await expect(page.getByRole('status').filter({ hasText: 'The download of /payload.bin' })).toContainText(
      `docker cp ${name}:/payload.bin - > payload.bin.tar`,
    );
  } finally {
    dockerCli(berth.dockerHost, 'rm', '-f', name);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a stopped container lists its files, with what it deleted and added marked', async ({ page, berth }) => {
  const name = `berth-e2e-cfstop-${Date.now().toString(36)}`;
  dockerCli(
    berth.dockerHost,
    'run',
    '--name',
    name,
    '--label',
    'berth.test=1',
    FIXTURE,
    'sh',
    '-c',
    'echo made > /made.txt && rm /bin/ls',
  );
  try {
    const tree = await openWholeFilesystem(page, berth.url, name);
    await expect(tree.getByRole('treeitem', { name: /^made\.txt.*added/ })).toBeVisible();
    await tree.getByRole('treeitem', { name: /^bin\/.*changed/ }).click();
    await expect(tree.getByRole('treeitem', { name: /^busybox\b/ })).toBeVisible();
    // /bin holds hundreds of links: the filter brings the deleted one into view.
    const filter = page.getByRole('searchbox', { name: 'Filter paths in the opened folders' });
    await filter.fill('/bin/ls');
    await expect(tree.getByRole('treeitem', { name: /^\/bin\/ls\b.*deleted/ })).toContainText('deleted');
    // A deleted file has nothing to download.
    await expect(page.getByRole('button', { name: 'Download /bin/ls', exact: true })).toHaveCount(0);
    await filter.fill('busybox');
    await expect(tree.getByRole('treeitem')).toHaveCount(1);
    await expectNoAxeViolations(page, 'the whole filesystem of a container');
  } finally {
    dockerCli(berth.dockerHost, 'rm', '-f', name);
  }
});
