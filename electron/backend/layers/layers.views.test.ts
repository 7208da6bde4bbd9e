import { describe, expect, it } from 'vitest';
import { changesLevel } from './layers.changes';
import { MergedTree, mergedLevel } from './layers.merge';
import { everyLayersChanges, searchLayers } from './layers.search';
import { dir, file, layer } from './layers.test-helper';
import { ImageViews } from './layers.views';
import { computeWaste } from './layers.waste';

const layers = [
  layer('sha256:0', [dir('etc'), file('etc/passwd', 10), dir('var'), dir('var/lib'), file('var/lib/a', 5)]),
  layer('sha256:1', [dir('etc'), file('etc/passwd', 12), file('etc/group', 3)], { deleted: ['var/lib/a'] }),
  layer('sha256:2', [dir('opt'), file('opt/x', 1)], { opaque: ['etc'] }),
];

describe('ImageViews', () => {
  const views = new ImageViews('demo', layers, [null, null, null]);

  it('answers each view as the one-off computation does, and the same object the second time', () => {
    const changes = everyLayersChanges(layers);
    for (const [index, mine] of changes.entries())
      for (const folder of ['', 'etc', 'var', 'var/lib', 'opt', 'nowhere'])
        expect(views.changesLevel(index, folder)).toEqual(changesLevel(mine, folder));
    for (const index of [0, 1, 2])
      for (const folder of ['', 'etc', 'var/lib', 'etc/passwd', 'nowhere'])
        expect(views.mergedLevel(index, folder)).toEqual(mergedLevel(MergedTree.of(layers, index), folder));
    expect(views.search('passwd', 1)).toEqual(searchLayers(changes, 'passwd', 1));
    expect(views.search('passwd', 1)).toMatchObject({ total: 2, truncated: true });
    expect(views.waste()).toEqual(computeWaste('demo', layers, [null, null, null]));
    expect(views.waste()).toBe(views.waste());
    expect(views.changesLevel(1, 'etc')).toBe(views.changesLevel(1, 'etc'));
  });

  it('sums each layer: counts by kind, bytes of files and entries with whiteouts', () => {
    expect(views.summary().map((s) => [s.added, s.modified, s.deleted, s.opaqueDirs, s.size, s.entries])).toEqual([
      [5, 0, 0, 0, 15, 5],
      [1, 2, 1, 0, 15, 4],
      [2, 0, 0, 1, 1, 3],
    ]);
  });
});
