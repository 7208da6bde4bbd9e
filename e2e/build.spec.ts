// The Build screen against the real engine: preview a fixture project's context, build it with a build arg while
// the steps stream in, land on its layers linked to Dockerfile lines; a failing step and a cancelled build.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'projects', 'build-demo');

const cli = (host: string, ...args: string[]): string =>
  execFileSync('docker', ['-H', host, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

function tempContext(files: Record<string, string> = {}, from = FIXTURE): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-e2e-build-'));
  if (from) fs.cpSync(from, dir, { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

async function openBuild(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Build' }).click();
  await expect(page.getByRole('heading', { name: 'Build', level: 1 })).toBeVisible();
}

async function previewContext(page: Page, dir: string): Promise<void> {
  await page.getByLabel('Context folder').fill(dir);
  await page.getByRole('button', { name: 'Preview context' }).click();
  // These builds follow the classic builder's numbered steps; BuildKit has its own spec (build-buildkit.spec.ts).
  await page.getByLabel('Builder').selectOption('classic');
}

test('builds the fixture project from the UI and lands on its layers linked to Dockerfile lines @core', async ({
  page,
  berth,
}) => {
  test.setTimeout(90_000);
  const dir = tempContext({ 'node_modules/left-pad/index.js': 'module.exports = 1;\n' });
  const tag = `berth-e2e-build:${Date.now()}`;
  try {
    await openBuild(page, berth.url);

    // A path that is not a folder is refused in a sentence.
    await previewContext(page, path.join(dir, 'nope'));
    const preview = page.getByRole('region', { name: 'Context preview' });
    await expect(preview.getByRole('alert')).toHaveText(`There is no folder at ${path.join(dir, 'nope')}.`);

    await previewContext(page, dir);
    await expect(preview.getByRole('list', { name: 'Files sent' }).getByRole('listitem')).toHaveText([
      /^\.dockerignore/,
      /^Dockerfile/,
      /^app\/hello\.sh/,
      /^node_modules\/left-pad\/index\.js/,
    ]);
    await expect(preview.getByRole('list', { name: 'Files left out' }).getByRole('listitem')).toHaveText([
      'app/scratch.tmp',
      'secrets/',
    ]);
    await expect(preview.getByRole('note')).toContainText('Add node_modules to .dockerignore');

    await page.getByLabel('Tags').fill(tag);
    await page.getByRole('button', { name: 'Add build arg' }).click();
    await page.getByLabel('Build arg 1 name').fill('GREETING');
    await page.getByLabel('Build arg 1 value').fill('ahoy');
    await expect(page.getByRole('form', { name: 'Build settings' }).locator('code.command')).toHaveText(
      `DOCKER_BUILDKIT=0 docker build -t ${tag} --build-arg GREETING=ahoy ${dir}`,
    );

    // Count the steps on screen each time the list changes while the build runs: they must arrive one by one.
    await page.evaluate(() => {
      const w = window as unknown as { stepCounts: number[] };
      w.stepCounts = [];
      new MutationObserver(() => {
        const list = document.querySelector('ol[aria-label="Build steps"]');
        if (list) w.stepCounts.push(list.children.length);
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByRole('button', { name: 'Build image', exact: true }).click();
    const progress = page.getByRole('region', { name: 'Build progress' });
    await expect(progress.getByRole('heading', { name: 'Build finished' })).toBeVisible({ timeout: 60_000 });
    const steps = progress.getByRole('list', { name: 'Build steps' }).getByRole('listitem');
    await expect(steps).toHaveCount(8);
    await expect(steps.nth(5)).toContainText('RUN chmod +x /app/hello.sh');
    await expect(steps.nth(5)).toContainText('line 7');
    const seen = await page.evaluate(() => (window as unknown as { stepCounts: number[] }).stepCounts);
    expect(new Set(seen.filter((n) => n > 0 && n < 8)).size).toBeGreaterThan(1);

    // The result: the image the engine tagged, its layers, and each layer's Dockerfile line.
    const id = cli(berth.dockerHost, 'image', 'inspect', '--format', '{{.Id}}', tag);
    const result = page.getByRole('region', { name: 'Build result' });
    await expect(result.getByRole('heading', { name: `Built image ${id.slice(7, 19)}` })).toBeFocused();
    const layers = result.getByRole('table', { name: 'Layers and their Dockerfile lines' });
    for (const label of ['line 3', 'line 4', 'line 5', 'line 6', 'lines 7–8', 'line 9', 'line 10']) {
      await expect(layers.getByRole('button', { name: `Dockerfile ${label}`, exact: true })).toBeVisible();
    }
    await expect(layers.getByRole('row').filter({ hasText: 'base image' })).toBeVisible();
    await expect(layers.getByText('settings only')).toHaveCount(4);
    await layers.getByRole('button', { name: 'Dockerfile lines 7–8' }).click();
    const dockerfile = result.getByRole('list', { name: 'Dockerfile' });
    const current = dockerfile.locator('li[aria-current="true"]');
    await expect(current).toHaveCount(2);
    await expect(current.first()).toContainText('RUN chmod +x /app/hello.sh');

    // The build arg took effect and the ignored files stayed out of the image.
    expect(cli(berth.dockerHost, 'run', '--rm', '--label', 'berth.test=1', tag)).toBe('ahoy from the build-demo image');
    expect(cli(berth.dockerHost, 'run', '--rm', '--label', 'berth.test=1', tag, 'ls', '/app').split('\n')).toEqual([
      'greeting.txt',
      'hello.sh',
    ]);

    await result.getByRole('button', { name: 'Open image' }).click();
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await expect(nav.getByRole('button', { name: 'Images' })).toHaveAttribute('aria-current', 'page');
    // The image's own Layers tab links its layers to the same Dockerfile lines.
    const provenance = page.getByRole('region', { name: 'How this image was built' });
    await expect(provenance.getByRole('button', { name: 'Dockerfile lines 7–8', exact: true })).toBeVisible();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    try {
      cli(berth.dockerHost, 'rmi', '-f', tag);
    } catch {
      // The build failed before tagging.
    }
  }
});

test('a failing step is highlighted with the engine message; cancel stops a build and tags nothing', async ({
  page,
  berth,
}) => {
  test.setTimeout(60_000);
  const failing = tempContext(
    { Dockerfile: 'FROM berth-fixture/busybox:1\nLABEL berth.test=1\nRUN echo about to fail && exit 7\n' },
    '',
  );
  const slow = tempContext(
    { Dockerfile: 'FROM berth-fixture/busybox:1\nLABEL berth.test=1\nRUN echo waiting && sleep 30\n' },
    '',
  );
  const tag = `berth-e2e-cancel:${Date.now()}`;
  try {
    await openBuild(page, berth.url);
    await previewContext(page, failing);
    await page.getByRole('button', { name: 'Build image', exact: true }).click();
    const progress = page.getByRole('region', { name: 'Build progress' });
    await expect(progress.getByRole('heading', { name: 'Build failed' })).toBeVisible({ timeout: 30_000 });
    const failed = progress.getByRole('listitem', { name: 'Step 3 of 3' });
    await expect(failed).toHaveClass(/build-step-failed/);
    await expect(failed).toContainText('about to fail');
    await expect(progress.getByRole('alert')).toContainText(
      "Step 3/3 (RUN echo about to fail && exit 7) failed: The command '/bin/sh -c echo about to fail && exit 7' returned a non-zero code: 7",
    );

    await previewContext(page, slow);
    await page.getByLabel('Tags').fill(tag);
    await page.getByRole('button', { name: 'Build image', exact: true }).click();
    await expect(progress.getByText('waiting', { exact: true })).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Cancel build' }).click();
    await expect(progress.getByRole('heading', { name: 'Build cancelled' })).toBeVisible();
    await expect(progress.getByRole('alert')).toHaveText('The build was cancelled. Nothing was tagged.');
    await expect(page.getByRole('button', { name: 'Build image', exact: true })).toBeEnabled();
    expect(() => cli(berth.dockerHost, 'image', 'inspect', tag)).toThrow();
  } finally {
    fs.rmSync(failing, { recursive: true, force: true });
    fs.rmSync(slow, { recursive: true, force: true });
  }
});
