import { describe, expect, it } from 'vitest';
import type { ImageDetail } from '../../../../shared/dto/images';
import type { Relationships } from '../../../../shared/dto/learn';
import type { ContainerSummary, ImageSummary } from '../../../../shared/dto/lists';
import {
  containerNotes,
  containersListNotes,
  imageDetailNotes,
  imagesListNotes,
  sharedLayers,
  staleContainers,
} from './explain-notes';

const step = (size: number) => ({ size }) as ImageDetail['steps'][number];
const detail = (over: Partial<ImageDetail>): ImageDetail =>
  ({
    id: 'sha256:abcdef0123456789',
    repoTags: ['demo:1.0'],
    repoDigests: [],
    layers: [],
    steps: [],
    containers: [],
    ...over,
  }) as ImageDetail;
const container = (over: Partial<ContainerSummary>): ContainerSummary => ({
  id: 'c1',
  name: 'web',
  image: 'demo:1.0',
  imageId: 'sha256:1',
  command: '',
  state: 'running',
  status: '',
  startedAt: null,
  finishedAt: null,
  exitCode: null,
  health: null,
  created: 0,
  ports: [],
  labels: {},
  ...over,
});

describe('explain notes', () => {
  it('counts layers, the steps that added files and the containers made from an image', () => {
    const notes = imageDetailNotes(
      detail({
        layers: ['l1', 'l2', 'l3', 'l4', 'l5', 'l6', 'l7'],
        steps: [step(10), step(0), step(5), step(0), step(7), step(0)],
        containers: [{ id: 'a' }, { id: 'b' }] as unknown as ImageDetail['containers'],
        repoTags: ['demo:1.0', 'demo:latest'],
      }),
    );
    expect(notes[0]).toBe(
      'demo:1.0 has 7 layers; 3 of its 6 build steps added files, the others only changed settings.',
    );
    expect(notes[1]).toMatch(/^2 containers were made from it/);
    expect(notes).toContain(
      "'latest' is just a tag name: Docker uses it when you give no tag. It does not mean demo:1.0 is the newest version.",
    );
    expect(notes.some((n) => n.startsWith('2 tags point at this same image'))).toBe(true);
    expect(notes.at(-1)).toMatch(/no digest yet/);
  });

  it('names an untagged image by its short id and says why it has no name', () => {
    const notes = imageDetailNotes(detail({ repoTags: [], repoDigests: ['demo@sha256:ff'] }));
    expect(notes[0]).toMatch(/^abcdef012345 has 0 layers/);
    expect(notes).toContain(
      'This image has no tag: nothing names it any more, usually because a newer build or pull took its name.',
    );
    expect(notes.at(-1)).toMatch(/always means exactly this image/);
  });

  it('explains lists: shared sizes, dangling images, running versus stopped', () => {
    const images = [
      { dangling: true, repoTags: [] },
      { dangling: false, repoTags: ['a:latest'] },
    ] as unknown as ImageSummary[];
    const notes = imagesListNotes(images);
    expect(notes[0]).toMatch(/^You have 2 images\. Images share layers/);
    expect(notes[1]).toMatch(/^1 image has no name \(dangling\)/);
    expect(notes[2]).toMatch(/'latest' is just a tag name/);
    expect(
      containersListNotes([container({}), container({ state: 'exited' }), container({ state: 'exited' })]),
    ).toEqual([
      'Running: 1 container, using memory and CPU. Not running: 2, using only disk for their writable layers.',
    ]);
  });

  it('explains a container’s state and its port mappings', () => {
    const notes = containerNotes(
      container({ state: 'exited', ports: [{ privatePort: 80, publicPort: 8080, type: 'tcp' }] }),
    );
    expect(notes[0]).toMatch(/^web is exited: its main process has ended\. Its writable layer is kept/);
    expect(notes[2]).toBe('Port mapping: 8080 on your machine goes to 80 inside.');
  });

  it('finds containers still on the old image after the tag moved, and shared layers', () => {
    const graph: Relationships = {
      images: [
        { id: 'new', repoTags: ['app:latest'], repoDigests: [], layers: ['base', 'n1'], created: 2 },
        { id: 'old', repoTags: [], repoDigests: [], layers: ['base', 'o1'], created: 1 },
      ],
      containers: [
        { id: '1', name: 'still-old', image: 'app', imageId: 'old', state: 'running' },
        { id: '2', name: 'fresh', image: 'app:latest', imageId: 'new', state: 'running' },
        { id: '3', name: 'by-id', image: 'sha256:old', imageId: 'old', state: 'exited' },
      ],
    };
    expect(staleContainers(graph)).toEqual([
      { container: 'still-old', reference: 'app:latest', runs: 'old', nowNamed: 'new' },
    ]);
    expect(sharedLayers(graph)).toEqual([{ layer: 'base', images: ['app:latest', 'old'] }]);
  });
});
