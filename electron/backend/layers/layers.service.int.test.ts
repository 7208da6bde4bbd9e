/**
 * Layers through the Dispatcher against a real engine, each view compared with what the docker CLI shows: every
 * layer's listing with `tar -tv` of that layer from `docker save`, the merged top layer with `docker export` of a
 * container made from the image, and the wasted bytes with the ones put there on purpose.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_LAYER_ENTRIES,
  type LayerChanges,
  type LayerFile,
  type LayerSearchResult,
  type LayersIndex,
  type LayerWaste,
  type MergedListing,
} from '../../../shared/dto/layers';
import { waitForStatus } from '../backend.test-helper';
import { buildImage, call as callOn, cli, HOST, unique } from '../images/images.test-helper';
import { createBackend, type Backend } from '../index';

const FIXTURE = 'berth-fixture/busybox:1';
const IMAGE = `${unique('berth-layers')}:1`;
const BIG = 300_000;
const CONF1 = 'first version\n'.repeat(50);
const CONF2 = 'second\n';

// Layers above the base: 1 writes, 2 deletes (RUN rm), 3 and 4 overwrite one file, 5 empties /d and refills it.
const DOCKERFILE = `FROM ${FIXTURE}
RUN mkdir -p /data /d && head -c ${BIG} /dev/zero > /data/big && printf 'a\\000b' > /data/bin.dat && echo old > /d/keep && echo 1 > /d/old
RUN rm /data/big
COPY conf1.txt /etc/app.conf
COPY conf2.txt /etc/app.conf
RUN rm -rf /d && mkdir /d && echo x > /d/new
`;

let backend: Backend;
let cacheDir: string;
let work: string;
let baseLayers: number;
const call = <T>(channel: string, input?: unknown) => callOn<T>(backend, channel, input);
const value = async <T>(channel: string, input?: unknown): Promise<T> => {
  const result = await call<T>(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
};

beforeAll(async () => {
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-layers-cache-'));
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-layers-save-'));
  await buildImage(IMAGE, DOCKERFILE, { 'conf1.txt': CONF1, 'conf2.txt': CONF2 });
  baseLayers = (JSON.parse(cli('image', 'inspect', FIXTURE, '--format', '{{json .RootFS.Layers}}')) as string[]).length;
  backend = createBackend({ env: { DOCKER_HOST: HOST }, platform: 'linux', homedir: os.tmpdir(), cacheDir });
  await waitForStatus(backend, (s) => s.state === 'connected');
}, 120_000);

afterAll(async () => {
  await backend?.dispose();
  const containers = cli('ps', '-aq', '--filter', 'label=berth.test=1').split('\n').filter(Boolean);
  if (containers.length > 0) cli('rm', '-f', ...containers);
  cli('rmi', '-f', IMAGE);
  fs.rmSync(cacheDir, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
}, 30_000);

/** Every page of a paged answer. */
async function allPages<T extends { entries: readonly unknown[]; nextCursor: number | null }>(
  channel: string,
  input: Record<string, unknown>,
): Promise<T['entries'][number][]> {
  const out: T['entries'][number][] = [];
  let cursor: number | null = 0;
  while (cursor !== null) {
    const answer: T = await value<T>(channel, { ...input, cursor });
    out.push(...answer.entries);
    cursor = answer.nextCursor;
  }
  return out;
}

interface Listed {
  entries: Set<string>;
  deleted: Set<string>;
  opaque: Set<string>;
}

const TYPES: Record<string, string> = { d: 'dir', '-': 'file', l: 'symlink', h: 'hardlink' };

/** `tar -tvf` of one layer tar, in the words of layers:changes: entries (path|type|size), deletions, opaque dirs. */
function tarListing(file: string): Listed {
  const out = execFileSync('tar', ['--numeric-owner', '-tvf', file], { encoding: 'utf8' });
  const listed: Listed = { entries: new Set(), deleted: new Set(), opaque: new Set() };
  for (const line of out.split('\n').filter(Boolean)) {
    const m = /^(\S)\S{9}\s+\d+\/\d+\s+(\d+)(?:,\s*\d+)?\s+\S+\s+\S+\s+(.*)$/.exec(line);
    if (!m) throw new Error(`unread tar line: ${line}`);
    const [, kind = '', size = '0', rest = ''] = m;
    const name = rest
      .replace(/ (->|link to) .*$/, '')
      .replace(/^\.\//, '')
      .replace(/\/$/, '');
    if (name === '' || name === '.') continue;
    const base = name.slice(name.lastIndexOf('/') + 1);
    const parent = name.slice(0, Math.max(0, name.lastIndexOf('/')));
    if (base === '.wh..wh..opq') listed.opaque.add(parent);
    else if (base.startsWith('.wh.')) listed.deleted.add(parent === '' ? base.slice(4) : `${parent}/${base.slice(4)}`);
    else listed.entries.add(`${name}|${TYPES[kind] ?? 'other'}|${kind === '-' ? size : 0}`);
  }
  return listed;
}

describe('layers of a built image', () => {
  it('indexes every layer in RootFS order with the step that made it, then reuses the index', async () => {
    const first = await value<LayersIndex>('layers:index', { image: IMAGE });
    const rootfs = JSON.parse(cli('image', 'inspect', IMAGE, '--format', '{{json .RootFS.Layers}}')) as string[];
    expect(first.layers.map((l) => l.diffId)).toEqual(rootfs);
    expect(first.layers).toHaveLength(baseLayers + 5);
    expect(first.indexedNow).toBe(new Set(rootfs).size);
    const top = first.layers.slice(baseLayers).map((l) => l.step?.instruction ?? '');
    expect(top[0]).toMatch(/^RUN mkdir -p \/data \/d/);
    expect(top[1]).toBe('RUN rm /data/big');
    expect(top[2]).toMatch(/^COPY /);
    expect(top[4]).toBe('RUN rm -rf /d && mkdir /d && echo x > /d/new');
    expect(first.layers[baseLayers + 1]?.deleted).toBe(1);
    expect(first.layers[baseLayers]?.size).toBeGreaterThanOrEqual(BIG);

    const again = await value<LayersIndex>('layers:index', { image: IMAGE });
    expect(again.indexedNow).toBe(0);
    expect(again.layers).toEqual(first.layers);
    console.info(`layers:index of ${IMAGE}: ${first.elapsedMs} ms reading, ${again.elapsedMs} ms from the index`);
  });

  it("lists each layer as `tar -tv` lists that layer's tar from docker save, whiteouts as deletions", async () => {
    const saved = path.join(work, 'image.tar');
    const into = path.join(work, 'x');
    fs.mkdirSync(into);
    cli('save', IMAGE, '-o', saved);
    execFileSync('tar', ['-xf', saved, '-C', into]);
    const manifest = JSON.parse(fs.readFileSync(path.join(into, 'manifest.json'), 'utf8')) as [{ Layers: string[] }];
    const layers = manifest[0].Layers;
    expect(layers.length).toBe(baseLayers + 5);
    console.info(`docker save on the test engine names layers like ${layers[0] ?? '?'}`);
    for (const [index, file] of layers.entries()) {
      const expected = tarListing(path.join(into, file));
      const changes = await allPages<LayerChanges>('layers:changes', { image: IMAGE, layer: index, mode: 'flat' });
      expect(
        changes.some((c) => c.path.includes('.wh.')),
        `layer ${index}`,
      ).toBe(false);
      const got: Listed = {
        entries: new Set(
          changes
            .filter(
              (c) => c.kind !== 'deleted' && !(c.kind === 'opaque-dir' && !expected.entries.has(`${c.path}|dir|0`)),
            )
            .map((c) => `${c.path}|${c.type}|${c.size}`),
        ),
        deleted: new Set(changes.filter((c) => c.kind === 'deleted').map((c) => c.path)),
        opaque: new Set(changes.filter((c) => c.kind === 'opaque-dir').map((c) => c.path)),
      };
      expect(got, `layer ${index} (${file})`).toEqual(expected);
    }
    // The rm and the emptied /d are deletions: per file (vfs, which the test engine uses) or an opaque folder.
    const rm = await value<LayerChanges>('layers:changes', { image: IMAGE, layer: baseLayers + 1, path: '/data' });
    expect(rm.entries.map((c) => [c.path, c.kind, c.hides])).toEqual([['data/big', 'deleted', BIG]]);
    const refill = await allPages<LayerChanges>('layers:changes', {
      image: IMAGE,
      layer: baseLayers + 4,
      mode: 'flat',
      path: 'd',
    });
    const kinds = Object.fromEntries(refill.map((c) => [c.path, c.kind]));
    expect(kinds['d/new']).toBe('added');
    expect(kinds.d === 'opaque-dir' || (kinds['d/keep'] === 'deleted' && kinds['d/old'] === 'deleted')).toBe(true);
  });

  it('merges the top layer into what `docker export` of a container from the image holds', async () => {
    const container = unique('layers-export');
    cli('create', '--name', container, '--label', 'berth.test=1', IMAGE, 'true');
    const exported = path.join(work, 'export.tar');
    cli('export', container, '-o', exported);
    // What the engine's init layer puts in every container (daemon/initlayer, which also links /etc/mtab).
    const ignored = (p: string) =>
      ['etc/hosts', 'etc/resolv.conf', 'etc/hostname', 'etc/mtab', '.dockerenv', 'etc'].includes(p) ||
      /^(dev|proc|sys)(\/|$)/.test(p);
    const expected = execFileSync('tar', ['-tf', exported], { encoding: 'utf8' })
      .split('\n')
      .map((n) => n.replace(/^\.\//, '').replace(/\/$/, ''))
      .filter((n) => n !== '' && n !== '.' && !ignored(n))
      .sort();
    const top = baseLayers + 4;
    const merged = await allPages<MergedListing>('layers:merged', { image: IMAGE, layer: top, mode: 'flat' });
    expect(
      merged
        .map((e) => e.path)
        .filter((p) => !ignored(p))
        .sort(),
    ).toEqual(expected);
    const byPath = new Map(merged.map((e) => [e.path, e]));
    expect(byPath.get('etc/app.conf')).toMatchObject({ layer: baseLayers + 3, size: CONF2.length });
    expect(byPath.has('data/big')).toBe(false);
    expect(byPath.has('d/keep')).toBe(false);
    expect(byPath.get('d/new')?.layer).toBe(top);

    const level = await value<MergedListing>('layers:merged', { image: IMAGE, layer: baseLayers, path: '/d' });
    expect(level.entries.map((e) => e.path)).toEqual(['d/keep', 'd/old']);
    const missing = await call('layers:merged', { image: IMAGE, layer: top, path: '/nowhere' });
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');
  });

  it('counts as waste exactly the bytes a later step deletes or overwrites, with advice', async () => {
    const waste = await value<LayerWaste>('layers:waste', { image: IMAGE });
    const expected = [
      ['data/big', BIG, 'deleted', baseLayers, baseLayers + 1],
      ['etc/app.conf', CONF1.length, 'overwritten', baseLayers + 2, baseLayers + 3],
      ['d/keep', 4, 'deleted', baseLayers, baseLayers + 4],
      ['d/old', 2, 'deleted', baseLayers, baseLayers + 4],
    ];
    expect(waste.items.map((i) => [i.path, i.bytes, i.how, i.wroteLayer, i.hidLayer])).toEqual(expected);
    expect(waste.wasted).toBe(BIG + CONF1.length + 6);
    expect(waste.efficiency).toBeGreaterThan(0);
    expect(waste.efficiency).toBeLessThan(1);
    expect(waste.advice[0]).toMatch(
      /^Step \d+ \(RUN mkdir -p .*\) adds 300 kB that step \d+ \(RUN rm \/data\/big\) deletes: they still ship in the image; do both in one RUN\.$/,
    );
  });

  it('searches across layers by glob and by substring', async () => {
    const glob = await value<LayerSearchResult>('layers:search', { image: IMAGE, query: '**/app.conf', limit: 10 });
    expect(glob.matches.map((m) => [m.layer, m.kind])).toEqual([
      [baseLayers + 2, 'added'],
      [baseLayers + 3, 'modified'],
    ]);
    const sub = await value<LayerSearchResult>('layers:search', { image: IMAGE, query: 'data/big', limit: 10 });
    expect(sub.matches.map((m) => [m.layer, m.kind])).toEqual([
      [baseLayers, 'added'],
      [baseLayers + 1, 'deleted'],
    ]);
  });

  it('reads a small text file as of a layer and refuses binaries and big files in words', async () => {
    const now = await value<LayerFile>('layers:readFile', {
      image: IMAGE,
      layer: baseLayers + 4,
      path: '/etc/app.conf',
    });
    expect(now).toMatchObject({ layer: baseLayers + 3, text: CONF2, size: CONF2.length });
    const before = await value<LayerFile>('layers:readFile', {
      image: IMAGE,
      layer: baseLayers + 2,
      path: 'etc/app.conf',
    });
    expect(before.text).toBe(CONF1);
    const binary = await call('layers:readFile', { image: IMAGE, layer: baseLayers, path: '/data/bin.dat' });
    expect(!binary.ok && binary.error.code).toBe('INVALID_INPUT');
    expect(!binary.ok && binary.error.message).toMatch(/looks like a binary file/);
    const big = await call('layers:readFile', { image: IMAGE, layer: baseLayers, path: '/data/big' });
    expect(!big.ok && big.error.message).toMatch(/holds 300000 bytes/);
    const gone = await call('layers:readFile', { image: IMAGE, layer: baseLayers + 1, path: '/data/big' });
    expect(!gone.ok && gone.error.code).toBe('NOT_FOUND');
    const bad = await call('layers:changes', { image: IMAGE, layer: 99 });
    expect(!bad.ok && bad.error.message).toMatch(/there is no layer 99/);
    const input = await call('layers:changes', { image: IMAGE, layer: 0, path: '../etc' });
    expect(!input.ok && input.error.code).toBe('INVALID_INPUT');
  });
});

describe('a layer with more entries than one answer holds', () => {
  const MANY = 6000;
  const image = `${unique('berth-layers-many')}:1`;

  afterAll(() => {
    cli('rmi', '-f', image);
  });

  it('pages a folder of 6,000 files with a cursor, in changes and in the merged view', async () => {
    await buildImage(
      image,
      `FROM ${FIXTURE}\nRUN mkdir /many && cd /many && i=0; while [ $i -lt ${MANY} ]; do echo $i > f$i; i=$((i+1)); done\n`,
    );
    const index = await value<LayersIndex>('layers:index', { image });
    const top = index.layers.length - 1;
    expect(index.layers[top]?.added).toBe(MANY + 1);
    console.info(`layers:index of a ${MANY}-file layer: ${index.elapsedMs} ms (${index.indexedNow} layers read)`);

    const first = await value<LayerChanges>('layers:changes', { image, layer: top, path: '/many' });
    expect(first).toMatchObject({ total: MANY, nextCursor: MAX_LAYER_ENTRIES, truncated: true });
    expect(first.entries).toHaveLength(MAX_LAYER_ENTRIES);
    const rest = await value<LayerChanges>('layers:changes', {
      image,
      layer: top,
      path: '/many',
      cursor: MAX_LAYER_ENTRIES,
    });
    expect(rest).toMatchObject({ total: MANY, nextCursor: null, truncated: false });
    expect(new Set([...first.entries, ...rest.entries].map((e) => e.path)).size).toBe(MANY);

    const merged = await allPages<MergedListing>('layers:merged', { image, layer: top, path: 'many' });
    expect(merged).toHaveLength(MANY);
    expect(merged.every((e) => e.layer === top && e.type === 'file')).toBe(true);
  }, 120_000);
});
