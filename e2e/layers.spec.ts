import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect, FIXTURE, test } from './fixtures';

/** Builds `name` from the fixture with the legacy builder (offline), the Dockerfile given on stdin. */
function build(host: string, name: string, dockerfile: string): void {
  execFileSync('docker', ['-H', host, 'build', '-q', '-t', name, '-'], {
    input: dockerfile,
    env: { ...process.env, DOCKER_BUILDKIT: '0' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

function removeImage(host: string, name: string): void {
  try {
    execFileSync('docker', ['-H', host, 'rmi', '-f', name], { stdio: 'ignore' });
  } catch {
    // Never built.
  }
}

async function openLayersTab(page: Page, url: string, image: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Images' }).click();
  await page.getByRole('button', { name: `Open image ${image}` }).click();
  await page.getByRole('tab', { name: 'Layers' }).click();
}

// 200,000 bytes written by one step and deleted by the next: known waste by construction.
const WASTE = 200_000;
const DOCKERFILE = `FROM ${FIXTURE}
LABEL berth.test=1
RUN mkdir -p /app/conf && head -c ${WASTE} /dev/zero > /app/blob.bin && echo 'hello from the layers' > /app/conf/hello.txt
RUN rm /app/blob.bin && echo 'second' > /app/conf/other.txt
`;

test('pick a layer, find a file by search, read it; the wasted bytes are named with their steps @core', async ({
  page,
  berth,
}) => {
  const image = `berth-e2e-layers-${Date.now().toString(36)}:1`;
  build(berth.dockerHost, image, DOCKERFILE);
  try {
    await openLayersTab(page, berth.url, image);
    const files = page.getByRole('region', { name: 'Files in the layers' });
    const picker = files.getByRole('combobox', { name: 'Layer' });
    await expect(picker).toBeVisible({ timeout: 30_000 });
    // The base has 2 layers; ours are 3 and 4.
    await picker.selectOption({ label: (await picker.locator('option').nth(3).textContent()) ?? '' });
    const tree = files.getByRole('tree', { name: 'Changes in layer 4' });
    await expect(tree.getByRole('treeitem', { name: /^app\// })).toBeVisible();
    await tree.getByRole('treeitem', { name: /^app\// }).click();
    await expect(tree.getByRole('treeitem', { name: /blob\.bin.*deleted/ })).toBeVisible();
    await expect(tree.getByRole('treeitem', { name: /conf\// })).toBeVisible();

    await files.getByRole('searchbox', { name: 'Search paths in all layers' }).fill('hello.txt');
    await files.getByRole('button', { name: 'Search' }).click();
    const results = files.getByRole('region', { name: 'Search results' });
    await expect(results).toContainText('1 path matches');
    await results.getByRole('button', { name: '/app/conf/hello.txt' }).click();
    await expect(files.getByRole('tree', { name: 'Changes in layer 3' })).toBeVisible();
    await expect(files.getByRole('treeitem', { name: /hello\.txt/ })).toHaveAttribute('aria-selected', 'true');
    await files.getByRole('button', { name: 'Read file' }).click();
    const dialog = page.getByRole('dialog', { name: '/app/conf/hello.txt' });
    await expect(dialog.getByLabel('Contents of /app/conf/hello.txt')).toHaveText('hello from the layers\n');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The filesystem as of layer 4: the deleted file is gone, the file of layer 3 is still there.
    await files.getByRole('checkbox', { name: 'Only what this layer changed' }).uncheck();
    await picker.selectOption({ index: 3 });
    const merged = files.getByRole('tree', { name: 'Filesystem as of layer 4' });
    await merged.getByRole('treeitem', { name: /^app\// }).click();
    await expect(merged.getByRole('treeitem', { name: /^conf\// })).toBeVisible();
    await expect(merged.getByRole('treeitem', { name: /blob\.bin/ })).toHaveCount(0);

    const waste = page.getByRole('region', { name: 'Wasted space' });
    await expect(waste).toContainText('200 kB wasted');
    const row = waste.getByRole('table', { name: 'Wasted files, biggest first' }).getByRole('row').nth(1);
    await expect(row).toContainText('/app/blob.bin');
    await expect(row).toContainText(/step \d+: RUN mkdir/);
    await expect(row).toContainText(/step \d+: RUN rm \/app\/blob.bin.*\(deleted\)/);
    await expect(waste.getByRole('list', { name: 'What to change' })).toContainText('do both in one RUN');
  } finally {
    removeImage(berth.dockerHost, image);
  }
});
