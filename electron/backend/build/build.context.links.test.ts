import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extract, type Header } from 'tar-stream';
import { BerthFailure } from '../../../shared/result';
import { MAX_BUILD_FILE_BYTES, packContext, planContext, toPreview } from './build.context';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-links-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

let counter = 0;
function folder(): string {
  const root = path.join(scratch, `ctx${++counter}`);
  fs.mkdirSync(root, { recursive: true });
  return root;
}

async function failureOf(promise: Promise<unknown>): Promise<BerthFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BerthFailure) return error;
    throw error;
  }
  throw new Error('expected a BerthFailure');
}

describe('files main reads from a context (Dockerfile, .dockerignore)', () => {
  it('refuses a Dockerfile that links out of the context instead of reading its target', async () => {
    const secret = path.join(scratch, 'secret.txt');
    fs.writeFileSync(secret, 'TOP-SECRET-KEY');
    const root = folder();
    fs.symlinkSync(secret, path.join(root, 'Dockerfile'));
    const failure = await failureOf(planContext(root));
    expect(failure.error.code).toBe('INVALID_INPUT');
    expect(failure.error.message).toContain('outside the build context');
    expect(JSON.stringify(failure.error)).not.toContain('TOP-SECRET');
  });

  it('follows a Dockerfile link that stays inside the context, as docker does', async () => {
    const root = folder();
    fs.mkdirSync(path.join(root, 'docker'));
    fs.writeFileSync(path.join(root, 'docker', 'app.Dockerfile'), 'FROM scratch\n');
    fs.symlinkSync('docker/app.Dockerfile', path.join(root, 'Dockerfile'));
    expect((await planContext(root)).dockerfileText).toBe('FROM scratch\n');
  });

  it('refuses a .dockerignore that links out of the context', async () => {
    const root = folder();
    fs.writeFileSync(path.join(root, 'Dockerfile'), 'FROM scratch\n');
    fs.symlinkSync('/dev/zero', path.join(root, '.dockerignore'));
    expect((await failureOf(planContext(root))).error.code).toBe('INVALID_INPUT');
  });

  it('refuses a Dockerfile larger than the cap without reading it whole', async () => {
    const root = folder();
    const file = path.join(root, 'Dockerfile');
    fs.writeFileSync(file, 'FROM scratch\n');
    fs.truncateSync(file, MAX_BUILD_FILE_BYTES + 1);
    const failure = await failureOf(planContext(root));
    expect(failure.error.code).toBe('INVALID_INPUT');
    expect(failure.error.message).toMatch(/too large/);
  });

  it('refuses a Dockerfile that is a named pipe instead of waiting on it forever', async () => {
    const root = folder();
    const fifo = path.join(root, 'Dockerfile');
    execFileSync('mkfifo', [fifo]);
    const timeout = new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 3000));
    try {
      const outcome = await Promise.race([failureOf(planContext(root)), timeout]);
      expect(outcome).not.toBe('hung');
      expect((outcome as BerthFailure).error.code).toBe('INVALID_INPUT');
    } finally {
      // Release a reader blocked in open() so the worker can exit even when the check above failed.
      try {
        fs.closeSync(fs.openSync(fifo, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK));
      } catch {
        // No reader was waiting.
      }
    }
  });
});

describe('links inside the context are sent as links', () => {
  it('tars a link to a file outside the context as a symlink entry with no content', async () => {
    const outside = path.join(scratch, 'outside.txt');
    fs.writeFileSync(outside, 'OUTSIDE-CONTENT');
    const root = folder();
    fs.writeFileSync(path.join(root, 'Dockerfile'), 'FROM scratch\n');
    fs.symlinkSync(outside, path.join(root, 'escape'));
    const headers: Header[] = [];
    let body = '';
    await new Promise<void>((resolve, reject) => {
      const ex = extract();
      ex.on('entry', (header, stream, next) => {
        headers.push(header);
        stream.on('data', (chunk: unknown) => {
          body += String(chunk);
        });
        stream.on('end', next);
      });
      ex.on('finish', resolve);
      ex.on('error', reject);
      void planContext(root).then((plan) => packContext(plan).pipe(ex), reject);
    });
    const link = headers.find((h) => h.name === 'escape');
    expect(link?.type).toBe('symlink');
    expect(link?.linkname).toBe(outside);
    expect(body).not.toContain('OUTSIDE-CONTENT');
  });
});

describe('the preview stays bounded', () => {
  it('lists at most 50 heavy-folder warnings, the heaviest ones, in path order', async () => {
    const root = folder();
    fs.writeFileSync(path.join(root, 'Dockerfile'), 'FROM scratch\n');
    for (let i = 0; i < 80; i += 1) {
      fs.mkdirSync(path.join(root, `p${String(i).padStart(2, '0')}`, 'node_modules'), { recursive: true });
      fs.writeFileSync(path.join(root, `p${String(i).padStart(2, '0')}`, 'node_modules', 'x.js'), 'x'.repeat(i + 1));
    }
    const preview = toPreview(await planContext(root));
    expect(preview.warnings).toHaveLength(50);
    expect(preview.warnings[0]?.folder).toBe('p30/node_modules');
    expect(preview.warnings.at(-1)?.folder).toBe('p79/node_modules');
  });
});
