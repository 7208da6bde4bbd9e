import { describe, expect, it } from 'vitest';
import type { ImageSummary } from '../../../../shared/dto/lists';
import { DEFAULT_QUERY, listImages, rowReference } from './image-list';

const image = (id: string, tags: string[], extra: Partial<ImageSummary> = {}): ImageSummary => ({
  id: `sha256:${id}`,
  repoTags: tags,
  repoDigests: [],
  created: 1000,
  size: 10,
  containers: 0,
  dangling: tags.length === 0,
  ...extra,
});

const images = [
  image('aaa', ['web:1', 'web:latest'], { created: 3000, size: 50, containers: 2, containersRunning: 1 }),
  image('bbb', ['db:9'], { created: 2000, size: 500 }),
  image('ccc', [], { created: 1000, size: 5 }),
];

describe('listImages', () => {
  it('shows every tag as a row, newest first by default, with running counts', () => {
    const rows = listImages(images, DEFAULT_QUERY);
    expect(rows.map((r) => `${r.repository}:${r.tag}`)).toEqual(['web:1', 'web:latest', 'db:9', '<none>:<none>']);
    expect(rows[0]?.running).toBe(1);
  });

  it('filters by text (name or id prefix) and by kind', () => {
    expect(listImages(images, { ...DEFAULT_QUERY, text: 'DB' }).map((r) => r.tag)).toEqual(['9']);
    expect(listImages(images, { ...DEFAULT_QUERY, text: 'sha256:cc' }).map((r) => r.dangling)).toEqual([true]);
    expect(listImages(images, { ...DEFAULT_QUERY, kind: 'dangling' })).toHaveLength(1);
    expect(listImages(images, { ...DEFAULT_QUERY, kind: 'used' }).map((r) => r.tag)).toEqual(['1', 'latest']);
    expect(listImages(images, { ...DEFAULT_QUERY, kind: 'unused' })).toHaveLength(2);
  });

  it('sorts by size either way', () => {
    const asc = listImages(images, { ...DEFAULT_QUERY, sort: 'size', descending: false });
    expect(asc.map((r) => r.size)).toEqual([5, 50, 50, 500]);
  });

  it('acts on the tag of a row, or on the id when the image has none', () => {
    const rows = listImages(images, DEFAULT_QUERY);
    expect(rows.map(rowReference)).toEqual(['web:1', 'web:latest', 'db:9', 'sha256:ccc']);
  });
});
