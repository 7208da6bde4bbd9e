/**
 * Moving images: push to and pull from a real registry on loopback (Debian's docker-registry, started here) with
 * progress observed, and save/load of a tar through the bridge's one-use transfer addresses.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadResult, TransferEvent, TransferTicket } from '../../shared/dto/images';
import type { Result } from '../../shared/result';
import { cleanupLabelled } from '../../scripts/test-engine.mjs';
import { startTestRegistry, type TestRegistry } from '../../scripts/test-registry.mjs';
import type { Backend } from '../backend';
import { startBridge, type Bridge } from './server';
import { imageTransferRoute } from './transfers.routes';
import { buildImage, call, cli, collect, connectedBackend, HOST, unique } from '../backend/images/images.test-helper';

const SOURCE = `${unique('berth-it-move')}:1`;
let backend: Backend;
let registry: TestRegistry;

beforeAll(async () => {
  backend = await connectedBackend();
  registry = await startTestRegistry();
  await buildImage(
    SOURCE,
    [
      'FROM scratch',
      'COPY busybox /bin/busybox',
      'RUN ["/bin/busybox", "sh", "-c", "/bin/busybox head -c 20000 /dev/urandom > /r"]',
    ].join('\n'),
  );
}, 120_000);

afterAll(async () => {
  await backend?.dispose();
  await registry?.stop();
  await cleanupLabelled(HOST);
});

const layerStatuses = (events: TransferEvent[]) =>
  new Set(events.flatMap((e) => (e.kind === 'layer' ? [e.status] : [])));

describe('push and pull', () => {
  it('round-trips an image through a loopback registry, with per-layer progress both ways', async () => {
    const remote = `${registry.address}/${unique('berth-rt')}:1`;
    cli('tag', SOURCE, remote);
    const id = cli('image', 'inspect', '--format', '{{.Id}}', remote);
    const layers = JSON.parse(cli('image', 'inspect', '--format', '{{json .RootFS.Layers}}', remote)) as string[];

    const pushed = await collect<TransferEvent>(backend, 'images:push', { ref: remote });
    expect(pushed.last).toEqual({ type: 'end' });
    expect(layerStatuses(pushed.items)).toContain('Pushed');
    // One progress line per layer at least, under the short ids the CLI prints.
    const pushedIds = new Set(pushed.items.flatMap((e) => (e.kind === 'layer' ? [e.id] : [])));
    expect(pushedIds.size).toBe(layers.length);
    expect(pushed.items.some((e) => e.kind === 'status' && /digest: sha256:/.test(e.message))).toBe(true);

    cli('rmi', remote);
    expect(cli('images', '-q', remote)).toBe('');
    cli('rmi', SOURCE);

    const pulled = await collect<TransferEvent>(backend, 'images:pull', { ref: remote });
    expect(pulled.last).toEqual({ type: 'end' });
    const statuses = layerStatuses(pulled.items);
    expect(statuses).toContain('Pull complete');
    const moving = pulled.items.filter((e) => e.kind === 'layer' && e.total !== undefined && e.current !== undefined);
    expect(moving.length).toBeGreaterThan(0);
    expect(cli('image', 'inspect', '--format', '{{.Id}}', remote)).toBe(id);
    cli('tag', remote, SOURCE);
  });

  it('fails a pull of a missing tag with the engine reason, and refuses a bad name before asking', async () => {
    const missing = await collect<TransferEvent>(backend, 'images:pull', { ref: `${registry.address}/nothing:9` });
    expect(missing.last.type).toBe('error');
    // Berth's sentence first; the engine's own words are kept in the details.
    expect(missing.last.type === 'error' && missing.last.error.message).toMatch(/The registry has no image/);
    const details = missing.last.type === 'error' ? missing.last.error.details : undefined;
    expect(details?.entry).toBe('manifest-unknown');
    expect(String(details?.engine)).toMatch(/not found|unknown/i);
    const session = backend.dispatcher.openSession(() => undefined);
    const refused = session.subscribe('bad', 'images:pull', { ref: 'Bad Name' });
    expect(!refused.ok && refused.error.code).toBe('INVALID_INPUT');
    session.close();
  });
});

describe('save and load through the bridge', () => {
  let bridge: Bridge;
  const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-renderer-'));

  beforeAll(async () => {
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    bridge = await startBridge({
      dispatcher: backend.dispatcher,
      rendererDir,
      routes: [imageTransferRoute(backend.services.imageTransfers)],
    });
  });

  afterAll(async () => {
    await bridge?.close();
    fs.rmSync(rendererDir, { recursive: true, force: true });
  });

  const base = () => `http://127.0.0.1:${bridge.port}`;

  it('downloads a tar once per ticket, loads it back, and records both as docker commands', async () => {
    const id = cli('image', 'inspect', '--format', '{{.Id}}', SOURCE);
    const ticket = await call<TransferTicket>(backend, 'images:saveTicket', { ref: SOURCE });
    if (!ticket.ok) throw new Error(ticket.error.message);
    const response = await fetch(base() + ticket.value.path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${ticket.value.filename}"`);
    const tar = Buffer.from(await response.arrayBuffer());
    // A tar whose first entries include the manifest docker load needs.
    expect(tar.length).toBeGreaterThan(100_000);
    expect(tar.includes(Buffer.from('manifest.json'))).toBe(true);
    expect((await fetch(base() + ticket.value.path)).status).toBe(404);

    cli('rmi', SOURCE);
    const upload = await call<TransferTicket>(backend, 'images:loadTicket');
    if (!upload.ok) throw new Error(upload.error.message);
    const refused = await fetch(base() + upload.value.path, { method: 'POST', body: tar });
    expect(refused.status).toBe(403);

    const again = await call<TransferTicket>(backend, 'images:loadTicket');
    if (!again.ok) throw new Error(again.error.message);
    const loaded = await fetch(base() + again.value.path, {
      method: 'POST',
      body: tar,
      headers: { Origin: `http://127.0.0.1:${bridge.port}`, 'X-Filename': 'fx.tar' },
    });
    const result = (await loaded.json()) as Result<LoadResult>;
    expect(result).toEqual({ ok: true, value: { loaded: [SOURCE] } });
    expect(cli('image', 'inspect', '--format', '{{.Id}}', SOURCE)).toBe(id);

    const transcript = await call<{ command: string; outcome: string }[]>(backend, 'transcript:list');
    const commands = transcript.ok ? transcript.value.map((e) => `${e.command} ${e.outcome}`) : [];
    expect(commands).toEqual(
      expect.arrayContaining([
        `docker save --output ${ticket.value.filename} ${SOURCE} ok`,
        'docker load --input fx.tar ok',
      ]),
    );
  });

  it('spends a ticket only on its own method: a HEAD or PUT first does not burn the download', async () => {
    const ticket = await call<TransferTicket>(backend, 'images:saveTicket', { ref: SOURCE });
    if (!ticket.ok) throw new Error(ticket.error.message);
    expect((await fetch(base() + ticket.value.path, { method: 'HEAD' })).status).toBe(405);
    expect((await fetch(base() + ticket.value.path, { method: 'PUT', body: 'x' })).status).toBe(405);
    const response = await fetch(base() + ticket.value.path);
    expect(response.status).toBe(200);
    await response.arrayBuffer();
  });

  it('says so when the upload is not an image tar', async () => {
    const upload = await call<TransferTicket>(backend, 'images:loadTicket');
    if (!upload.ok) throw new Error(upload.error.message);
    const response = await fetch(base() + upload.value.path, {
      method: 'POST',
      body: 'not a tar',
      headers: { Origin: `http://127.0.0.1:${bridge.port}` },
    });
    const result = (await response.json()) as Result<LoadResult>;
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(result.ok).toBe(false);
  });
});
