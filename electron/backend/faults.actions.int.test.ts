/**
 * Faults during the remaining actions: pull and push (through a throttled loopback registry), save, load and volume
 * export (read or fed slowly, as a slow browser download or upload would), commit and recreate. On a throwaway
 * engine of this file's own, all of them are set going at once, the engine is stopped (SIGTERM) or, separately,
 * killed (SIGKILL) while each is in the middle, and then brought back on the same data. Each action must have ended
 * with an error in words and left nothing half-done (no tag, no helper container, the recreated container back
 * under its name), and must work when tried again.
 */
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pack } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSpec } from '../../shared/dto/containers';
import type { EditPlan, RecreateResult } from '../../shared/dto/recreate';
import type { TransferEvent } from '../../shared/dto/images';
import { isBerthError, type Result } from '../../shared/result';
import { buildFixtures, startTestEngine, type TestEngine } from '../../scripts/test-engine.mjs';
import { startTestRegistry, type TestRegistry } from '../../scripts/test-registry.mjs';
import { waitForStatus } from './backend.test-helper';
import { toBerthError } from './engine/errors';
import {
  aSentence,
  bringBack,
  fault,
  recordingSession,
  throttledProxy,
  until,
  type FaultSignal,
  type ThrottledProxy,
} from './faults.test-helper';
import { createBackend, type Backend } from './index';
import { HELPER_LABEL } from './volumes/volumes.helper';

/** Bytes per second: a 1.5 MB layer takes about 20 s, far longer than a stop or a kill. */
const SLOW = 64 * 1024;
const LAYER_BYTES = 1_500_000;
const FIXTURE = 'berth-fixture/busybox:1';

let engine: TestEngine;
let backend: Backend;
let registry: TestRegistry;
let proxy: ThrottledProxy;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-faults-actions-'));
const cli = (...args: string[]) => execFileSync('docker', ['-H', engine.host, ...args], { encoding: 'utf8' }).trim();
/** For commands that go through the proxy, which runs in this process: execFileSync would block it. */
const cliAsync = async (...args: string[]) =>
  (await promisify(execFile)('docker', ['-H', engine.host, ...args], { encoding: 'utf8' })).stdout.trim();
const exists = (kind: 'image' | 'container', ref: string) => {
  try {
    cli(kind, 'inspect', ref);
    return true;
  } catch {
    return false;
  }
};
const remote = (name: string) => `127.0.0.1:${proxy.port}/fault/${name}:1`;

/** An image of one layer holding `LAYER_BYTES` random bytes, imported (no build), so each is new to the registry. */
async function randomImage(tag: string): Promise<void> {
  const file = path.join(work, `${tag.replace(/\W/g, '_')}.tar`);
  const tar = pack();
  tar.entry({ name: 'random.bin' }, randomBytes(LAYER_BYTES));
  tar.finalize();
  await pipeline(tar, fs.createWriteStream(file));
  cli('import', '--change', 'CMD ["/random.bin"]', file, tag);
  fs.rmSync(file);
}

/** A sink that takes about SLOW bytes a second, as a slow download would. */
function slowSink(): { sink: Writable; received: () => number } {
  let received = 0;
  const sink = new Writable({
    highWaterMark: 16 * 1024,
    write(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      setTimeout(done, (chunk.length * 1000) / SLOW);
    },
  });
  return { sink, received: () => received };
}

/** A source that gives `file` at about SLOW bytes a second, as a slow upload would. */
function slowSource(file: string): { source: Readable; sent: () => number } {
  const bytes = fs.readFileSync(file);
  let sent = 0;
  const source = new Readable({
    read() {
      if (sent >= bytes.length) return void this.push(null);
      const chunk = bytes.subarray(sent, sent + 16 * 1024);
      sent += chunk.length;
      setTimeout(() => this.push(chunk), (chunk.length * 1000) / SLOW);
    },
  });
  return { source, sent: () => sent };
}

async function settled<T>(promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

beforeAll(async () => {
  engine = await startTestEngine({ name: 'faults-actions' });
  await buildFixtures(engine.host);
  registry = await startTestRegistry();
  proxy = await throttledProxy(registry.port, null);
  backend = createBackend({ env: { DOCKER_HOST: engine.host }, platform: 'linux', homedir: work });
  await waitForStatus(backend, (s) => s.state === 'connected');
}, 120_000);

afterAll(async () => {
  await backend?.dispose();
  await proxy?.close();
  await registry?.stop();
  await engine?.remove();
  fs.rmSync(work, { recursive: true, force: true });
}, 60_000);

describe.each(['SIGTERM', 'SIGKILL'] as const)('the engine gets %s', (signal: FaultSignal) => {
  const s = signal.toLowerCase();
  const PULL = () => remote(`pull-${s}`);
  const PUSH = () => remote(`push-${s}`);
  const SAVE = `berth-fault/save-${s}:1`;
  const LOAD = `berth-fault/load-${s}:1`;
  const VOLUME = `berth-fault-vol-${s}`;
  const COMMITTED = `berth-fault/commit-${s}`;
  const COMMIT_FROM = `berth-fault-commit-${s}`;
  const RECREATE = `berth-fault-recreate-${s}`;
  const loadFile = path.join(work, `load-${s}.tar`);
  let loadId = '';
  let recreateId = '';
  let recreateSpec: RunSpec;
  let recorder: ReturnType<typeof recordingSession>;
  const outcome: Partial<
    Record<'save' | 'load' | 'export' | 'commit' | 'recreate', { ok: boolean; error?: unknown; value?: unknown }>
  > = {};
  let saveReceived = () => 0;
  let exportReceived = () => 0;

  /** Everything set going, each caught in the middle, then the fault, every action over, and the engine back. */
  beforeAll(async () => {
    proxy.rate = null;
    await randomImage(`berth-fault/src-pull-${s}`);
    cli('tag', `berth-fault/src-pull-${s}`, PULL());
    await cliAsync('push', PULL());
    cli('rmi', PULL(), `berth-fault/src-pull-${s}`);
    await randomImage(PUSH());
    await randomImage(SAVE);
    await randomImage(LOAD);
    loadId = cli('image', 'inspect', '--format', '{{.Id}}', LOAD);
    cli('save', '-o', loadFile, LOAD);
    cli('rmi', LOAD);
    cli('volume', 'create', '--label', 'berth.test=1', VOLUME);
    cli('run', '--rm', '-v', `${VOLUME}:/data`, FIXTURE, 'sh', '-c', `head -c ${LAYER_BYTES} /dev/urandom > /data/r`);
    // A big writable layer, so that the engine's commit (a diff, a tar and a checksum of it) takes a while.
    cli(
      'run',
      '-d',
      '--label',
      'berth.test=1',
      '--name',
      COMMIT_FROM,
      FIXTURE,
      'sh',
      '-c',
      'head -c 300000000 /dev/zero > /big && echo ready && exec sleep 600',
    );
    await until(() => (cli('logs', COMMIT_FROM).includes('ready') ? true : undefined), 60_000, 'the big file');
    // Ignores SIGTERM until /quit exists, so the recreate's `docker stop` waits its full 10 s the first time.
    recreateId = cli(
      'run',
      '-d',
      '--label',
      'berth.test=1',
      '--name',
      RECREATE,
      FIXTURE,
      'sh',
      '-c',
      'trap "test -f /quit && exit 0" TERM; while true; do sleep 1; done',
    );
    const plan = (await backend.dispatcher.request('containers:editPlan', { id: RECREATE })) as Result<EditPlan>;
    if (!plan.ok) throw new Error(plan.error.message);
    recreateSpec = { ...plan.value.spec, env: [...plan.value.spec.env, 'FAULT=1'] };

    proxy.rate = SLOW;
    recorder = recordingSession(backend);
    const { session, items } = recorder;
    const transfers = backend.services.imageTransfers;
    session.subscribe('pull', 'images:pull', { ref: PULL() });
    session.subscribe('push', 'images:push', { ref: PUSH() });
    const save = slowSink();
    saveReceived = save.received;
    const saving = settled(transfers.save(SAVE, 'save.tar', (tar) => pipeline(tar, save.sink)));
    const load = slowSource(loadFile);
    const loading = settled(transfers.load('load.tar', load.source));
    const volumeTransfers = backend.services.volumeTransfers;
    const ticket = await volumeTransfers.ticket('export', VOLUME);
    const redeemed = volumeTransfers.redeem(ticket.path, 'export');
    if (redeemed === null) throw new Error('the export ticket did not redeem');
    const exported = slowSink();
    exportReceived = exported.received;
    const exporting = settled(volumeTransfers.export(redeemed, (tar) => pipeline(tar, exported.sink)));
    const committing = settled(
      backend.dispatcher.request('containers:commit', { id: COMMIT_FROM, repo: COMMITTED, tag: '1' }),
    );
    const recreating = settled(
      backend.dispatcher.request('containers:recreate', { id: RECREATE, spec: recreateSpec, keepEnv: [] }) as Promise<
        Result<RecreateResult>
      >,
    );

    const moving = (id: string, status: string) =>
      items<TransferEvent>(id).some((e) => e.kind === 'layer' && e.status === status && (e.current ?? 0) > 0)
        ? true
        : undefined;
    await until(() => moving('pull', 'Downloading'), 30_000, 'the pull to download');
    await until(() => moving('push', 'Pushing'), 30_000, 'the push to upload');
    await until(() => (save.received() > 0 ? true : undefined), 30_000, 'the save to send');
    await until(() => (load.sent() > 64 * 1024 ? true : undefined), 30_000, 'the load to read');
    await until(() => (exported.received() > 0 ? true : undefined), 30_000, 'the export to send');
    await until(
      () => (cli('ps', '-a', '--format', '{{.Names}}').includes(`${RECREATE}-berth-old-`) ? true : undefined),
      30_000,
      'the recreate to park the old one',
    );

    await fault(engine, backend, signal);
    const [saved, loaded, exportedResult, committed, recreated] = await Promise.all([
      saving,
      loading,
      exporting,
      committing,
      recreating,
    ]);
    outcome.save = saved;
    outcome.load = loaded;
    outcome.export = exportedResult;
    outcome.commit = committed.ok ? committed.value : committed;
    outcome.recreate = recreated.ok ? recreated.value : recreated;
    await until(
      () => (recorder.last('pull') && recorder.last('push') ? true : undefined),
      30_000,
      'pull and push to end',
    );
    proxy.rate = null;
    await bringBack(engine, backend);
  }, 240_000);

  const failedInWords = (result: { ok: boolean; error?: unknown } | undefined) => {
    expect(result?.ok, JSON.stringify(result)).toBe(false);
    const error = (result?.error as { message?: unknown; code?: unknown }) ?? {};
    // Results through the dispatcher carry a BerthError; direct service calls throw, and the bridge maps them so.
    const said = isBerthError(error) ? error : toBerthError(result?.error);
    aSentence(said.message);
    return said;
  };

  it('pull: ends in an error in words, leaves no image, and pulls when tried again', async () => {
    const end = recorder.last('pull');
    expect(end?.type).toBe('error');
    if (end?.type === 'error') aSentence(end.error.message);
    expect(exists('image', PULL())).toBe(false);
    recorder.session.subscribe('pull-2', 'images:pull', { ref: PULL() });
    const again = await until(() => recorder.last('pull-2'), 60_000);
    expect(again, JSON.stringify(again)).toMatchObject({ type: 'end' });
    expect(exists('image', PULL())).toBe(true);
  }, 90_000);

  it('push: ends in an error in words, and pushes when tried again', async () => {
    const end = recorder.last('push');
    expect(end?.type).toBe('error');
    if (end?.type === 'error') aSentence(end.error.message);
    recorder.session.subscribe('push-2', 'images:push', { ref: PUSH() });
    const again = await until(() => recorder.last('push-2'), 60_000);
    expect(again, JSON.stringify(again)).toMatchObject({ type: 'end' });
    const manifest = await fetch(`http://${registry.address}/v2/fault/push-${s}/manifests/1`, {
      method: 'HEAD',
      headers: { Accept: 'application/vnd.docker.distribution.manifest.v2+json' },
    });
    expect(manifest.status).toBe(200);
  }, 90_000);

  it('save: the download fails in words part way, and a new one is whole', async () => {
    failedInWords(outcome.save);
    expect(saveReceived()).toBeGreaterThan(0);
    expect(saveReceived()).toBeLessThan(LAYER_BYTES);
    const chunks: Buffer[] = [];
    await backend.services.imageTransfers.save(SAVE, 'save.tar', (tar) =>
      pipeline(tar, new Writable({ write: (c: Buffer, _e, done) => void (chunks.push(c), done()) })),
    );
    const whole = Buffer.concat(chunks);
    expect(whole.length).toBeGreaterThan(LAYER_BYTES);
    expect(whole.includes('manifest.json')).toBe(true);
  }, 60_000);

  it('load: the upload fails in words, no image appears, and loading the file again works', async () => {
    failedInWords(outcome.load);
    expect(exists('image', LOAD)).toBe(false);
    const result = await backend.services.imageTransfers.load('load.tar', fs.createReadStream(loadFile));
    expect(result.loaded).toContain(LOAD);
    expect(cli('image', 'inspect', '--format', '{{.Id}}', LOAD)).toBe(loadId);
  }, 60_000);

  it('volume export: fails in words part way, leaves no helper container, and a new export is whole', async () => {
    failedInWords(outcome.export);
    expect(exportReceived()).toBeLessThan(LAYER_BYTES);
    // The helper could not be removed while the engine was away; Berth removes it once the engine is back.
    await until(
      () => (cli('ps', '-aq', '--filter', `label=${HELPER_LABEL}`) === '' ? true : undefined),
      10_000,
      'the helper to go',
    );
    const ticket = await backend.services.volumeTransfers.ticket('export', VOLUME);
    const redeemed = backend.services.volumeTransfers.redeem(ticket.path, 'export');
    if (redeemed === null) throw new Error('the export ticket did not redeem');
    let bytes = 0;
    await backend.services.volumeTransfers.export(redeemed, (tar) =>
      pipeline(tar, new Writable({ write: (c: Buffer, _e, done) => void ((bytes += c.length), done()) })),
    );
    expect(bytes).toBeGreaterThan(LAYER_BYTES);
    expect(cli('ps', '-aq', '--filter', `label=${HELPER_LABEL}`)).toBe('');
  }, 60_000);

  it('commit: fails in words and tags nothing (or, stopped gracefully, is whole), and commits when tried again', async () => {
    const first = outcome.commit as Result<{ imageId: string }> | undefined;
    if (first?.ok) {
      // A graceful stop lets the engine finish the requests it already has: then the commit must be whole.
      expect(signal).toBe('SIGTERM');
      expect(cli('image', 'inspect', '--format', '{{.Id}}', `${COMMITTED}:1`)).toBe(first.value.imageId);
      cli('rmi', `${COMMITTED}:1`);
    } else {
      failedInWords(outcome.commit);
      expect(exists('image', `${COMMITTED}:1`)).toBe(false);
    }
    const again = await backend.dispatcher.request('containers:commit', {
      id: COMMIT_FROM,
      repo: COMMITTED,
      tag: '1',
    });
    expect(again.ok, JSON.stringify(again)).toBe(true);
    expect(exists('image', `${COMMITTED}:1`)).toBe(true);
    cli('rm', '-f', COMMIT_FROM);
    cli('rmi', `${COMMITTED}:1`);
  }, 90_000);

  it('recreate: fails saying what state the container is in and puts the old one back (or, stopped gracefully, is whole), and recreates when tried again', async () => {
    const first = outcome.recreate as Result<RecreateResult> | undefined;
    const rows = () => cli('ps', '-a', '--filter', `name=${RECREATE}`, '--format', '{{.ID}} {{.Names}} {{.State}}');
    if (first?.ok) {
      // A graceful stop lets the engine finish the requests it already has: one container, the new one, remains.
      expect(signal).toBe('SIGTERM');
      expect(rows()).toMatch(new RegExp(`^${first.value.id.slice(0, 12)} ${RECREATE} \\w+$`));
      expect(cli('inspect', '--format', '{{json .Config.Env}}', RECREATE)).toContain('FAULT=1');
    } else {
      const said = failedInWords(outcome.recreate);
      expect(said.message).toContain(RECREATE);
      expect(said.message).toContain(`${RECREATE}-berth-old-${recreateId.slice(0, 12)}`);
      // Once the engine is back, the old container is under its own name again, running as before, and alone.
      await until(
        () => (rows() === `${recreateId.slice(0, 12)} ${RECREATE} running` ? true : undefined),
        15_000,
        'the old container to be back',
      ).catch((error: unknown) => {
        throw new Error(`${String(error)}: ${rows()}`);
      });
      // Stopped with the CLI before the retry: recreating the container the engine had just restarted after a
      // SIGKILL once failed inside the engine ("sandbox … not found"), the engine's own leftover from the kill.
      cli('exec', RECREATE, 'touch', '/quit');
      cli('stop', RECREATE);
    }
    const again = (await backend.dispatcher.request('containers:recreate', {
      id: RECREATE,
      spec: recreateSpec,
      keepEnv: [],
    })) as Result<RecreateResult>;
    expect(again.ok, JSON.stringify(again)).toBe(true);
    expect(cli('inspect', '--format', '{{json .Config.Env}}', RECREATE)).toContain('FAULT=1');
    expect(cli('ps', '-a', '--filter', `name=${RECREATE}`, '--format', '{{.Names}}')).toBe(RECREATE);
    cli('rm', '-f', RECREATE);
  }, 90_000);
});
