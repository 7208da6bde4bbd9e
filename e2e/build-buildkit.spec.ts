// BuildKit from the Build screen against the test engine: two stages that run side by side, each with its own
// progress, then the build in the history after a reload, with its log and a re-run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';

test('two parallel stages progress side by side, and the build is in the history after a reload', async ({
  page,
  berth,
}) => {
  test.setTimeout(90_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-e2e-bk-'));
  const stamp = Date.now();
  fs.writeFileSync(
    path.join(dir, 'Dockerfile'),
    [
      'FROM berth-fixture/busybox:1 AS left',
      `RUN echo left-${stamp} && sleep 2 && echo > /left`,
      'FROM berth-fixture/busybox:1 AS right',
      `RUN echo right-${stamp} && sleep 2 && echo > /right`,
      'FROM berth-fixture/busybox:1',
      'COPY --from=left /left /left',
      'COPY --from=right /right /right',
      '',
    ].join('\n'),
  );
  const tag = `berth-e2e-bk:${stamp}`;
  try {
    await page.goto(berth.url);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Build' }).click();
    await page.getByLabel('Context folder').fill(dir);
    await page.getByRole('button', { name: 'Preview context' }).click();
    await page.getByLabel('Tags').fill(tag);
    await page.getByLabel('Network for RUN steps').selectOption('none');
    await expect(page.getByRole('form', { name: 'Build settings' }).locator('code.command')).toHaveText(
      `docker build -t ${tag} --network none ${dir}`,
    );
    await page.getByRole('button', { name: 'Build image', exact: true }).click();
    const progress = page.getByRole('region', { name: 'Build progress' });
    const left = progress.getByRole('region', { name: 'Stage left' });
    const right = progress.getByRole('region', { name: 'Stage right' });
    // Both stages are on screen at once, each running its own step.
    await expect(left.getByText(`left-${stamp}`, { exact: true })).toBeVisible({ timeout: 60_000 });
    await expect(right.getByText(`right-${stamp}`, { exact: true })).toBeVisible({ timeout: 60_000 });
    await expect(progress.getByRole('heading', { name: 'Build finished' })).toBeVisible({ timeout: 60_000 });
    await expect(progress).toContainText('Built with BuildKit.');
    await expect(left.getByRole('listitem', { name: /^Step 2 of 2: RUN echo left/ })).toContainText('line 2');
    const [leftBox, rightBox] = await Promise.all([left.boundingBox(), right.boundingBox()]);
    expect(leftBox && rightBox && Math.abs(leftBox.y - rightBox.y) < 5).toBe(true);

    await page.reload();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Build' }).click();
    const history = page.getByRole('region', { name: 'Build history' });
    const row = history.getByRole('row').filter({ hasText: tag });
    await expect(row.first()).toBeVisible();
    await expect(row.first()).toContainText('built');
    await row
      .first()
      .getByRole('button', { name: /^Show log of build/ })
      .click();
    await expect(history.getByRole('region', { name: 'Build log' })).toContainText(`left-${stamp}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
