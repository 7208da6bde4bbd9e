import { describe, expect, it } from 'vitest';
import { changeLevels, changesLevel, changesOf } from './layers.changes';
import { page, readHeader } from './layers.mapper';
import { MergedTree, mergedFlat, mergedLevel } from './layers.merge';
import { dir, file, layer, symlink } from './layers.test-helper';

const base = layer('sha256:a', [
  dir('etc'),
  file('etc/passwd', 100),
  dir('d'),
  file('d/old1', 10),
  dir('d/sub'),
  file('d/sub/old2', 20),
  dir('tmp'),
  file('tmp/junk', 1000),
  symlink('bin', 'usr/bin'),
]);
const top = layer('sha256:b', [dir('etc'), file('etc/passwd', 120), file('etc/new', 5), dir('d'), file('d/new', 1)], {
  deleted: ['tmp/junk', 'nothing-there'],
  opaque: ['d'],
});

describe('readHeader', () => {
  it('reads files, folders and links, and never shows a whiteout as a file', () => {
    expect(readHeader({ name: './' })).toEqual({ kind: 'skip' });
    expect(readHeader({ name: 'etc/', type: 'directory', mode: 0o40755 })).toMatchObject({
      kind: 'entry',
      entry: { path: 'etc', type: 'dir', mode: '755', size: 0 },
    });
    expect(readHeader({ name: 'usr/bin/su', type: 'file', size: 7, mode: 0o104755, uid: 0, gid: 0 })).toMatchObject({
      kind: 'entry',
      entry: { path: 'usr/bin/su', type: 'file', size: 7, mode: '4755' },
    });
    expect(readHeader({ name: 'bin/sh', type: 'link', linkname: 'bin/busybox' })).toMatchObject({
      entry: { type: 'hardlink', link: 'bin/busybox' },
    });
    expect(readHeader({ name: 'lib', type: 'symlink', linkname: '/usr/lib' })).toMatchObject({
      entry: { type: 'symlink', link: '/usr/lib' },
    });
    expect(readHeader({ name: 'dev/null', type: 'character-device' })).toMatchObject({ entry: { type: 'other' } });
    expect(readHeader({ name: 'tmp/.wh.junk', type: 'file' })).toEqual({ kind: 'deleted', path: 'tmp/junk' });
    expect(readHeader({ name: '.wh.top', type: 'file' })).toEqual({ kind: 'deleted', path: 'top' });
    expect(readHeader({ name: 'd/.wh..wh..opq', type: 'file' })).toEqual({ kind: 'opaque', path: 'd' });
    expect(readHeader({ name: '.wh..wh.plnk/1.2', type: 'file' })).toEqual({ kind: 'skip' });
  });
});

describe('changesOf', () => {
  it('tells added from modified, and shows whiteouts and opaque folders as deletions with the bytes they hide', () => {
    const changes = changesOf(MergedTree.of([base]), top);
    const byPath = Object.fromEntries(changes.map((c) => [c.path, [c.kind, c.hides]]));
    expect(byPath).toEqual({
      etc: ['modified', 0],
      'etc/passwd': ['modified', 0],
      'etc/new': ['added', 0],
      d: ['opaque-dir', 30],
      'd/new': ['added', 0],
      'tmp/junk': ['deleted', 1000],
      'nothing-there': ['deleted', 0],
    });
    expect(changes.map((c) => c.path)).toEqual([...changes.map((c) => c.path)].sort());
    expect(changes.some((c) => c.path.includes('.wh.'))).toBe(false);
  });

  it('lists one level, with folders that only hold changes below', () => {
    const changes = changesOf(MergedTree.of([base]), top);
    const root = changesLevel(changes, '');
    expect(root.map((c) => [c.path, c.kind, c.below])).toEqual([
      ['d', 'opaque-dir', 1],
      ['etc', 'modified', 2],
      ['tmp', null, 1],
      ['nothing-there', 'deleted', 0],
    ]);
    expect(changesLevel(changes, 'tmp').map((c) => [c.path, c.kind])).toEqual([['tmp/junk', 'deleted']]);
  });
});

describe('MergedTree', () => {
  it('applies whiteouts and opaque folders to the lower layers only and marks who wrote what', () => {
    const tree = MergedTree.of([base, top]);
    expect(mergedFlat(tree, '')?.map((e) => `${e.path}@${e.layer}`)).toEqual([
      'bin@0',
      'd@1',
      'd/new@1',
      'etc@1',
      'etc/new@1',
      'etc/passwd@1',
      'tmp@0',
    ]);
    expect(mergedLevel(tree, '')?.map((e) => [e.path, e.children])).toEqual([
      ['d', 1],
      ['etc', 2],
      ['tmp', 0],
      ['bin', 0],
    ]);
    expect(mergedLevel(tree, 'etc/passwd')).toBeNull();
    expect(mergedLevel(tree, 'gone')).toBeNull();
    expect(MergedTree.of([base, top], 0).find('d/sub/old2')?.entry?.size).toBe(20);
  });

  it('keeps an entry written in the same layer as an opaque marker for its folder', () => {
    const again = layer('sha256:c', [dir('d'), file('d/x', 3)], { opaque: ['d'] });
    const tree = MergedTree.of([base, again]);
    expect(mergedFlat(tree, 'd')?.map((e) => e.path)).toEqual(['d', 'd/x']);
  });

  it('reports what each layer hides, overwritten or deleted, with the layer that wrote it', () => {
    const hidden: string[] = [];
    const tree = MergedTree.of([base]);
    tree.apply(top, 1, (h) => hidden.push(`${h.entry.path}:${h.how}:${h.wroteLayer}>${h.hidLayer}`));
    expect(hidden.sort()).toEqual([
      'd/old1:deleted:0>1',
      'd/sub/old2:deleted:0>1',
      'etc/passwd:overwritten:0>1',
      'tmp/junk:deleted:0>1',
    ]);
  });
});

describe('page', () => {
  it('cuts a list into pages with a cursor', () => {
    const items = Array.from({ length: 12 }, (_, i) => i);
    expect(page(items, 0, 5)).toEqual({ entries: [0, 1, 2, 3, 4], total: 12, nextCursor: 5, truncated: true });
    expect(page(items, 10, 5)).toEqual({ entries: [10, 11], total: 12, nextCursor: null, truncated: false });
  });
});

describe('changeLevels', () => {
  it('builds every level in one pass, counting the changes below each folder', () => {
    const deep = layer('sha256:c', [dir('a/b'), file('a/b/c', 1), file('a/b/d', 2), file('a/x', 3)]);
    const levels = changeLevels(changesOf(new MergedTree(), deep));
    expect(levels.get('')?.map((c) => [c.path, c.kind, c.below])).toEqual([['a', null, 4]]);
    expect(levels.get('a')?.map((c) => [c.path, c.kind, c.below])).toEqual([
      ['a/b', 'added', 2],
      ['a/x', 'added', 0],
    ]);
    expect(levels.get('a/b')?.map((c) => c.path)).toEqual(['a/b/c', 'a/b/d']);
    expect(levels.has('a/x')).toBe(false);
  });
});
