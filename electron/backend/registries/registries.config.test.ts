import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  configDirOf,
  credentialOfEntry,
  entryOf,
  readDockerConfig,
  toDockerConfig,
  userOfAuth,
  writeAuths,
} from './registries.config';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-docker-config-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('config.json as the docker CLI keeps it', () => {
  it('lives in DOCKER_CONFIG, else ~/.docker', () => {
    expect(configDirOf({ DOCKER_CONFIG: '/x/cfg' }, '/home/ann')).toBe('/x/cfg');
    expect(configDirOf({}, '/home/ann')).toBe('/home/ann/.docker');
    expect(configDirOf({ DOCKER_CONFIG: '' }, '/home/ann')).toBe('/home/ann/.docker');
  });

  it('reads auths, credsStore and credHelpers, leaving out what has the wrong shape', () => {
    const config = toDockerConfig({
      auths: { 'a.io': { auth: 'eA==' }, bad: 3 },
      credsStore: 'pass',
      credHelpers: { 'gcr.io': 'gcloud', 'x.io': 5 },
    });
    expect(Object.keys(config.auths)).toEqual(['a.io']);
    expect(config.credsStore).toBe('pass');
    expect(config.credHelpers).toEqual({ 'gcr.io': 'gcloud' });
  });

  it('writes base64 user:password as docker login does, or the identity token in place of the password', () => {
    const plain = entryOf('ann', { password: 'p:w' });
    expect(plain).toEqual({ auth: Buffer.from('ann:p:w').toString('base64') });
    expect(credentialOfEntry(plain)).toEqual({ username: 'ann', password: 'p:w' });
    expect(userOfAuth(plain)).toBe('ann');
    const token = entryOf('ann', { identitytoken: 'tok' });
    expect(token).toEqual({ auth: Buffer.from('ann:').toString('base64'), identitytoken: 'tok' });
    expect(credentialOfEntry(token)).toEqual({ username: 'ann', password: '', identitytoken: 'tok' });
    // The empty entry a helper-held login leaves behind holds no credential.
    expect(credentialOfEntry({})).toBeNull();
  });

  it('a missing file is an empty config; a broken one is refused without quoting it', async () => {
    expect((await readDockerConfig(path.join(tmp, 'none.json'))).auths).toEqual({});
    const broken = path.join(tmp, 'broken.json');
    fs.writeFileSync(broken, '{"auths": {"x": {"auth": "c2VjcmV0LXB3"}}');
    const error = await readDockerConfig(broken).catch((e: unknown) => e);
    expect(JSON.stringify(error)).toContain('is not valid JSON');
    expect(JSON.stringify(error)).not.toContain('c2VjcmV0LXB3');
  });

  it('writes atomically with mode 0600, keeping every key it does not know', async () => {
    const file = path.join(tmp, 'sub', 'config.json');
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, JSON.stringify({ proxies: { default: { httpProxy: 'x' } }, auths: { old: {} } }));
    const config = await readDockerConfig(file);
    await writeAuths(file, config, { 'a.io': entryOf('ann', { password: 'pw' }) });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({
      proxies: { default: { httpProxy: 'x' } },
      auths: { 'a.io': { auth: Buffer.from('ann:pw').toString('base64') } },
    });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['config.json']);
  });
});
