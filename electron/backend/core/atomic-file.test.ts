import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeAtomically, writeTextAtomically } from './atomic-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'berth-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeAtomically', () => {
  it('replaces the target and leaves no temporary file', async () => {
    const target = path.join(dir, 'a.json');
    await writeFile(target, 'old');
    await writeTextAtomically(target, 'new', 0o600);
    expect(await readFile(target, 'utf8')).toBe('new');
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('keeps the old file whole and removes the temporary one when writing fails', async () => {
    const target = path.join(dir, 'a.tar');
    await writeFile(target, 'old');
    const failed = writeAtomically(target, async (temporary) => {
      expect(path.dirname(temporary)).toBe(dir);
      await writeFile(temporary, 'half');
      throw new Error('disk full');
    });
    await expect(failed).rejects.toThrow('disk full');
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['a.tar']);
  });
});
