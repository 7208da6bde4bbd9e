// Test fixtures for E2E specs: `berth` (the served URL and token, and the engine behind it), `docker` (a client for
// that engine, for arranging containers and images) and `privateBerth` (an extra engine + serve pair of the spec's
// own, for stopping and restarting the engine), and helpers for arranging containers with the docker CLI.
import { execFileSync } from 'node:child_process';
import { test as base, type Page } from '@playwright/test';
import type Docker from 'dockerode';
import { dockerFor } from '../scripts/test-engine.mjs';
import { startPrivateBerth, type PrivateBerth } from './rig';

export { expect } from '@playwright/test';
export { startPrivateBerth, type PrivateBerth } from './rig';

export interface BerthRig {
  /** `http://127.0.0.1:PORT/?token=TOKEN` */
  url: string;
  token: string;
  /** DOCKER_HOST-style address of the engine that serve talks to. */
  dockerHost: string;
  /** Which engine answers there: Podman when the run is playwright.podman.config.ts. */
  engine: 'docker' | 'podman';
}

/** The busybox image the rig builds into every test engine before the specs run. */
export const FIXTURE = 'berth-fixture/busybox:1';

/** Runs the docker CLI against `host` and returns what it printed, trimmed. */
export function dockerCli(host: string, ...args: string[]): string {
  return execFileSync('docker', ['-H', host, ...args], { encoding: 'utf8' }).trim();
}

/** Starts a container `name` running `sleep 600` from the fixture image, labelled berth.test=1; returns its id. */
export function runLabelled(host: string, name: string): string {
  return dockerCli(host, 'run', '-d', '--label', 'berth.test=1', '--name', name, FIXTURE, 'sleep', '600');
}

/** Starts a container `name` from the fixture image running `sh -c script`, labelled berth.test=1. */
export async function startScript(docker: Docker, name: string, script: string): Promise<Docker.Container> {
  const container = await docker.createContainer({
    name,
    Image: FIXTURE,
    Cmd: ['sh', '-c', script],
    Labels: { 'berth.test': '1' },
  });
  await container.start();
  return container;
}

/** Opens Berth's Logs section and picks the container `name`. */
export async function openLogsOf(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Logs' }).click();
  await page.getByRole('checkbox', { name }).check();
}

function fromEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run the specs through playwright.config.ts (its globalSetup sets it).`);
  return value;
}

export const test = base.extend<{ docker: Docker; privateBerth: PrivateBerth }, { berth: BerthRig }>({
  berth: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires an object pattern for fixture arguments.
    async ({}, use) => {
      await use({
        url: fromEnv('BERTH_URL'),
        token: fromEnv('BERTH_TOKEN'),
        dockerHost: fromEnv('TEST_DOCKER_HOST'),
        engine: process.env.BERTH_TEST_ENGINE === 'podman' ? 'podman' : 'docker',
      });
    },
    { scope: 'worker' },
  ],
  docker: async ({ berth }, use) => {
    await use(dockerFor(berth.dockerHost));
  },
  privateBerth: [
    // eslint-disable-next-line no-empty-pattern -- as above.
    async ({}, use) => {
      const pair = await startPrivateBerth();
      try {
        await use(pair);
      } finally {
        await pair.close();
      }
    },
    // Starting an engine, building fixtures and serving takes a few seconds on top of the test's own time.
    { timeout: 120_000 },
  ],
});
