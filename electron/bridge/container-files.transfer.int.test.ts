/**
 * A container's whole filesystem through the backend and the bridge's one-use /container-files/ addresses, against a
 * real engine, compared with `docker cp`: upload then copy back with the CLI, download against `docker cp CTR:P -`,
 * on containers that are stopped (never started, and exited).
 */
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { extract } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContainerFolder } from '../../shared/dto/containerFiles';
import type { TransferTicket } from '../../shared/dto/images';
import type { Result } from '../../shared/result';
import type { Backend } from '../backend/index';
import { startBridge, type Bridge } from './server';
import { containerFilesRoute } from './transfers.routes';
import { call, cli, connectedBackend, HOST, unique } from '../backend/images/images.test-helper';

const FIXTURE = 'berth-fixture/busybox:1';
let backend: Backend;
let bridge: Bridge;
const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-renderer-'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-cfiles-'));
const base = () => `http://127.0.0.1:${bridge.port}`;
const value = async <T>(channel: string, input: unknown): Promise<T> => {
  const result = await call<T>(backend, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
};
/** `docker cp` with binary output kept as bytes. */
const cpOut = (source: string): Buffer =>
  execFileSync('docker', [...(HOST ? ['-H', HOST] : []), 'cp', source, '-'], { maxBuffer: 64 * 1024 * 1024 });

async function tarFiles(tar: Buffer): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const ex = extract();
  ex.on('entry', (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: unknown) => {
      chunks.push(c as Buffer);
    });
    stream.on('end', () => {
      files.set(`${header.type}:${header.name}`, Buffer.concat(chunks));
      next();
    });
  });
  const done = new Promise<void>((resolve, reject) => {
    ex.on('finish', resolve);
    ex.on('error', reject);
  });
  Readable.from([tar]).pipe(ex);
  await done;
  return files;
}

async function upload(id: string, folder: string, name: string, bytes: Buffer): Promise<Result<null>> {
  const up = await value<TransferTicket>('files:uploadTicket', { id, path: folder });
  const response = await fetch(base() + up.path, {
    method: 'POST',
    body: new Uint8Array(bytes),
    headers: { Origin: base(), 'X-Filename': encodeURIComponent(name) },
  });
  return (await response.json()) as Result<null>;
}

beforeAll(async () => {
  backend = await connectedBackend();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  bridge = await startBridge({
    dispatcher: backend.dispatcher,
    rendererDir,
    routes: [containerFilesRoute(backend.services.containerFilesTransfers)],
  });
});

afterAll(async () => {
  await bridge?.close();
  await backend?.dispose();
  fs.rmSync(rendererDir, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
  const containers = cli('ps', '-aq', '--filter', 'label=berth.test=1').split('\n').filter(Boolean);
  if (containers.length > 0) cli('rm', '-f', ...containers);
}, 30_000);

describe("a container's whole filesystem", () => {
  it('lists the image files merged with the writable layer, each change marked (exited container)', async () => {
    const name = unique('cfl');
    cli(
      'run',
      '--name',
      name,
      '--label',
      'berth.test=1',
      FIXTURE,
      'sh',
      '-c',
      'mkdir /work && echo hi > /work/a && rm /bin/ls',
    );
    const root = await value<ContainerFolder>('files:list', { id: name, path: '/' });
    expect(root.container).toBe(name);
    const at = (folder: ContainerFolder, entry: string) => folder.entries.find((e) => e.name === entry);
    expect(at(root, 'work')).toMatchObject({ type: 'dir', mark: 'added' });
    expect(at(root, 'bin')).toMatchObject({ type: 'dir', mark: 'changed' });
    const bin = await value<ContainerFolder>('files:list', { id: name, path: 'bin' });
    expect(at(bin, 'ls')?.mark).toBe('deleted');
    expect(at(bin, 'busybox')).toMatchObject({ type: 'file', mark: null });
    // Every name the image has in /bin, plus none it does not: the same as the CLI's view of the image.
    const imageBin = cli('run', '--rm', FIXTURE, 'ls', '/bin').split(/\s+/).filter(Boolean).sort();
    expect(bin.entries.map((e) => e.name).sort()).toEqual(imageBin);
    const made = await value<ContainerFolder>('files:list', { id: name, path: '/work' });
    expect(made.entries).toEqual([expect.objectContaining({ path: 'work/a', type: 'file', size: 3, mark: 'added' })]);
  });

  it('uploads a file that `docker cp` copies back byte-equal, and downloads what `docker cp` gives (never started)', async () => {
    const name = unique('cfu');
    cli('create', '--name', name, '--label', 'berth.test=1', FIXTURE, 'true');
    const bytes = randomBytes(70_000);
    expect(await upload(name, '/bin', 'payload.bin', bytes)).toEqual({ ok: true, value: null });
    cli('cp', `${name}:/bin/payload.bin`, path.join(work, 'back.bin'));
    expect(fs.readFileSync(path.join(work, 'back.bin')).equals(bytes)).toBe(true);

    const listed = await value<ContainerFolder>('files:list', { id: name, path: 'bin' });
    expect(listed.entries.find((e) => e.name === 'payload.bin')).toMatchObject({ size: 70_000, mark: 'added' });

    const down = await value<TransferTicket>('files:downloadTicket', { id: name, path: '/bin/payload.bin' });
    expect(down.filename).toBe('payload.bin.tar');
    const response = await fetch(base() + down.path);
    expect(response.status).toBe(200);
    const ours = await tarFiles(Buffer.from(await response.arrayBuffer()));
    const theirs = await tarFiles(cpOut(`${name}:/bin/payload.bin`));
    expect([...ours.keys()]).toEqual([...theirs.keys()]);
    expect(ours.get('file:payload.bin')?.equals(bytes)).toBe(true);
    expect((await fetch(base() + down.path)).status).toBe(404);

    // A folder downloads as a tar of its files, the same names `docker cp` gives.
    const folder = await value<TransferTicket>('files:downloadTicket', { id: name, path: '/bin' });
    const folderTar = await tarFiles(Buffer.from(await (await fetch(base() + folder.path)).arrayBuffer()));
    expect([...folderTar.keys()].sort()).toEqual([...(await tarFiles(cpOut(`${name}:/bin`))).keys()].sort());

    const log = cli('ps', '-a', '--filter', `name=${name}`, '--format', '{{.Status}}');
    expect(log).toMatch(/Created/);
  });

  it('refuses bad input in words, before any transfer', async () => {
    const name = unique('cfe');
    cli('create', '--name', name, '--label', 'berth.test=1', FIXTURE, 'true');
    const upFile = await call(backend, 'files:uploadTicket', { id: name, path: '/bin/busybox' });
    expect(upFile).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const missing = await call(backend, 'files:downloadTicket', { id: name, path: '/nope' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const upward = await call(backend, 'files:list', { id: name, path: '/bin/../etc' });
    expect(upward).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const gone = await call(backend, 'files:list', { id: unique('none'), path: '/' });
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await upload(name, '/bin', '..', Buffer.from('x'))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
