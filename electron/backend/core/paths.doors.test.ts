/**
 * The path doors of #19 through the dispatcher, as a compromised page would knock: build:preview gives the text of
 * the Dockerfile asked for inside the chosen context and nothing else, and the desktop save/load/export channels
 * take no path at all (the target comes from main's dialog, and the save lands under a temporary name first).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../index';

const home = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'berth-doors-')));
fs.mkdirSync(path.join(home, 'app'));
fs.writeFileSync(path.join(home, 'app', 'Dockerfile'), 'FROM scratch\n');
fs.mkdirSync(path.join(home, '.ssh'));
fs.writeFileSync(path.join(home, '.ssh', 'id_rsa'), 'PRIVATE KEY\n');
fs.symlinkSync(path.join(home, '.ssh', 'id_rsa'), path.join(home, 'app', 'Dockerfile.key'));
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

const engineless = { env: { DOCKER_HOST: 'unix:///nonexistent/docker.sock' }, platform: 'linux' as const };

describe('build:preview', () => {
  it('never returns a file outside the chosen context, however the Dockerfile is named', async () => {
    const backend = createBackend({ ...engineless, homedir: home });
    try {
      const context = path.join(home, 'app');
      for (const dockerfile of ['../.ssh/id_rsa', '/etc/passwd', 'Dockerfile.key', 'sub/../../.ssh/id_rsa']) {
        const answer = await backend.dispatcher.request('build:preview', { contextPath: context, dockerfile });
        expect(answer, dockerfile).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
        expect(JSON.stringify(answer)).not.toMatch(/PRIVATE KEY|root:/);
      }
      const asked = await backend.dispatcher.request('build:preview', {
        contextPath: context,
        dockerfile: 'Dockerfile',
      });
      expect(asked).toMatchObject({ ok: true, value: { dockerfileText: 'FROM scratch\n' } });
    } finally {
      await backend.dispose();
    }
  });
});

describe('desktop save, load and export', () => {
  it('take no path from the page: one sent along is refused before the dialog or the engine is asked', async () => {
    const asked: string[] = [];
    const backend = createBackend({
      ...engineless,
      homedir: home,
      desktop: {
        showSaveDialog: (o) => (asked.push(o.title), Promise.resolve(null)),
        showOpenDialog: (o) => (asked.push(o.title), Promise.resolve(null)),
      },
    });
    try {
      const target = path.join(home, 'app', 'Dockerfile');
      for (const [channel, input] of [
        ['desktop:saveImage', { ref: 'busybox:1', path: target }],
        ['desktop:loadImage', { path: target }],
        ['desktop:exportVolume', { name: 'data', path: target }],
        ['desktop:importVolume', { name: 'data', path: target }],
        ['desktop:saveLog', { containers: ['web'], path: target }],
      ] as const) {
        const answer = await backend.dispatcher.request(channel, input);
        expect(answer, channel).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      }
      expect(asked).toEqual([]);
      expect(fs.readFileSync(target, 'utf8')).toBe('FROM scratch\n');
    } finally {
      await backend.dispose();
    }
  });
});
