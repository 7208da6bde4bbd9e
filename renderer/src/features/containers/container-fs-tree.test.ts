import { describe, expect, it } from 'vitest';
import type { ContainerFileMark, ContainerFsEntry } from '../../../../shared/dto/containerFiles';
import { filterFs, flattenFs, isFolder, uploadFolderOf } from './container-fs-tree';

const entry = (path: string, type: ContainerFsEntry['type'] = 'file', mark: ContainerFileMark = null) => ({
  path,
  name: path.slice(path.lastIndexOf('/') + 1),
  type,
  size: 1,
  mode: '644',
  link: null,
  mark,
});

const levels = new Map([
  ['', [entry('etc', 'dir', 'changed'), entry('gone', 'dir', 'deleted'), entry('init')]],
  ['etc', [entry('etc/hostname', 'file', 'added'), entry('etc/ssl', 'dir')]],
  ['etc/ssl', [entry('etc/ssl/cert.pem')]],
]);

describe('container filesystem rows', () => {
  it('shows a folder level only below an opened folder, depth by depth', () => {
    expect(flattenFs(levels, new Set()).map((r) => r.entry.path)).toEqual(['etc', 'gone', 'init']);
    const open = flattenFs(levels, new Set(['etc', 'etc/ssl']));
    expect(open.map((r) => [r.entry.path, r.depth])).toEqual([
      ['etc', 0],
      ['etc/hostname', 1],
      ['etc/ssl', 1],
      ['etc/ssl/cert.pem', 2],
      ['gone', 0],
      ['init', 0],
    ]);
    expect(open[0]).toMatchObject({ folder: true, expanded: true });
  });

  it('never opens a deleted folder', () => {
    expect(isFolder(entry('gone', 'dir', 'deleted'))).toBe(false);
    expect(flattenFs(levels, new Set(['gone'])).find((r) => r.entry.path === 'gone')?.expanded).toBe(false);
  });

  it('filters the loaded paths by part of the path, any case, sorted', () => {
    expect(filterFs(levels, '/ETC/S').map((r) => r.entry.path)).toEqual(['etc/ssl', 'etc/ssl/cert.pem']);
    expect(filterFs(levels, 'nothing')).toEqual([]);
  });

  it('uploads into the folder itself or the folder holding a file', () => {
    expect(uploadFolderOf(entry('etc/ssl', 'dir'))).toBe('etc/ssl');
    expect(uploadFolderOf(entry('etc/hostname'))).toBe('etc');
    expect(uploadFolderOf(entry('init'))).toBe('');
  });
});
