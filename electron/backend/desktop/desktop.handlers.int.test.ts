/**
 * The desktop:* channels over a real engine, with a fake dialog port standing in for Electron's dialogs (the one
 * part that cannot run here): save to the file the "dialog" chose, checked with the docker CLI, load it back, and
 * what cancelling, bad answers and the bridge (no port) do.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadAction, saveAction, tarFilename } from '../../../shared/cli/images.cli';
import type { LoadedImages, PickedFolder, SavedImage } from '../../../shared/dto/desktop';
import { cleanupLabelled } from '../../../scripts/test-engine.mjs';
import { createBackend, type Backend } from '../index';
import { waitForStatus } from '../backend.test-helper';
import { buildImage, call, cli, HOST, unique } from '../images/images.test-helper';
import type { DesktopDialogs, OpenDialogOptions, SaveDialogOptions } from './desktop.types';

/** Answers each dialog with the next queued path (null = the user cancelled) and records what it was asked. */
function fakeDialogs() {
  const answers: (string | null)[] = [];
  const asked: (SaveDialogOptions | OpenDialogOptions)[] = [];
  const next = (options: SaveDialogOptions | OpenDialogOptions) => {
    asked.push(options);
    if (answers.length === 0) throw new Error('the test queued no dialog answer');
    return Promise.resolve(answers.shift() ?? null);
  };
  const port: DesktopDialogs = { showSaveDialog: next, showOpenDialog: next };
  return { port, answers, asked };
}

const SOURCE = `${unique('berth-it-dialog')}:1`;
const dialogs = fakeDialogs();
let backend: Backend;
let dir: string;

const transcriptLength = () => backend.services.transcript.list().length;
const lastEntry = () => backend.services.transcript.list().at(-1);
const imageId = (ref: string) => cli('image', 'inspect', '--format', '{{.Id}}', ref);

beforeAll(async () => {
  backend = createBackend({
    env: { DOCKER_HOST: HOST },
    platform: 'linux',
    homedir: os.tmpdir(),
    desktop: dialogs.port,
  });
  await waitForStatus(backend, (s) => s.state === 'connected');
  await buildImage(
    SOURCE,
    ['FROM scratch', 'COPY busybox /bin/busybox', 'RUN ["/bin/busybox", "sh", "-c", "echo saved > /note"]'].join('\n'),
  );
}, 120_000);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-dlg-'));
  dialogs.answers.length = 0;
  dialogs.asked.length = 0;
});

afterAll(async () => {
  await backend?.dispose();
  await cleanupLabelled(HOST);
});

describe('with native dialogs', () => {
  it('says it has them', async () => {
    expect(await call(backend, 'desktop:capabilities')).toEqual({ ok: true, value: { nativeDialogs: true } });
  });

  it('saves an image to the chosen file as a tar the CLI loads, and loads that file back', async () => {
    const id = imageId(SOURCE);
    const target = path.join(dir, 'picked.tar');
    dialogs.answers.push(target);
    const saved = await call<SavedImage>(backend, 'desktop:saveImage', { ref: SOURCE });
    expect(saved).toEqual({ ok: true, value: { cancelled: false, path: target } });
    expect(dialogs.asked).toEqual([
      expect.objectContaining({ defaultName: tarFilename(SOURCE), title: `Save ${SOURCE} as a tar file` }),
    ]);
    // Only the tar is left: the temporary .part file was renamed.
    expect(fs.readdirSync(dir)).toEqual(['picked.tar']);
    expect(lastEntry()).toMatchObject({ ...saveAction(SOURCE, target), outcome: 'ok' });
    expect(lastEntry()?.command).toBe(`docker save --output ${target} ${SOURCE}`);

    // The CLI reads a copy of the file as the same image.
    const copy = path.join(dir, 'copy.tar');
    fs.copyFileSync(target, copy);
    cli('rmi', SOURCE);
    expect(cli('load', '-i', copy)).toContain(`Loaded image: ${SOURCE}`);
    expect(imageId(SOURCE)).toBe(id);

    cli('rmi', SOURCE);
    dialogs.answers.push(target);
    const loaded = await call<LoadedImages>(backend, 'desktop:loadImage');
    expect(loaded).toEqual({ ok: true, value: { cancelled: false, path: target, loaded: [SOURCE] } });
    expect(dialogs.asked[1]).toMatchObject({ pick: 'file', filters: [{ extensions: ['tar'] }] });
    expect(imageId(SOURCE)).toBe(id);
    expect(lastEntry()).toMatchObject({ ...loadAction(target), outcome: 'ok' });
    expect(lastEntry()?.command).toBe(`docker load --input ${target}`);
  });

  it('does nothing when the dialog is cancelled: no file, no transcript entry, no image change', async () => {
    const before = transcriptLength();
    const images = cli('images', '-q', '--no-trunc');
    dialogs.answers.push(null, null, null);
    expect(await call(backend, 'desktop:saveImage', { ref: SOURCE })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await call(backend, 'desktop:loadImage')).toEqual({ ok: true, value: { cancelled: true } });
    expect(await call(backend, 'desktop:pickFolder', {})).toEqual({ ok: true, value: { cancelled: true } });
    expect(dialogs.asked).toHaveLength(3);
    expect(transcriptLength()).toBe(before);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(cli('images', '-q', '--no-trunc')).toBe(images);
  });

  it('refuses an unknown image before asking, and a path the dialog did not give as absolute', async () => {
    const before = transcriptLength();
    const missing = await call(backend, 'desktop:saveImage', { ref: 'berth-no-such-image:9' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(dialogs.asked).toEqual([]);

    dialogs.answers.push('relative/out.tar');
    const relative = await call(backend, 'desktop:saveImage', { ref: SOURCE });
    expect(relative).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: /did not return a usable path/ } });
    expect(fs.existsSync(path.join(process.cwd(), 'relative'))).toBe(false);
    expect(transcriptLength()).toBe(before);
  });

  it('explains file problems as file problems, and leaves no half tar behind', async () => {
    const nowhere = path.join(dir, 'missing-folder', 'out.tar');
    dialogs.answers.push(nowhere);
    const save = await call(backend, 'desktop:saveImage', { ref: SOURCE });
    expect(save).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: `There is no file or folder at ${nowhere}.` },
    });
    expect(lastEntry()).toMatchObject({ outcome: 'failed', command: `docker save --output ${nowhere} ${SOURCE}` });

    // The tar is written in full, then cannot take the place of a folder: the written part is removed again.
    const folderTarget = path.join(dir, 'a-folder');
    fs.mkdirSync(folderTarget);
    dialogs.answers.push(folderTarget);
    const clash = await call(backend, 'desktop:saveImage', { ref: SOURCE });
    expect(clash).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: `Berth could not use ${folderTarget} (EISDIR).` },
    });
    expect(fs.readdirSync(dir)).toEqual(['a-folder']);
    fs.rmdirSync(folderTarget);

    dialogs.answers.push(path.join(dir, 'gone.tar'));
    expect(await call(backend, 'desktop:loadImage')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    dialogs.answers.push(dir);
    const folder = await call(backend, 'desktop:loadImage');
    expect(folder).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: `${dir} is not a regular file.` } });

    const junk = path.join(dir, 'junk.tar');
    fs.writeFileSync(junk, 'this is not a tar file\n'.repeat(100));
    dialogs.answers.push(junk);
    const notTar = await call(backend, 'desktop:loadImage');
    expect(notTar).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: /could not load the file/ } });
    expect(fs.readdirSync(dir)).toEqual(['junk.tar']);
  });

  it('picks a folder with the given title, or a default one', async () => {
    dialogs.answers.push('/home/me/app', '/srv/site');
    const picked = await call<PickedFolder>(backend, 'desktop:pickFolder', { title: 'Choose the build context' });
    expect(picked).toEqual({ ok: true, value: { cancelled: false, path: '/home/me/app' } });
    expect(await call(backend, 'desktop:pickFolder', {})).toMatchObject({ ok: true, value: { path: '/srv/site' } });
    expect(dialogs.asked).toEqual([
      { title: 'Choose the build context', pick: 'folder' },
      { title: 'Choose a folder', pick: 'folder' },
    ]);
  });

  it('takes no path from the page', async () => {
    for (const [channel, input] of [
      ['desktop:saveImage', { ref: SOURCE, path: '/etc/passwd' }],
      ['desktop:loadImage', { path: '/etc/passwd' }],
      ['desktop:pickFolder', { title: 'x\ny' }],
    ] as const) {
      expect(await call(backend, channel, input), channel).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    expect(dialogs.asked).toEqual([]);
  });
});

describe('without native dialogs (the browser bridge)', () => {
  it('answers capabilities false and NOT_SUPPORTED with what to do instead', async () => {
    // The same call electron/bridge/serve.ts makes: no desktop port.
    const bridgeBackend = createBackend({ env: { DOCKER_HOST: HOST }, platform: 'linux', homedir: os.tmpdir() });
    try {
      await waitForStatus(bridgeBackend, (s) => s.state === 'connected');
      expect(await call(bridgeBackend, 'desktop:capabilities')).toEqual({ ok: true, value: { nativeDialogs: false } });
      const save = await call(bridgeBackend, 'desktop:saveImage', { ref: SOURCE });
      expect(save).toEqual({
        ok: false,
        error: {
          code: 'NOT_SUPPORTED',
          message: 'This needs the desktop app; in the browser use the download button.',
        },
      });
      for (const [channel, input] of [
        ['desktop:loadImage', undefined],
        ['desktop:pickFolder', {}],
      ] as const) {
        const result = await call(bridgeBackend, channel, input);
        expect(result, channel).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED' } });
        expect(!result.ok && result.error.message).toMatch(/^This needs the desktop app; in the browser /);
      }
      expect(bridgeBackend.services.transcript.list()).toEqual([]);
    } finally {
      await bridgeBackend.dispose();
    }
  });
});

describe('volumes with native dialogs', () => {
  it('exports a volume to the chosen tar and imports it into another volume, with the same files', async () => {
    const from = unique('berth-it-dvol');
    const to = unique('berth-it-dvol2');
    cli('volume', 'create', '--label', 'berth.test=1', from);
    cli('volume', 'create', '--label', 'berth.test=1', to);
    cli(
      'run',
      '--rm',
      '--label',
      'berth.test=1',
      '-v',
      `${from}:/d`,
      'berth-fixture/busybox:1',
      'sh',
      '-c',
      'mkdir -p /d/sub && echo kept > /d/sub/a.txt && echo top > /d/b.txt',
    );
    const target = path.join(dir, 'vol.tar');
    dialogs.answers.push(target);
    expect(await call<SavedImage>(backend, 'desktop:exportVolume', { name: from })).toEqual({
      ok: true,
      value: { cancelled: false, path: target },
    });
    expect(dialogs.asked[0]).toMatchObject({ defaultName: `${from}.tar` });
    expect(fs.readdirSync(dir)).toEqual(['vol.tar']);
    expect(lastEntry()).toMatchObject({ outcome: 'ok', title: `Export volume ${from} to ${target}` });

    dialogs.answers.push(target);
    expect(await call<SavedImage>(backend, 'desktop:importVolume', { name: to })).toEqual({
      ok: true,
      value: { cancelled: false, path: target },
    });
    const list = (name: string) =>
      cli(
        'run',
        '--rm',
        '--label',
        'berth.test=1',
        '-v',
        `${name}:/d:ro`,
        'berth-fixture/busybox:1',
        'sh',
        '-c',
        'cd /d && find . -type f | sort | xargs md5sum',
      );
    expect(list(to)).toBe(list(from));
    expect(list(to)).toContain('./sub/a.txt');
    // No helper container is left behind.
    expect(cli('ps', '-aq', '--filter', 'label=berth.helper=1')).toBe('');
  });

  it('asks nothing for a volume that does not exist, and a cancelled dialog changes nothing', async () => {
    expect(await call(backend, 'desktop:exportVolume', { name: 'berth-no-such-volume' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(dialogs.asked).toEqual([]);
    const name = unique('berth-it-dvol3');
    cli('volume', 'create', '--label', 'berth.test=1', name);
    const before = transcriptLength();
    dialogs.answers.push(null);
    expect(await call(backend, 'desktop:importVolume', { name })).toEqual({ ok: true, value: { cancelled: true } });
    expect(transcriptLength()).toBe(before);
  });
});
