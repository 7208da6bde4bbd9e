// The relationships answer against a real engine: after a tag moves to a newer image, the container made from
// the old one is still found under the name it was created with.
import { afterAll, expect, it } from 'vitest';
import { dockerFor } from '../../../scripts/test-engine.mjs';
import { staleContainers } from '../../../renderer/src/features/learn/explain-notes';
import { LearnService } from './learn.service';

const docker = dockerFor(process.env.TEST_DOCKER_HOST ?? '');
const repo = `berth-learn-${Date.now()}`;
const name = `${repo}-old`;

afterAll(async () => {
  await docker
    .getContainer(name)
    .remove({ force: true })
    .catch(() => undefined);
  for (const ref of [`${repo}:latest`])
    await docker
      .getImage(ref)
      .remove({ force: true })
      .catch(() => undefined);
});

it('finds the container still running the image a moved tag used to name', async () => {
  await docker.getImage('berth-fixture/busybox:1').tag({ repo, tag: 'latest' });
  const container = await docker.createContainer({ name, Image: repo, Cmd: ['true'], Labels: { 'berth.test': '1' } });
  // "Pull latest again": the tag now names a new image (a commit of the container, labelled for cleanup).
  const made = (await container.commit({ repo, tag: 'latest', changes: ['LABEL berth.test=1'] })) as { Id: string };
  const graph = await new LearnService({ docker: () => docker }).relationships();
  const node = graph.containers.find((c) => c.name === name);
  expect(node?.image).toBe(repo);
  expect(graph.images.find((i) => i.id === made.Id)?.layers.length).toBeGreaterThan(0);
  expect(staleContainers(graph)).toContainEqual({
    container: name,
    reference: `${repo}:latest`,
    runs: node?.imageId,
    nowNamed: made.Id,
  });
});
