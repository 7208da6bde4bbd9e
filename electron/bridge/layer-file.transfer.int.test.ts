/**
 * "Save file…" on the Layers tab against a real engine: one file of an image as of a layer, through the bridge's
 * one-use address and through a (fake) native save dialog, compared byte for byte with the same file taken out of
 * that layer's tar in `docker save`; a file a later layer overwrote is saved as each layer has it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SavedImage } from '../../shared/dto/desktop';
import type { TransferTicket } from '../../shared/dto/images';
import { cleanupLabelled } from '../../scripts/test-engine.mjs';
import { waitForStatus } from '../backend/backend.test-helper';
import type { DesktopDialogs } from '../backend/desktop/desktop.types';
import { buildImage, call, HOST, unique } from '../backend/images/images.test-helper';
import { createBackend, type Backend } from '../backend/index';
import { startBridge, type Bridge } from './server';
import { containerFilesRoute } from './transfers.routes';

const IMAGE = `${unique('berth-it-layerfile')}:1`;
const saveAnswers: (string | null)[] = [];
const dialogs: DesktopDialogs = {
  showSaveDialog: () => Promise.resolve(saveAnswers.shift() ?? null),
  showOpenDialog: () => Promise.resolve(null),
};
let backend: Backend;
let bridge: Bridge;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-layerfile-'));
const rendererDir = path.join(work, 'renderer');
const saved = path.join(work, 'saved');

/** The file as `docker save IMAGE`'s tar of layer `layer` holds it. */
function fromDockerSave(layer: number, file: string): Buffer {
  const manifest = JSON.parse(fs.readFileSync(path.join(saved, 'manifest.json'), 'utf8')) as { Layers: string[] }[];
  const layerTar = manifest[0]?.Layers[layer] ?? '';
  return execFileSync('tar', ['-xOf', path.join(saved, layerTar), file], { maxBuffer: 16 * 1024 * 1024 });
}

async function viaBridge(layer: number, file: string): Promise<{ ticket: TransferTicket; bytes: Buffer }> {
  const issued = await call<TransferTicket>(backend, 'files:layerFileTicket', { image: IMAGE, layer, path: file });
  if (!issued.ok) throw new Error(issued.error.message);
  const response = await fetch(`http://127.0.0.1:${bridge.port}${issued.value.path}`);
  expect(response.status).toBe(200);
  return { ticket: issued.value, bytes: Buffer.from(await response.arrayBuffer()) };
}

beforeAll(async () => {
  backend = createBackend({
    env: { DOCKER_HOST: HOST },
    platform: 'linux',
    homedir: os.tmpdir(),
    desktop: dialogs,
    cacheDir: path.join(work, 'cache'),
  });
  await waitForStatus(backend, (s) => s.state === 'connected');
  await buildImage(
    IMAGE,
    [
      'FROM scratch',
      'COPY busybox /bin/busybox',
      'RUN ["/bin/busybox", "sh", "-c", "/bin/busybox head -c 300000 /dev/urandom > /data.bin && echo one > /note"]',
      'RUN ["/bin/busybox", "sh", "-c", "echo two > /note"]',
    ].join('\n'),
  );
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  bridge = await startBridge({
    dispatcher: backend.dispatcher,
    rendererDir,
    routes: [containerFilesRoute(backend.services.containerFilesTransfers)],
  });
  fs.mkdirSync(saved);
  execFileSync('sh', ['-c', `docker -H ${HOST} save ${IMAGE} | tar -x -C ${saved}`]);
}, 120_000);

afterAll(async () => {
  await bridge?.close();
  await backend?.dispose();
  fs.rmSync(work, { recursive: true, force: true });
  await cleanupLabelled(HOST);
});

describe('saving one file of a layer', () => {
  it('downloads the bytes docker save holds in that layer, once per address', async () => {
    const { ticket, bytes } = await viaBridge(1, '/data.bin');
    expect(ticket.filename).toBe('data.bin');
    expect(bytes.length).toBe(300_000);
    expect(bytes.equals(fromDockerSave(1, 'data.bin'))).toBe(true);
    expect((await fetch(`http://127.0.0.1:${bridge.port}${ticket.path}`)).status).toBe(404);
    // Overwritten later: each layer's own bytes, and the layer above the one that wrote it reads through.
    expect((await viaBridge(1, 'note')).bytes.toString()).toBe(fromDockerSave(1, 'note').toString());
    expect((await viaBridge(2, 'note')).bytes.equals(fromDockerSave(2, 'note'))).toBe(true);
    expect((await viaBridge(2, 'data.bin')).bytes.equals(fromDockerSave(1, 'data.bin'))).toBe(true);
    const transcript = backend.services.transcript.list().at(-1);
    expect(transcript?.command).toBe(
      `docker save ${IMAGE} | tar -xO '<layer>/layer.tar' | tar -xO data.bin > data.bin`,
    );
  });

  it('writes the file where the native save dialog says', async () => {
    const target = path.join(work, 'picked.bin');
    saveAnswers.push(target);
    const result = await call<SavedImage>(backend, 'files:saveLayerFile', {
      image: IMAGE,
      layer: 2,
      path: '/data.bin',
    });
    expect(result).toEqual({ ok: true, value: { cancelled: false, path: target } });
    expect(fs.readFileSync(target).equals(fromDockerSave(1, 'data.bin'))).toBe(true);
  });

  it('refuses folders, missing paths and layers in words, before any transfer', async () => {
    const at = (layer: number, file: string) =>
      call(backend, 'files:layerFileTicket', { image: IMAGE, layer, path: file });
    expect(await at(1, '/bin')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '/bin is a folder; save a file.' },
    });
    expect(await at(0, '/data.bin')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await at(9, '/note')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await at(1, '/../etc/passwd')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
