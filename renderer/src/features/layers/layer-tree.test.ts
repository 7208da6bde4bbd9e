import { describe, expect, it } from 'vitest';
import { ancestorsOf, flattenTree, modeText, type TreeEntry } from './layer-tree';

const entry = (path: string, folder = false): TreeEntry => ({
  path,
  name: path.slice(path.lastIndexOf('/') + 1),
  type: folder ? 'dir' : 'file',
  size: 1,
  mode: folder ? '755' : '644',
  uid: 0,
  gid: 0,
  link: null,
  kind: 'added',
  layer: 0,
  folder,
  hides: 0,
});

describe('flattenTree', () => {
  const levels = new Map([
    ['', [entry('a', true), entry('b', true), entry('z')]],
    ['a', [entry('a/x', true), entry('a/y')]],
    ['a/x', [entry('a/x/deep')]],
    ['b', [entry('b/1')]],
  ]);

  it('puts an open folder’s level right below it, with its depth', () => {
    const rows = flattenTree(levels, new Set(['a', 'a/x']));
    expect(rows.map((r) => `${r.depth}:${r.entry.path}:${r.expanded}`)).toEqual([
      '0:a:true',
      '1:a/x:true',
      '2:a/x/deep:false',
      '1:a/y:false',
      '0:b:false',
      '0:z:false',
    ]);
  });

  it('skips a closed folder’s level, and an open one whose level is not loaded yet', () => {
    expect(flattenTree(levels, new Set(['a/x'])).map((r) => r.entry.path)).toEqual(['a', 'b', 'z']);
    expect(flattenTree(new Map([['', [entry('q', true)]]]), new Set(['q'])).map((r) => r.entry.path)).toEqual(['q']);
  });

  it('flattens 100,000 entries without recursion trouble', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => entry(`big/f${i}`));
    const rows = flattenTree(
      new Map([
        ['', [entry('big', true)]],
        ['big', many],
      ]),
      new Set(['big']),
    );
    expect(rows).toHaveLength(100_001);
  });
});

describe('modeText and ancestorsOf', () => {
  it('writes modes as ls -l does', () => {
    expect(modeText('755', 'dir')).toBe('drwxr-xr-x');
    expect(modeText('4755', 'file')).toBe('-rwsr-xr-x');
    expect(modeText('1777', 'dir')).toBe('drwxrwxrwt');
    expect(modeText('644', 'symlink')).toBe('lrw-r--r--');
  });

  it('lists the folders above a path, outermost first', () => {
    expect(ancestorsOf('a/b/c')).toEqual(['a', 'a/b']);
    expect(ancestorsOf('top')).toEqual([]);
  });
});
