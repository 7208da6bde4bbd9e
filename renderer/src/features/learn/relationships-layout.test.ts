import { describe, expect, it } from 'vitest';
import type { ContainerNode, ImageNode } from '../../../../shared/dto/learn';
import { BOX_W, layoutRelationships, writableWidth } from './relationships-layout';

const image = (id: string, tag: string | null, layers: string[]): ImageNode => ({
  id,
  repoTags: tag ? [tag] : [],
  repoDigests: [],
  layers,
  created: 0,
});
const container = (name: string, imageRef: string, imageId: string, sizeRw?: number): ContainerNode => ({
  id: `id-${name}`,
  name,
  image: imageRef,
  imageId,
  state: 'running',
  ...(sizeRw !== undefined ? { sizeRw } : {}),
});

describe('layoutRelationships', () => {
  const graph = {
    images: [
      image('sha256:a', 'app:1', ['l1', 'l2']),
      image('sha256:b', 'app:2', ['l1', 'l2', 'l3']),
      image('sha256:c', 'tool:1', ['l1', 'l4']),
      image('sha256:d', 'other:1', ['m1']),
      image('sha256:old', null, ['l1', 'l2', 'l5']),
    ],
    containers: [container('web', 'app:1', 'sha256:a', 4096), container('web-old', 'app:2', 'sha256:old', 0)],
  };
  const groups = layoutRelationships(graph);

  it('groups images by their base layer, the biggest group first', () => {
    expect(groups.map((g) => g.base)).toEqual(['l1', 'm1']);
    expect(groups[0]?.images.map((i) => i.name).sort()).toEqual(['app:1', 'app:2', 'old', 'tool:1'].sort());
  });

  it('draws a shared layer once, used by every image on it, with one line to each thing built on it', () => {
    const g = groups[0];
    if (!g) throw new Error('no group');
    expect(g.layers.filter((l) => l.digest === 'l1')).toHaveLength(1);
    expect(g.layers.find((l) => l.digest === 'l1')?.usedBy).toEqual(['app:1', 'app:2', 'tool:1', 'old']);
    expect(g.layers.find((l) => l.digest === 'l2')?.usedBy).toEqual(['app:1', 'app:2', 'old']);
    expect(g.layers).toHaveLength(5);
    const l1 = g.layers.find((l) => l.digest === 'l1');
    const into = (x: number, y: number) => g.lines.filter((line) => line.to.x === x + BOX_W / 2 && line.to.y === y);
    // l1 carries l2 and l4; l2 carries the image app:1 and the layers l3 and l5.
    expect(l1 && into(l1.x, l1.y)).toHaveLength(2);
    const l2 = g.layers.find((l) => l.digest === 'l2');
    expect(l2 && into(l2.x, l2.y)).toHaveLength(3);
    // Every line points down the picture: from what sits on a layer to the layer.
    for (const line of g.lines) expect(line.from.y).toBeLessThan(line.to.y);
  });

  it('puts each image in a column of its own and each container above its image', () => {
    const g = groups[0];
    if (!g) throw new Error('no group');
    const xs = g.images.map((i) => i.x);
    expect(new Set(xs).size).toBe(xs.length);
    const web = g.containers.find((c) => c.container.name === 'web');
    const app1 = g.images.find((i) => i.name === 'app:1');
    expect(web?.x).toBe(app1?.x);
    expect(web && app1 && web.y < app1.y).toBe(true);
  });

  it('marks a container still on an image its tag no longer names', () => {
    const g = groups[0];
    expect(g?.containers.find((c) => c.container.name === 'web-old')?.stale).toBe(true);
    expect(g?.containers.find((c) => c.container.name === 'web')?.stale).toBe(false);
  });

  it('sizes the writable layer by what it holds', () => {
    expect(writableWidth(0)).toBe(6);
    expect(writableWidth(4096)).toBeGreaterThan(writableWidth(10));
    expect(writableWidth(10 ** 12)).toBe(BOX_W - 40);
  });

  it('stays one group per base at 100 images', () => {
    const many = Array.from({ length: 100 }, (_, i) => image(`sha256:${i}`, `img:${i}`, ['base', `own-${i}`]));
    const laid = layoutRelationships({ images: many, containers: [] });
    expect(laid).toHaveLength(1);
    expect(laid[0]?.layers.filter((l) => l.digest === 'base')).toHaveLength(1);
    expect(laid[0]?.images).toHaveLength(100);
  });
});
