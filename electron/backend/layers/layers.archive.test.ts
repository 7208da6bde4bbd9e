import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { pack, type Header } from 'tar-stream';
import { afterAll, describe, expect, it } from 'vitest';
import { allBut, readArchive } from './layers.archive';
import { decodeLayer, encodeLayer, LayerIndexCache } from './layers.cache';
import { dir, file, layer } from './layers.test-helper';

type Item = Partial<Header> & { name: string; body?: Buffer | string };

/** A tar in memory, the way the test archives are small enough to be. */
async function tarOf(items: readonly Item[]): Promise<Buffer> {
  const p = pack();
  const done = (async () => {
    const parts: Buffer[] = [];
    for await (const chunk of p as AsyncIterable<Buffer>) parts.push(chunk);
    return Buffer.concat(parts);
  })();
  for (const { body, ...header } of items) p.entry(header, body ?? '');
  p.finalize();
  return done;
}

const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

const layer0 = () =>
  tarOf([
    { name: 'etc/', type: 'directory', mode: 0o755 },
    { name: 'etc/motd', body: 'hello\n', mode: 0o644, uid: 1, gid: 2, mtime: new Date(1_700_000_000_000) },
    { name: 'tmp/', type: 'directory', mode: 0o1777 },
    { name: 'tmp/junk', body: 'x'.repeat(3000) },
    { name: 'bin/sh', type: 'symlink', linkname: 'busybox' },
  ]);
const layer1 = () =>
  tarOf([
    { name: 'etc/', type: 'directory', mode: 0o755 },
    { name: 'etc/motd', body: 'changed\n' },
    { name: 'tmp/.wh.junk', body: '' },
    { name: 'opt/', type: 'directory' },
    { name: 'opt/.wh..wh..opq', body: '' },
  ]);

describe('readArchive', () => {
  it('reads an OCI layout with gzip-compressed layers, index.json last, and gives each diff id', async () => {
    const [plain0, plain1] = [await layer0(), await layer1()];
    const [gz0, gz1] = [gzipSync(plain0), gzipSync(plain1)];
    const manifest = JSON.stringify({
      schemaVersion: 2,
      config: { digest: `sha256:${sha('{}')}` },
      layers: [{ digest: `sha256:${sha(gz0)}` }, { digest: `sha256:${sha(gz1)}` }],
    });
    const index = JSON.stringify({ schemaVersion: 2, manifests: [{ digest: `sha256:${sha(manifest)}` }] });
    // Layers first, in the opposite order: the manifest decides the order, not the stream.
    const archive = await tarOf([
      { name: 'oci-layout', body: '{"imageLayoutVersion":"1.0.0"}' },
      { name: `blobs/sha256/${sha(gz1)}`, body: gz1 },
      { name: `blobs/sha256/${sha(gz0)}`, body: gz0 },
      { name: `blobs/sha256/${sha('{}')}`, body: '{}' },
      { name: `blobs/sha256/${sha(manifest)}`, body: manifest },
      { name: 'index.json', body: index },
    ]);
    const read = await readArchive(Readable.from([archive]));
    expect(read.order).toEqual([`blobs/sha256/${sha(gz0)}`, `blobs/sha256/${sha(gz1)}`]);
    const [first, second] = (read.order ?? []).map((p) => read.layers.get(p)?.layer);
    expect(first?.diffId).toBe(`sha256:${sha(plain0)}`);
    expect(second?.diffId).toBe(`sha256:${sha(plain1)}`);
    const noTime = (first?.entries ?? []).map(({ mtime: _, ...rest }) => rest);
    expect(noTime).toEqual([
      { path: 'etc', type: 'dir', size: 0, mode: '755', uid: 0, gid: 0, link: null },
      { path: 'etc/motd', type: 'file', size: 6, mode: '644', uid: 1, gid: 2, link: null },
      { path: 'tmp', type: 'dir', size: 0, mode: '1777', uid: 0, gid: 0, link: null },
      { path: 'tmp/junk', type: 'file', size: 3000, mode: '644', uid: 0, gid: 0, link: null },
      { path: 'bin/sh', type: 'symlink', size: 0, mode: '644', uid: 0, gid: 0, link: 'busybox' },
    ]);
    expect(first?.entries[1]?.mtime).toBe(1_700_000_000_000);
    expect(second?.deleted).toEqual(['tmp/junk']);
    expect(second?.opaque).toEqual(['opt']);
    expect(second?.entries.map((e) => e.path)).toEqual(['etc', 'etc/motd', 'opt']);
    // The config blob is JSON, not a layer.
    expect(read.layers.size).toBe(2);
  });

  it("reads docker's format with manifest.json after the layers, skips what is indexed, and stops at a file", async () => {
    const [plain0, plain1] = [await layer0(), await layer1()];
    const archive = await tarOf([
      { name: `blobs/sha256/${sha(plain0)}`, body: plain0 },
      { name: `blobs/sha256/${sha(plain1)}`, body: plain1 },
      {
        name: 'manifest.json',
        body: JSON.stringify([{ Layers: [0, 1].map((i) => `blobs/sha256/${sha([plain0, plain1][i] ?? '')}`) }]),
      },
    ]);
    const skipping = await readArchive(Readable.from([archive]), { wanted: (p) => !p.endsWith(sha(plain0)) });
    expect(skipping.skipped).toEqual([`blobs/sha256/${sha(plain0)}`]);
    expect([...skipping.layers.values()].map((l) => l.layer.diffId)).toEqual([`sha256:${sha(plain1)}`]);
    expect(skipping.order).toHaveLength(2);

    const found = await readArchive(Readable.from([archive]), {
      want: { path: 'etc/motd', maxBytes: 100 },
      onLayer: (_p, read) => read.file !== null,
    });
    expect(found.stopped).toBe(true);
    expect(found.layers.size).toBe(1);
    // Named by its diff id, the layer is read only up to the file.
    expect([...found.layers.values()][0]?.partial).toBe(true);
    expect([...found.layers.values()][0]?.layer.entries.map((e) => e.path)).toEqual(['etc', 'etc/motd']);
    expect([...found.layers.values()][0]?.file?.toString()).toBe('hello\n');
    const refused = await readArchive(Readable.from([archive]), { want: { path: 'tmp/junk', maxBytes: 100 } });
    expect([...refused.layers.values()][0]?.refused).toEqual({ size: 3000, type: 'file' });
  });
});

describe('allBut', () => {
  it('skips only uncompressed blobs named by a diff id it is told to skip', () => {
    const skip = allBut(new Set([`sha256:${'a'.repeat(64)}`]));
    expect(skip(`blobs/sha256/${'a'.repeat(64)}`)).toBe(false);
    // A gzip blob is named by its compressed digest, never a diff id: it is read.
    expect(skip(`blobs/sha256/${'b'.repeat(64)}`)).toBe(true);
    expect(skip('3f2a/layer.tar')).toBe(true);
  });
});

describe('LayerIndexCache', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'berth-layer-cache-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const id = (n: number) => `sha256:${n.toString(16).padStart(64, '0')}`;
  const big = (n: number) => layer(id(n), [dir('a'), ...Array.from({ length: 50 }, (_, i) => file(`a/f${i}`, i))]);

  it('stores a layer compactly and reads it back equal', () => {
    const one = layer(id(1), [dir('a'), file('a/b', 3)], { deleted: ['x'], opaque: ['a'] });
    expect(decodeLayer(encodeLayer(one))).toEqual(one);
  });

  it('keeps the folder under its cap, removing the least recently used first', async () => {
    const size = encodeLayer(big(1)).length;
    const writer = new LayerIndexCache(folder, size * 2.5);
    await writer.put(big(1));
    await writer.put(big(2));
    const old = new Date(Date.now() - 60_000);
    utimesSync(path.join(folder, `${id(1).slice(7)}.json`), old, old);
    utimesSync(
      path.join(folder, `${id(2).slice(7)}.json`),
      new Date(Date.now() - 30_000),
      new Date(Date.now() - 30_000),
    );
    // Reading layer 1 (in a fresh cache, so from disk) makes it the most recently used.
    expect((await new LayerIndexCache(folder, size * 2.5).get(id(1)))?.entries).toHaveLength(51);
    await writer.put(big(3));
    expect(readdirSync(folder).sort()).toEqual([`${id(1).slice(7)}.json`, `${id(3).slice(7)}.json`]);
    expect(await new LayerIndexCache(folder).get(id(2))).toBeNull();
  });
});
