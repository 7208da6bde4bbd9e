/**
 * For build integration tests: a backend on TEST_DOCKER_HOST, context folders in a scratch directory, unique tags
 * removed afterwards, and build:run driven through a dispatcher session as the renderer drives it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { BuildEvent, BuildOptions, ContextPreview } from '../../../shared/dto/build';
import type { BerthError } from '../../../shared/result';
import type { StreamMessage } from '../../../shared/stream';
import { createBackend, type Backend } from '../index';

export const HOST = process.env.TEST_DOCKER_HOST ?? '';
const RUN_ID = `${process.pid}-${Date.now()}`;
export const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-build-'));
const createdTags: string[] = [];

export const cli = (...args: string[]): string =>
  execFileSync('docker', ['-H', HOST, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
export const tagFor = (what: string): string => {
  const tag = `berth-test-build-${what}:${RUN_ID}`;
  createdTags.push(tag);
  return tag;
};

export function makeContext(name: string, files: Record<string, string>): string {
  const root = path.join(scratch, name);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

/** Runs a command in a throwaway container of the image and returns its output. */
export function runIn(image: string, ...command: string[]): string {
  return cli('run', '--rm', '--label', 'berth.test=1', image, ...command);
}

let backend: Backend | undefined;

/** The backend of the current test file, connected. */
export function testBackend(): Backend {
  if (!backend) throw new Error('useBuildBackend() must run at the top of the test file.');
  return backend;
}

export interface BuildOutcome {
  events: BuildEvent[];
  error?: BerthError;
}

/** Starts build:run on a session; resolves when the stream ends or fails. `onEvent` may cancel it. */
export function build(options: BuildOptions, onEvent?: (event: BuildEvent, cancel: () => void) => void) {
  const events: BuildEvent[] = [];
  const id = `b${Math.random().toString(36).slice(2)}`;
  let settle: (outcome: BuildOutcome) => void = () => undefined;
  const done = new Promise<BuildOutcome>((resolve) => (settle = resolve));
  const session = testBackend().dispatcher.openSession((_id, message: StreamMessage<unknown>) => {
    if (message.type === 'data') {
      for (const item of message.items as BuildEvent[]) {
        events.push(item);
        onEvent?.(item, () => {
          session.unsubscribe(id);
          settle({ events, error: { code: 'CANCELLED', message: 'cancelled by the test' } });
        });
      }
    } else if (message.type === 'end') settle({ events });
    else settle({ events, error: message.error });
  });
  const opened = session.subscribe(id, 'build:run', options);
  expect(opened.ok).toBe(true);
  return done;
}

export async function preview(contextPath: string, dockerfile?: string): Promise<ContextPreview> {
  const input = dockerfile === undefined ? { contextPath } : { contextPath, dockerfile };
  const result = await testBackend().dispatcher.request('build:preview', input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ContextPreview;
}

/** Connects a backend before the file's tests and removes its tags and folders after them. */
export function useBuildBackend(): void {
  beforeAll(async () => {
    expect(HOST, 'TEST_DOCKER_HOST must name the engine').not.toBe('');
    const created = createBackend({ env: { DOCKER_HOST: HOST }, platform: 'linux', homedir: scratch });
    backend = created;
    const deadline = Date.now() + 10_000;
    while (created.engine.status().state !== 'connected') {
      if (Date.now() > deadline) throw new Error(`engine not connected: ${JSON.stringify(created.engine.status())}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  });

  afterAll(async () => {
    await backend?.dispose();
    for (const tag of createdTags) {
      try {
        cli('rmi', '-f', tag);
      } catch {
        // Never built (the cancel and failure cases) or already gone.
      }
    }
    fs.rmSync(scratch, { recursive: true, force: true });
  });
}
