import { describe, expect, it } from 'vitest';
import type { ContainerSummary, ImageSummary } from '../../../../shared/dto/lists';
import { imageLoss } from './image-loss';
import { imageRows } from './image-rows';

const image = (id: string, repoTags: string[], containers = 0): ImageSummary => ({
  id,
  repoTags,
  repoDigests: [],
  created: 1,
  size: 1_240_000,
  containers,
  dangling: repoTags.length === 0,
});
const ctr = (name: string, imageId: string, state: 'running' | 'exited'): ContainerSummary =>
  ({ id: name, name, imageId, state }) as unknown as ContainerSummary;

const app = image('sha256:aaaaaaaaaaaa1111', ['app:1', 'app:latest']);
const used = image('sha256:bbbbbbbbbbbb2222', ['used:1'], 1);
const images = [app, used];
const rowsOf = (...refs: string[]) => imageRows(images).filter((r) => refs.includes(`${r.repository}:${r.tag}`));

describe('imageLoss', () => {
  it('a name of an image with other names is only untagged', () => {
    const [line] = imageLoss(rowsOf('app:1'), images, [], false);
    expect(line?.name).toBe('app:1');
    expect(line?.loss).toBe('the name only; the image stays as app:latest');
    expect(line?.refused).toBeUndefined();
  });

  it('all its names chosen: the image and its size go with the last one', () => {
    const lines = imageLoss(rowsOf('app:1', 'app:latest'), images, [], false);
    expect(lines.map((l) => l.loss)).toEqual([
      'the name (the image goes with its last chosen name)',
      'the name, and image aaaaaaaaaaaa (1.24 MB) with the layers no other image shares',
    ]);
    expect(lines.every((l) => l.refused === undefined)).toBe(true);
  });

  it('an image a container was made from is refused without force, naming the container', () => {
    const [line] = imageLoss(rowsOf('used:1'), images, [ctr('web', used.id, 'exited')], false);
    expect(line?.refused).toBe('container web (exited) was made from it; remove it first, or force.');
  });

  it('with force: a stopped user keeps the layers; a running one keeps the image, only the name goes', () => {
    const [stopped] = imageLoss(rowsOf('used:1'), images, [ctr('web', used.id, 'exited')], true);
    expect(stopped?.refused).toBeUndefined();
    expect(stopped?.loss).toMatch(/image bbbbbbbbbbbb .*container web \(exited\) keeps its layers/);
    const [running] = imageLoss(rowsOf('used:1'), images, [ctr('web', used.id, 'running')], true);
    expect(running?.loss).toBe('the name only: container web (running) still uses the image');
  });
});
