import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { helperGet, helperList, helperStore } from './registries.helpers';

const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-helpers-'));
afterAll(() => fs.rmSync(bin, { recursive: true, force: true }));
const script = (name: string, body: string) =>
  fs.writeFileSync(path.join(bin, `docker-credential-${name}`), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
const env = { PATH: `${bin}:/usr/bin:/bin` };

script('slow', 'sleep 5');
script('broken', 'echo "keychain locked"; exit 3');
script('empty', 'echo "credentials not found in native keychain"; exit 1');
script('good', 'cat >/dev/null; echo \'{"ServerURL":"a.io","Username":"ann","Secret":"s3cret"}\'');
script('listing', 'echo \'{"a.io":"ann","b.io":"bob"}\'');

describe('the credential helper protocol', () => {
  it('reads a credential from stdout JSON', async () => {
    expect(await helperGet('good', 'a.io', { env })).toEqual({ username: 'ann', secret: 's3cret' });
    expect(await helperList('listing', { env })).toEqual({ 'a.io': 'ann', 'b.io': 'bob' });
  });

  it('takes "credentials not found" as no credential', async () => {
    expect(await helperGet('empty', 'a.io', { env })).toBeNull();
  });

  it('says when a helper is missing, fails, or does not answer in time, never quoting what it was sent', async () => {
    await expect(helperGet('absent', 'a.io', { env })).rejects.toMatchObject({
      error: {
        code: 'NOT_FOUND',
        message:
          'The credential helper docker-credential-absent is not installed (not found on PATH). Install it, or remove it from config.json.',
      },
    });
    const failed = await helperStore('broken', 'a.io', { username: 'ann', secret: 'do-not-show' }, { env }).catch(
      (e: unknown) => e,
    );
    expect(failed).toMatchObject({
      error: {
        code: 'ENGINE_ERROR',
        message: 'The credential helper docker-credential-broken failed to store: keychain locked.',
      },
    });
    expect(JSON.stringify(failed)).not.toContain('do-not-show');
    const started = Date.now();
    await expect(helperGet('slow', 'a.io', { env, timeoutMs: 300 })).rejects.toMatchObject({
      error: {
        code: 'TIMEOUT',
        message: 'The credential helper docker-credential-slow did not answer "get" within 0.3 s.',
      },
    });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('refuses a helper name that could be a path', async () => {
    await expect(helperGet('../evil', 'a.io', { env })).rejects.toMatchObject({ error: { code: 'INVALID_INPUT' } });
  });
});
