import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { countContainersByImage, toImageSummary, toTransferEvent } from './images.mapper';

const counts = (all: [string, number][], running: [string, number][] = []) => ({
  all: new Map(all),
  running: new Map(running),
});

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
  it('maps a tagged image, counting containers from the given maps', () => {
    expect(toImageSummary(tagged, counts([[tagged.Id, 2]], [[tagged.Id, 1]]))).toEqual({
      id: tagged.Id,
      repoTags: ['fx:1', 'fx:latest'],
      repoDigests: ['busybox@sha256:2222222222222222222222222222222222222222222222222222222222222222'],
      created: 1736935200000,
      size: 1982256,
      containers: 2,
      containersRunning: 1,
      dangling: false,
    });
  });

  it("calls an image with only '<none>:<none>' dangling and drops the placeholders", () => {
    const s = toImageSummary(dangling, counts([]));
    expect([s.dangling, s.repoTags, s.repoDigests, s.containers]).toEqual([true, [], [], 0]);
  });

  it('calls an image without RepoTags dangling (Podman, newer Docker)', () => {
    expect(toImageSummary({ ...tagged, RepoTags: undefined }).dangling).toBe(true);
  });

  it("keeps the engine's own count when it gave one, and -1 when nobody counted", () => {
    expect(toImageSummary({ ...tagged, Containers: 3 }, counts([[tagged.Id, 9]])).containers).toBe(3);
    expect(toImageSummary(tagged).containers).toBe(-1);
  });
});

describe('countContainersByImage', () => {
  it('counts all and running containers per image id', () => {
    const c = countContainersByImage([
      { ImageID: 'a', State: 'running' },
      { ImageID: 'b', State: 'exited' },
      { ImageID: 'a', State: 'exited' },
    ]);
    expect([...c.all]).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect([...c.running]).toEqual([['a', 1]]);
  });
});

// As dockerd 20.10 streams POST /images/create and POST /images/{name}/push.
describe('toTransferEvent', () => {
  it('reads a layer line with bytes', () => {
    const line = {
      status: 'Downloading',
      progressDetail: { current: 524288, total: 1982256 },
      progress: '[=====>     ]',
      id: '77229bba8061',
    };
    expect(toTransferEvent(line)).toEqual({
      event: { kind: 'layer', id: '77229bba8061', status: 'Downloading', current: 524288, total: 1982256 },
    });
  });

  it('leaves out bytes the engine did not give', () => {
    expect(toTransferEvent({ status: 'Pull complete', progressDetail: {}, id: '77229bba8061' })).toEqual({
      event: { kind: 'layer', id: '77229bba8061', status: 'Pull complete' },
    });
  });

  it('prefixes whole-image messages with their tag, as the CLI prints them', () => {
    expect(toTransferEvent({ status: 'Pulling from fx', id: '1' })).toEqual({
      event: { kind: 'status', message: '1: Pulling from fx' },
    });
    expect(toTransferEvent({ status: 'Status: Downloaded newer image for 127.0.0.1:5000/fx:1' })).toEqual({
      event: { kind: 'status', message: 'Status: Downloaded newer image for 127.0.0.1:5000/fx:1' },
    });
  });

  it('reports an in-band error', () => {
    const line = { errorDetail: { message: 'manifest for x:9 not found' }, error: 'manifest for x:9 not found' };
    expect(toTransferEvent(line)).toEqual({ error: 'manifest for x:9 not found' });
  });
});
