import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../index';
import { PathGuard } from './paths';

const home = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'berth-paths-')));
fs.mkdirSync(path.join(home, 'app'));
fs.writeFileSync(path.join(home, 'app', 'Dockerfile'), 'FROM scratch\n');
fs.mkdirSync(path.join(home, '.ssh'));
fs.writeFileSync(path.join(home, '.ssh', 'Dockerfile'), 'secret\n');
fs.symlinkSync('/etc', path.join(home, 'etc-link'));
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

const denied = (promise: Promise<unknown>) =>
  expect(promise).rejects.toMatchObject({ error: { code: 'PERMISSION_DENIED' } });

describe('PathGuard, browser mode (allowed roots)', () => {
  const guard = new PathGuard({ kind: 'roots', roots: [home] });

  it('lets a folder inside a root through', async () => {
    await expect(guard.check(path.join(home, 'app'), 'The build context')).resolves.toBeUndefined();
    await expect(guard.check(home, 'The build context')).resolves.toBeUndefined();
  });

  it('refuses a folder outside every root, naming the roots and --allow', async () => {
    await denied(guard.check('/etc', 'The build context'));
    await expect(guard.check('/etc', 'The build context')).rejects.toThrow(/outside the folders.*--allow/);
  });

  it('refuses a link that leads outside, and a climb out with ..', async () => {
    await denied(guard.check(path.join(home, 'etc-link'), 'The build context'));
    await denied(guard.check(`${home}/app/../../..`, 'The build context'));
  });

  it('refuses a hidden folder below a root, unless that folder is a root itself', async () => {
    await expect(guard.check(path.join(home, '.ssh'), 'The build context')).rejects.toThrow(/hidden folder/);
    const allowed = new PathGuard({ kind: 'roots', roots: [home, path.join(home, '.ssh')] });
    await expect(allowed.check(path.join(home, '.ssh'), 'The build context')).resolves.toBeUndefined();
  });
});

describe('PathGuard, desktop mode (grants from the dialog)', () => {
  it('refuses everything until a folder is granted, then that folder and what it holds', async () => {
    const guard = new PathGuard({ kind: 'grants' });
    await denied(guard.check(path.join(home, 'app'), 'The build context'));
    guard.grant(home);
    await expect(guard.check(path.join(home, 'app'), 'The build context')).resolves.toBeUndefined();
    await denied(guard.check(path.join(home, 'etc-link'), 'The build context'));
    await denied(guard.check('/etc', 'The build context'));
  });
});

describe('build:preview through the backend', () => {
  const engineless = { env: { DOCKER_HOST: 'unix:///nonexistent/docker.sock' }, platform: 'linux' as const };

  it('does not read /etc/passwd (or anything outside the allowed roots) in the browser mode', async () => {
    const backend = createBackend({ ...engineless, homedir: home });
    try {
      const answer = await backend.dispatcher.request('build:preview', { contextPath: '/etc', dockerfile: 'passwd' });
      expect(answer).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
      expect(JSON.stringify(answer)).not.toContain('root:');
      const linked = await backend.dispatcher.request('build:preview', {
        contextPath: path.join(home, 'etc-link'),
        dockerfile: 'passwd',
      });
      expect(linked).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
      const hidden = await backend.dispatcher.request('build:preview', { contextPath: path.join(home, '.ssh') });
      expect(hidden).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
      const fine = await backend.dispatcher.request('build:preview', { contextPath: path.join(home, 'app') });
      expect(fine).toMatchObject({ ok: true, value: { dockerfileText: 'FROM scratch\n' } });
    } finally {
      await backend.dispose();
    }
  });

  it('in the desktop app, opens only a folder the user chose in the dialog', async () => {
    const chosen: string[] = [path.join(home, 'app')];
    const backend = createBackend({
      ...engineless,
      homedir: home,
      desktop: {
        showSaveDialog: () => Promise.resolve(null),
        showOpenDialog: () => Promise.resolve(chosen.shift() ?? null),
      },
    });
    try {
      const before = await backend.dispatcher.request('build:preview', { contextPath: path.join(home, 'app') });
      expect(before).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
      expect(await backend.dispatcher.request('desktop:pickFolder', {})).toMatchObject({
        ok: true,
        value: { path: path.join(home, 'app') },
      });
      const after = await backend.dispatcher.request('build:preview', { contextPath: path.join(home, 'app') });
      expect(after).toMatchObject({ ok: true, value: { dockerfileFound: true } });
      const tmp = await backend.dispatcher.request('build:preview', { contextPath: os.tmpdir() });
      expect(tmp).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    } finally {
      await backend.dispose();
    }
  });
});
