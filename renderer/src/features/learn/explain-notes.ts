/**
 * Explain mode's notes: plain sentences computed from the user's own data. Pure functions, so every sentence is
 * unit-tested; the <Explain> component only shows them.
 */
import type { ImageDetail } from '../../../../shared/dto/images';
import type { Relationships } from '../../../../shared/dto/learn';
import type { ContainerState, ContainerSummary, ImageSummary } from '../../../../shared/dto/lists';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

/** The name people know an image by: its first tag, else its short id. */
export const imageName = (image: { readonly id: string; readonly repoTags: readonly string[] }) =>
  image.repoTags[0] ?? short(image.id);

function tagNotes(image: {
  readonly id: string;
  readonly repoTags: readonly string[];
  readonly repoDigests: readonly string[];
}): string[] {
  const notes: string[] = [];
  const name = imageName(image);
  if (image.repoTags.some((tag) => tag.endsWith(':latest'))) {
    notes.push(
      `'latest' is just a tag name: Docker uses it when you give no tag. It does not mean ${name} is the newest version.`,
    );
  }
  if (image.repoTags.length > 1) {
    notes.push(
      `${plural(image.repoTags.length, 'tag')} point at this same image (${image.repoTags.join(', ')}); a tag is only a name.`,
    );
  }
  if (image.repoTags.length === 0) {
    notes.push(
      'This image has no tag: nothing names it any more, usually because a newer build or pull took its name.',
    );
  }
  if (image.repoDigests.length > 0) {
    notes.push('Its digest is a fingerprint of the content: unlike a tag, it always means exactly this image.');
  } else {
    notes.push('It has no digest yet: digests are given when an image is pushed to or pulled from a registry.');
  }
  return notes;
}

/** For an image's page: its layers, which steps added files, its tags and the containers made from it. */
export function imageDetailNotes(image: ImageDetail): readonly string[] {
  const name = imageName(image);
  const adding = image.steps.filter((step) => step.size > 0).length;
  const notes = [
    `${name} has ${plural(image.layers.length, 'layer')}; ${adding} of its ${plural(image.steps.length, 'build step')} added files, the others only changed settings.`,
  ];
  const made = image.containers.length;
  notes.push(
    made === 0
      ? 'No container was made from it yet. An image uses disk space only; a container also uses memory and CPU while it runs.'
      : `${plural(made, 'container was', 'containers were')} made from it; each has its own writable layer on top of these read-only ones.`,
  );
  return [...notes, ...tagNotes(image)];
}

/** For the images list: what the count and the sizes mean. */
export function imagesListNotes(images: readonly ImageSummary[]): readonly string[] {
  if (images.length === 0) return ['You have no images yet. An image is the template a container starts from.'];
  const dangling = images.filter((image) => image.dangling).length;
  const notes = [
    `You have ${plural(images.length, 'image')}. Images share layers, so their sizes overlap: the disk they use together is less than the sum.`,
  ];
  if (dangling > 0) {
    notes.push(
      `${plural(dangling, 'image has', 'images have')} no name (dangling): usually left over after a rebuild or a new pull took the name.`,
    );
  }
  if (images.some((image) => image.repoTags.some((tag) => tag.endsWith(':latest')))) {
    notes.push("'latest' is just a tag name, used when you give none; it does not mean newest.");
  }
  return notes;
}

const STATE_NOTES: Readonly<Record<ContainerState, string>> = {
  created: 'it was made but never started: no process runs, only its writable layer exists.',
  running: 'its main process runs now, using memory and CPU.',
  paused: 'its processes are frozen: they keep their memory but get no CPU until you unpause it.',
  restarting: 'Docker is starting it again, as its restart policy says.',
  removing: 'Docker is removing it and its writable layer.',
  exited: 'its main process has ended. Its writable layer is kept, with every file it changed, until you remove it.',
  dead: 'Docker could not stop or remove it cleanly; removing it again usually clears it.',
};

/** For a container's page or row: its state and how it relates to its image. */
export function containerNotes(container: ContainerSummary): readonly string[] {
  const notes = [`${container.name} is ${container.state}: ${STATE_NOTES[container.state]}`];
  notes.push(
    `It was made from ${container.image}; the image's layers are shared and read-only, and only this container's writable layer is its own.`,
  );
  if (container.ports.some((port) => port.publicPort !== undefined)) {
    const mapped = container.ports.filter((port) => port.publicPort !== undefined);
    notes.push(
      `Port mapping: ${mapped.map((p) => `${p.publicPort ?? ''} on your machine goes to ${p.privatePort} inside`).join('; ')}.`,
    );
  }
  return notes;
}

/** For the containers list: what is running and what is only kept. */
export function containersListNotes(containers: readonly ContainerSummary[]): readonly string[] {
  if (containers.length === 0) return ['No containers yet. A container is what you get when you run an image.'];
  const running = containers.filter((c) => c.state === 'running').length;
  const stopped = containers.length - running;
  return [
    `Running: ${plural(running, 'container')}, using memory and CPU. Not running: ${stopped}, using only disk for their writable layers.`,
  ];
}

/** Containers whose image reference now names a different image: "which still run the old image after a pull?" */
export function staleContainers(
  graph: Relationships,
): readonly { container: string; reference: string; runs: string; nowNamed: string }[] {
  const byTag = new Map<string, string>();
  for (const image of graph.images) for (const tag of image.repoTags) byTag.set(tag, image.id);
  const stale = [];
  for (const c of graph.containers) {
    const reference = c.image.includes(':') || c.image.includes('@') ? c.image : `${c.image}:latest`;
    const now = byTag.get(reference);
    // References by id or digest cannot move, and a removed name says nothing about newness.
    if (now !== undefined && now !== c.imageId)
      stale.push({ container: c.name, reference, runs: c.imageId, nowNamed: now });
  }
  return stale;
}

/** Layers that two or more images have in common, with the images that share each (bottom layers first). */
export function sharedLayers(graph: Relationships): readonly { layer: string; images: readonly string[] }[] {
  const users = new Map<string, string[]>();
  for (const image of graph.images) {
    for (const layer of new Set(image.layers)) users.set(layer, [...(users.get(layer) ?? []), imageName(image)]);
  }
  return [...users.entries()].filter(([, names]) => names.length > 1).map(([layer, images]) => ({ layer, images }));
}
