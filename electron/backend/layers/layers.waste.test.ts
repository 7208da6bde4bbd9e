import { describe, expect, it } from 'vitest';
import type { LayerStep } from '../../../shared/dto/layers';
import { globToRegExp, everyLayersChanges, searchLayers } from './layers.search';
import { dir, file, layer } from './layers.test-helper';
import { computeWaste, sizeInWords } from './layers.waste';

const step = (index: number, instruction: string): LayerStep => ({ index, instruction, createdBy: instruction });

// Known by construction: layer 1 adds 120 MB of lists that layer 2 deletes, layer 3 overwrites a 5,000-byte file.
const MB = 1_000_000;
const layers = [
  layer('sha256:0', [dir('app'), file('app/conf', 5000), file('bin', 700)]),
  layer('sha256:1', [dir('var'), dir('var/lists'), file('var/lists/a', 100 * MB), file('var/lists/b', 20 * MB)]),
  layer('sha256:2', [dir('var')], { deleted: ['var/lists'] }),
  layer('sha256:3', [dir('app'), file('app/conf', 6000)]),
];
const steps = [step(0, 'COPY . /app'), step(3, 'RUN apt-get update'), step(4, 'RUN rm -rf /var/lists'), null];

describe('computeWaste', () => {
  const waste = computeWaste('demo', layers, steps);

  it('counts the bytes a later layer overwrites or deletes, biggest first, with the steps on both sides', () => {
    expect(waste.wasted).toBe(120 * MB + 5000);
    expect(waste.total).toBe(5000 + 700 + 120 * MB + 6000);
    expect(waste.items.map((i) => [i.path, i.bytes, i.how, i.wroteLayer, i.hidLayer])).toEqual([
      ['var/lists/a', 100 * MB, 'deleted', 1, 2],
      ['var/lists/b', 20 * MB, 'deleted', 1, 2],
      ['app/conf', 5000, 'overwritten', 0, 3],
    ]);
    expect(waste.items[0]?.wroteStep?.instruction).toBe('RUN apt-get update');
    expect(waste.items[0]?.hidStep?.instruction).toBe('RUN rm -rf /var/lists');
  });

  it('scores efficiency as dive does: the smallest size of each path over all of its sizes', () => {
    // Paths: app/conf 5000 then 6000 (min 5000), bin 700, var/lists/a 100 MB, var/lists/b 20 MB, and var/lists:
    // a folder (0 bytes) in layer 1, then a whiteout in layer 2 that hides 120 MB (min 0). Folders count 0.
    const minimum = 5000 + 700 + 100 * MB + 20 * MB + 0;
    const all = 11000 + 700 + 100 * MB + 20 * MB + 120 * MB;
    expect(waste.efficiency).toBeCloseTo(minimum / all, 10);
    expect(computeWaste('empty', [], []).efficiency).toBe(1);
  });

  it('gives advice in words a newcomer can act on', () => {
    expect(waste.advice).toEqual([
      'Step 4 (RUN apt-get update) adds 120 MB that step 5 (RUN rm -rf /var/lists) deletes: they still ship in the image; do both in one RUN.',
      'Step 1 (COPY . /app) writes 5 kB that layer 4 overwrites: the first copy still ships in the image; write those files once, in one step.',
    ]);
  });

  it('writes sizes as docker does', () => {
    expect(sizeInWords(0)).toBe('0 B');
    expect(sizeInWords(1500)).toBe('1.5 kB');
    expect(sizeInWords(120 * MB)).toBe('120 MB');
  });
});

describe('search', () => {
  const changes = everyLayersChanges(layers);

  it('matches globs by name at any depth without a slash, and by whole path with one', () => {
    expect(globToRegExp('*.conf').test('etc/a.conf')).toBe(true);
    expect(globToRegExp('var/*').test('var/lists/a')).toBe(false);
    expect(globToRegExp('var/**').test('var/lists/a')).toBe(true);
    expect(globToRegExp('**/a').test('var/lists/a')).toBe(true);
    expect(globToRegExp('/app/con?').test('app/conf')).toBe(true);
    expect(globToRegExp('a.b').test('axb')).toBe(false);
  });

  it('finds paths across layers with the layer and the kind of change', () => {
    const found = searchLayers(changes, 'lists', 100);
    expect(found.how).toBe('substring');
    expect(found.matches.map((m) => [m.layer, m.path, m.kind])).toEqual([
      [1, 'var/lists', 'added'],
      [1, 'var/lists/a', 'added'],
      [1, 'var/lists/b', 'added'],
      [2, 'var/lists', 'deleted'],
    ]);
    const conf = searchLayers(changes, 'app/conf', 100).matches.map((m) => [m.layer, m.kind]);
    expect(conf).toEqual([
      [0, 'added'],
      [3, 'modified'],
    ]);
    expect(searchLayers(changes, '**', 2)).toMatchObject({ how: 'glob', truncated: true });
    const all = searchLayers(changes, '**', 1000);
    expect(searchLayers(changes, '**', 2).total).toBe(all.matches.length);
    expect(all).toMatchObject({ truncated: false, total: all.matches.length });
  });
});
