/** Integration-test helpers for images: a backend on TEST_DOCKER_HOST, the CLI, and builds from Dockerfile text. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import tar from 'tar-fs';
import type { Result } from '../../../shared/result';
import type { StreamMessage } from '../../../shared/stream';
import { dockerFor } from '../../../scripts/test-engine.mjs';
import { createBackend, type Backend } from '../index';
import { waitForStatus } from '../backend.test-helper';

export const HOST = process.env.TEST_DOCKER_HOST ?? '';

export const cli = (...args: string[]): string =>
  execFileSync('docker', ['-H', HOST, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

export const unique = (prefix: string) => `${prefix}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

export async function connectedBackend(): Promise<Backend> {
  const backend = createBackend({ env: { DOCKER_HOST: HOST }, platform: 'linux', homedir: os.tmpdir() });
  await waitForStatus(backend, (s) => s.state === 'connected');
  return backend;
}

export async function call<T>(backend: Backend, channel: string, input?: unknown): Promise<Result<T>> {
  return (await backend.dispatcher.request(channel, input)) as Result<T>;
}

/** Subscribes to a stream channel and resolves with its items and its last message. */
export function collect<T>(
  backend: Backend,
  channel: string,
  input: unknown,
): Promise<{ items: T[]; last: StreamMessage<T> }> {
  return new Promise((resolve, reject) => {
    const items: T[] = [];
    const session = backend.dispatcher.openSession((_id, message) => {
      const m = message as StreamMessage<T>;
      if (m.type === 'data') items.push(...m.items);
      else {
        session.close();
        resolve({ items, last: m });
      }
    });
    const opened = session.subscribe('s1', channel, input);
    if (!opened.ok) reject(new Error(opened.error.message));
  });
}

/**
 * Builds `dockerfile` (classic builder, offline: FROM scratch or a local image; the host's static busybox is in the
 * context as `busybox`) with the berth.test label, tagged `tag`.
 */
export async function buildImage(tag: string, dockerfile: string, files: Record<string, string> = {}): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-img-'));
  try {
    fs.writeFileSync(path.join(dir, 'Dockerfile'), dockerfile);
    fs.copyFileSync('/bin/busybox', path.join(dir, 'busybox'));
    fs.chmodSync(path.join(dir, 'busybox'), 0o755);
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    const docker = dockerFor(HOST);
    const stream = (await docker.buildImage(tar.pack(dir) as unknown as Readable, {
      t: tag,
      labels: { 'berth.test': '1' },
      version: '1',
    })) as Readable;
    await new Promise<void>((resolve, reject) => {
      docker.modem.followProgress(stream, (err: Error | null, output: { error?: string }[]) => {
        const failed = err?.message ?? output.find((line) => line.error)?.error;
        if (failed) reject(new Error(`building ${tag} failed: ${failed}`));
        else resolve();
      });
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
