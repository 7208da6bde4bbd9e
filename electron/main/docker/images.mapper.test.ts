import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { countContainersByImage, toImageSummary } from './images.mapper';

// As Docker 20.10 answers GET /images/json.
const tagged = {
  Containers: -1,
  Created: 1736935200,
  Id: 'sha256:b7748bbba00e6d7cbeab1fb1aa77c8b1ab9691478f8ffa613f7ca1d6962d5c9c',
  Labels: null,
  ParentId: 'sha256:1111111111111111111111111111111111111111111111111111111111111111',
  RepoDigests: ['busybox@sha256:2222222222222222222222222222222222222222222222222222222222222222'],
  RepoTags: ['fx:1', 'fx:latest'],
  SharedSize: -1,
  Size: 1982256,
  VirtualSize: 1982256,
} as unknown as Dockerode.ImageInfo;

const dangling = {
  ...tagged,
  Id: 'sha256:3333333333333333333333333333333333333333333333333333333333333333',
  RepoTags: ['<none>:<none>'],
  RepoDigests: ['<none>@<none>'],
} as unknown as Dockerode.ImageInfo;

describe('toImageSummary', () => {
  it('maps a tagged image, counting containers from the given map', () => {
    expect(toImageSummary(tagged, new Map([[tagged.Id, 2]]))).toEqual({
      id: tagged.Id,
      repoTags: ['fx:1', 'fx:latest'],
      repoDigests: ['busybox@sha256:2222222222222222222222222222222222222222222222222222222222222222'],
      created: 1736935200000,
      size: 1982256,
      containers: 2,
      dangling: false,
    });
  });

  it("calls an image with only '<none>:<none>' dangling and drops the placeholders", () => {
    const s = toImageSummary(dangling, new Map());
    expect([s.dangling, s.repoTags, s.repoDigests, s.containers]).toEqual([true, [], [], 0]);
  });

  it('calls an image without RepoTags dangling (Podman, newer Docker)', () => {
    expect(toImageSummary({ ...tagged, RepoTags: undefined }).dangling).toBe(true);
  });

  it("keeps the engine's own count when it gave one, and -1 when nobody counted", () => {
    expect(toImageSummary({ ...tagged, Containers: 3 }, new Map([[tagged.Id, 9]])).containers).toBe(3);
    expect(toImageSummary(tagged).containers).toBe(-1);
  });
});

describe('countContainersByImage', () => {
  it('counts containers per image id', () => {
    const counts = countContainersByImage([{ ImageID: 'a' }, { ImageID: 'b' }, { ImageID: 'a' }]);
    expect([...counts]).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
  });
});
