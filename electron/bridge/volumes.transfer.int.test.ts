/** A volume's contents out and back in through the bridge's one-use transfer addresses, against a real engine. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransferTicket } from '../../shared/dto/images';
import type { Result } from '../../shared/result';
import type { Backend } from '../backend/index';
import { startBridge, type Bridge } from './server';
import { volumeTransferRoute } from './transfers.routes';
import { call, cli, connectedBackend, unique } from '../backend/images/images.test-helper';

const FIXTURE = 'berth-fixture/busybox:1';
let backend: Backend;
let bridge: Bridge;
const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-renderer-'));
const base = () => `http://127.0.0.1:${bridge.port}`;
const ticket = async (channel: string, name: string): Promise<TransferTicket> => {
  const result = await call<TransferTicket>(backend, channel, { name });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

beforeAll(async () => {
  backend = await connectedBackend();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  bridge = await startBridge({
    dispatcher: backend.dispatcher,
    rendererDir,
    routes: [volumeTransferRoute(backend.services.volumeTransfers)],
  });
});

afterAll(async () => {
  await bridge?.close();
  await backend?.dispose();
  fs.rmSync(rendererDir, { recursive: true, force: true });
  const containers = cli('ps', '-aq', '--filter', 'label=berth.test=1').split('\n').filter(Boolean);
  if (containers.length > 0) cli('rm', '-f', ...containers);
  const volumes = cli('volume', 'ls', '-q', '--filter', 'label=berth.test=1').split('\n').filter(Boolean);
  if (volumes.length > 0) cli('volume', 'rm', '-f', ...volumes);
}, 30_000);

describe('export and import through the bridge', () => {
  it('downloads a volume once per ticket and uploads it into another, recorded as docker commands', async () => {
    const from = unique('tx');
    const to = unique('ti');
    cli('volume', 'create', '--label', 'berth.test=1', from);
    cli('volume', 'create', '--label', 'berth.test=1', to);
    cli(
      'run',
      '--rm',
      '-v',
      `${from}:/data`,
      FIXTURE,
      'sh',
      '-c',
      'mkdir /data/d && head -c 50000 /dev/urandom > /data/d/r',
    );

    const down = await ticket('volumes:exportTicket', from);
    expect(down.filename).toBe(`${from}.tar`);
    const response = await fetch(base() + down.path);
    expect(response.status).toBe(200);
    const tar = Buffer.from(await response.arrayBuffer());
    expect(tar.length).toBeGreaterThan(50_000);
    expect((await fetch(base() + down.path)).status).toBe(404);

    const up = await ticket('volumes:importTicket', to);
    expect((await fetch(base() + up.path, { method: 'POST', body: tar })).status).toBe(403);
    const again = await ticket('volumes:importTicket', to);
    const loaded = await fetch(base() + again.path, {
      method: 'POST',
      body: tar,
      headers: { Origin: `http://127.0.0.1:${bridge.port}` },
    });
    expect((await loaded.json()) as Result<null>).toEqual({ ok: true, value: null });

    const sum = (volume: string) => cli('run', '--rm', '-v', `${volume}:/data:ro`, FIXTURE, 'md5sum', '/data/d/r');
    expect(sum(to)).toBe(sum(from));
    expect(cli('ps', '-aq', '--filter', 'label=berth.helper=1')).toBe('');
    const commands = backend.services.transcript.list().map((e) => `${e.command} ${e.outcome}`);
    expect(commands.slice(-2)).toEqual([
      expect.stringMatching(
        new RegExp(`^docker run --rm -v ${from}:/vol:ro \\S+ tar -cC /vol \\. > ${from}\\.tar ok$`),
      ),
      expect.stringMatching(new RegExp(`^docker run --rm -i -v ${to}:/vol \\S+ tar -xC /vol < ${to}\\.tar ok$`)),
    ]);
  });

  it('refuses a ticket for a volume that is not there, and an upload that is not a tar', async () => {
    const missing = await call(backend, 'volumes:exportTicket', { name: unique('none') });
    expect(missing.ok ? '' : missing.error.code).toBe('NOT_FOUND');
    const to = unique('tbad');
    cli('volume', 'create', '--label', 'berth.test=1', to);
    const up = await ticket('volumes:importTicket', to);
    const response = await fetch(base() + up.path, {
      method: 'POST',
      body: 'this is not a tar archive'.repeat(40),
      headers: { Origin: `http://127.0.0.1:${bridge.port}` },
    });
    const result = (await response.json()) as Result<null>;
    expect(result.ok).toBe(false);
    expect(cli('ps', '-aq', '--filter', 'label=berth.helper=1')).toBe('');
  });
});
