import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { dockerCli, expect, FIXTURE, test } from './fixtures';

const SLEEPER = `["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]`;
const COMPOSE = `services:
  db:
    image: ${FIXTURE}
    command: ${SLEEPER}
    labels:
      berth.test: "1"
  web:
    image: ${FIXTURE}
    command: ${SLEEPER}
    depends_on:
      - db
    labels:
      berth.test: "1"
networks:
  default:
    labels:
      berth.test: "1"
`;

async function show(page: Page, section: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: section }).click();
}

function composeAvailable(): boolean {
  try {
    execFileSync('docker-compose', ['version', '--short'], { stdio: 'ignore' });
    return true;
  } catch {
    try {
      execFileSync('docker', ['compose', 'version', '--short'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  }
}

test('a compose file opened by path is brought up, listed as a project, stopped from Berth and taken down', async ({
  page,
  berth,
}) => {
  test.skip(!composeAvailable(), 'CANNOT RUN: no Compose CLI (docker compose or docker-compose) is installed here.');
  test.setTimeout(180_000);
  const project = `berthe2e${Date.now().toString(36)}`;
  const root = mkdtempSync(join(tmpdir(), 'berth-e2e-compose-'));
  const dir = join(root, project);
  mkdirSync(dir);
  const file = join(dir, 'compose.yaml');
  writeFileSync(file, COMPOSE);
  const names = () =>
    dockerCli(
      berth.dockerHost,
      'ps',
      '--filter',
      `label=com.docker.compose.project=${project}`,
      '--format',
      '{{.Names}}',
    )
      .split('\n')
      .filter(Boolean);
  try {
    await page.goto(berth.url);
    await show(page, 'Projects');
    await expect(page.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible();

    await page.getByLabel('Compose file path').fill(file);
    await page.getByRole('button', { name: 'Open file' }).click();
    const declared = page.getByRole('table', { name: 'Services the file declares' });
    await expect(declared.getByRole('row')).toHaveCount(3);
    await expect(declared.getByRole('row').filter({ hasText: 'web' })).toContainText('db');
    await expect(page.locator('.ctr-toolbar-command code').first()).toContainText(`-f ${file} up -d`);

    await page.getByRole('button', { name: 'Compose Up' }).click();
    await expect(page.getByText('Compose up finished.')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('log', { name: 'Output of compose up' })).toContainText('web');
    expect(names().sort()).toHaveLength(2);

    const card = page.getByRole('region', { name: `Project ${project}`, exact: true });
    await expect(card).toContainText('Running · 2 of 2 running');
    await expect(card.getByRole('table', { name: `Services of project ${project}` }).getByRole('row')).toHaveCount(3);
    await card.getByRole('button', { name: `Stop project ${project}`, exact: true }).hover();
    await expect(card.locator('code')).toHaveText(`docker compose -p ${project} stop`);
    await card.getByRole('button', { name: `Stop project ${project}`, exact: true }).click();
    await expect(card).toContainText('Stopped · 0 of 2 running', { timeout: 30_000 });
    expect(names()).toEqual([]);

    await card.getByRole('button', { name: `Start project ${project}`, exact: true }).click();
    await expect(card).toContainText('Running · 2 of 2 running', { timeout: 30_000 });
    expect(names()).toHaveLength(2);

    await card.getByRole('button', { name: `Remove project ${project}`, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Remove project ${project}?` });
    const doomed = dialog.getByRole('list', { name: 'What will be removed' });
    await expect(doomed.getByRole('listitem')).toHaveCount(3);
    await expect(doomed).toContainText(`${project}_default`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Compose Down' }).click();
    await expect(page.getByText('Compose down finished.')).toBeVisible({ timeout: 60_000 });
    await expect(card).toBeHidden();
    expect(dockerCli(berth.dockerHost, 'ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`)).toBe(
      '',
    );
  } finally {
    try {
      execFileSync('docker-compose', ['-H', berth.dockerHost, '-f', file, 'down'], { stdio: 'ignore' });
    } catch {
      // Already down.
    }
    rmSync(root, { recursive: true, force: true });
  }
});

test('a compose error is shown against its line, and a bad path is refused in words', async ({ page, berth }) => {
  test.skip(!composeAvailable(), 'CANNOT RUN: no Compose CLI (docker compose or docker-compose) is installed here.');
  const root = mkdtempSync(join(tmpdir(), 'berth-e2e-compose-'));
  const file = join(root, 'compose.yaml');
  writeFileSync(file, `services:\n  web:\n    image: ${FIXTURE}\n    imagee: typo\n`);
  try {
    await page.goto(berth.url);
    await show(page, 'Projects');
    await page.getByLabel('Compose file path').fill('compose.yaml');
    await page.getByRole('button', { name: 'Open file' }).click();
    await expect(page.getByRole('alert')).toContainText('must be absolute');

    await page.getByLabel('Compose file path').fill(file);
    await page.getByRole('button', { name: 'Open file' }).click();
    await page.getByRole('button', { name: 'Compose Up' }).click();
    await expect(page.getByText('Compose up failed.')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('list', { name: 'Problems in the compose file' })).toContainText('Line 4:');
    await expect(page.getByRole('note')).toContainText('Line 4:');
    await expect(page.getByRole('note')).toContainText('imagee');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the compose projects lesson leads to the Projects screen', async ({ page, berth }) => {
  await page.goto(berth.url);
  await show(page, 'Learn');
  await page.getByRole('navigation', { name: 'Lessons' }).getByRole('button', { name: 'Compose projects' }).click();
  await expect(page.getByRole('article', { name: 'Compose projects' })).toContainText('docker compose down');
  await page.getByRole('button', { name: 'See your compose projects' }).click();
  await expect(page.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Compose file path')).toBeVisible();
});
