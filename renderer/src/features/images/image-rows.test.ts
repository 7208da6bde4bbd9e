import { describe, expect, it } from 'vitest';
import type { ImageSummary } from '../../../../shared/dto/lists';
import { imageRows, shortImageId, splitRepoTag } from './image-rows';

const image = (over: Partial<ImageSummary>): ImageSummary => ({
  id: 'sha256:0123456789abcdef0123456789abcdef',
  repoTags: [],
  repoDigests: [],
  created: 1_700_000_000_000,
  size: 1000,
  containers: 0,
  dangling: false,
  ...over,
});

describe('splitRepoTag', () => {
  it('splits at the tag colon, not at a registry port', () => {
    expect(splitRepoTag('busybox:1.36')).toEqual({ repository: 'busybox', tag: '1.36' });
    expect(splitRepoTag('localhost:5000/team/app:dev')).toEqual({ repository: 'localhost:5000/team/app', tag: 'dev' });
    expect(splitRepoTag('localhost:5000/app')).toEqual({ repository: 'localhost:5000/app', tag: '<none>' });
  });
});

describe('shortImageId', () => {
  it('drops the algorithm and keeps 12 hex digits', () => {
    expect(shortImageId('sha256:0123456789abcdef0123')).toBe('0123456789ab');
  });
});

describe('imageRows', () => {
  it('gives every tag of an image its own row with a unique key', () => {
    const rows = imageRows([image({ repoTags: ['fx:2', 'fx:1', 'mirror/fx:latest'] })]);
    expect(rows.map((r) => `${r.repository}:${r.tag}`)).toEqual(['fx:1', 'fx:2', 'mirror/fx:latest']);
    expect(new Set(rows.map((r) => r.key)).size).toBe(3);
    expect(rows.every((r) => r.shortId === '0123456789ab')).toBe(true);
  });

  it('shows a dangling image as <none>:<none>', () => {
    const [row] = imageRows([image({ repoTags: ['<none>:<none>'], dangling: true })]);
    expect(row).toMatchObject({ repository: '<none>', tag: '<none>', dangling: true });
  });

  it('names an untagged image by its digest repository when it has one', () => {
    const [row] = imageRows([image({ repoDigests: ['busybox@sha256:abc'] })]);
    expect(row).toMatchObject({ repository: 'busybox', tag: '<none>' });
  });

  it('lists the newest image first', () => {
    const rows = imageRows([
      image({ id: 'sha256:old', repoTags: ['old:1'], created: 1 }),
      image({ id: 'sha256:new', repoTags: ['new:1'], created: 2 }),
    ]);
    expect(rows.map((r) => r.repository)).toEqual(['new', 'old']);
  });
});
