/**
 * files:saveToFile and files:uploadFromFile over a real engine, with a fake dialog port standing in for Electron's
 * native dialogs (the one part that cannot run here): what they write and copy in is compared with `docker cp`.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SavedImage } from '../../../shared/dto/desktop';
import { cleanupLabelled } from '../../../scripts/test-engine.mjs';
import { waitForStatus } from '../backend.test-helper';
import type { DesktopDialogs, OpenDialogOptions, SaveDialogOptions } from '../desktop/desktop.types';
import { call, cli, HOST, unique } from '../images/images.test-helper';
import { createBackend, type Backend } from '../index';

const FIXTURE = 'berth-fixture/busybox:1';
const answers: (string | null)[] = [];
const asked: (SaveDialogOptions | OpenDialogOptions)[] = [];
const next = (options: SaveDialogOptions | OpenDialogOptions) => {
  asked.push(options);
  if (answers.length === 0) throw new Error('the test queued no dialog answer');
  return Promise.resolve(answers.shift() ?? null);
};
const port: DesktopDialogs = { showSaveDialog: next, showOpenDialog: next };
let backend: Backend;
let browser: Backend;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-cfd-'));
const NAME = unique('cfd');

beforeAll(async () => {
  backend = createBackend({ env: { DOCKER_HOST: HOST }, platform: 'linux', homedir: os.tmpdir(), desktop: port });
  browser = createBackend({ env: { DOCKER_HOST: HOST }, platform: 'linux', homedir: os.tmpdir() });
  await waitForStatus(backend, (s) => s.state === 'connected');
  cli('create', '--name', NAME, '--label', 'berth.test=1', FIXTURE, 'true');
}, 60_000);

afterAll(async () => {
  await backend?.dispose();
  await browser?.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
  await cleanupLabelled(HOST);
});

describe('container files through native dialogs', () => {
  it('copies a chosen file into a folder, then saves it as the tar `docker cp` gives', async () => {
    const source = path.join(dir, 'notes.bin');
    const bytes = randomBytes(40_000);
    fs.writeFileSync(source, bytes);
    answers.push(source);
    const up = await call<SavedImage>(backend, 'files:uploadFromFile', { id: NAME, path: '/bin' });
    expect(up).toEqual({ ok: true, value: { cancelled: false, path: source } });
    expect(asked.at(-1)).toMatchObject({ pick: 'file', title: `Upload a file to /bin of container ${NAME}` });
    cli('cp', `${NAME}:/bin/notes.bin`, path.join(dir, 'back.bin'));
    expect(fs.readFileSync(path.join(dir, 'back.bin')).equals(bytes)).toBe(true);

    const target = path.join(dir, 'saved.tar');
    answers.push(target);
    const saved = await call<SavedImage>(backend, 'files:saveToFile', { id: NAME, path: '/bin/notes.bin' });
    expect(saved).toEqual({ ok: true, value: { cancelled: false, path: target } });
    expect(asked.at(-1)).toMatchObject({ defaultName: 'notes.bin.tar' });
    const out = fs.mkdtempSync(path.join(dir, 'x-'));
    execFileSync('tar', ['-xf', target, '-C', out]);
    expect(fs.readFileSync(path.join(out, 'notes.bin')).equals(bytes)).toBe(true);
    const transcript = backend.services.transcript.list().map((e) => e.command);
    expect(transcript).toEqual(
      expect.arrayContaining([`docker cp ${source} ${NAME}:/bin`, `docker cp ${NAME}:/bin/notes.bin - > ${target}`]),
    );
  });

  it('answers cancelled when the dialog is closed, and refuses bad targets before asking', async () => {
    answers.push(null);
    expect(await call(backend, 'files:saveToFile', { id: NAME, path: '/bin' })).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    const before = asked.length;
    expect(await call(backend, 'files:saveToFile', { id: NAME, path: '/nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await call(backend, 'files:uploadFromFile', { id: NAME, path: '/bin/busybox' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(asked.length).toBe(before);
    answers.push(dir);
    expect(await call(backend, 'files:uploadFromFile', { id: NAME, path: '/bin' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: `${dir} is not a regular file.` },
    });
  });

  it('says the browser mode has no native dialogs', async () => {
    expect(await call(browser, 'files:saveToFile', { id: NAME, path: '/bin' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_SUPPORTED' },
    });
  });
});
