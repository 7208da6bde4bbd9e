/** "What is an image?" and "Why these layers?", written from the user's own images. Pure; `code` in backticks. */
import type { ImageDetail } from '../../../../shared/dto/images';
import type { LayerWaste } from '../../../../shared/dto/layers';
import type { ImageSummary } from '../../../../shared/dto/lists';
import { formatBytes } from '../../ui/format-bytes';

/** `COPY file:73e2b2d4…(64 hex) in /bin` → `COPY file:73e2b2d48642… in /bin`: the hash says nothing to a reader. */
export const shortenHashes = (text: string): string => text.replace(/\b([0-9a-f]{12})[0-9a-f]{52}\b/g, '$1…');

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function explainImages(images: readonly ImageSummary[]): string[] {
  const tagged = images.filter((i) => i.repoTags.length > 0);
  const example = tagged[0]?.repoTags[0];
  const multi = images.find((i) => i.repoTags.length > 1);
  const dangling = images.filter((i) => i.dangling).length;
  const used = images.filter((i) => i.containers > 0).length;
  const out = [
    `An image is a read-only template: a stack of file layers plus settings such as the command to run. ` +
      `A container is made from an image and adds one thin writable layer of its own on top; the image itself never changes.`,
    `This engine holds ${plural(images.length, 'image')}${images.length > 0 ? `, ${used} of them used by containers` : ''}.`,
  ];
  if (example) {
    out.push(
      `A tag such as \`${example}\` is a name that points at an image, \`repository:tag\`. ` +
        (multi
          ? `One image can carry several: ${multi.repoTags.map((t) => `\`${t}\``).join(' and ')} are the same image.`
          : 'One image can carry several names.'),
    );
  }
  out.push(
    '`latest` is only the tag Docker uses when you give none (`docker pull busybox` means `busybox:latest`). ' +
      'It is not checked to be the newest image.',
  );
  if (dangling > 0) {
    out.push(
      `${plural(dangling, 'image is', 'images are')} marked dangling: no name points at ${dangling === 1 ? 'it' : 'them'} any more, usually because a rebuild moved the tag to a new image.`,
    );
  }
  return out;
}

export function explainLayers(detail: ImageDetail, name: string): string[] {
  const steps = detail.steps.length;
  const layerSteps = detail.steps.filter((s) => s.layer !== null);
  const out: string[] = [];
  if (detail.aligned) {
    out.push(
      `\`${name}\` was made in ${plural(steps, 'step')}. ${plural(layerSteps.length, 'step')} changed files, and each became one read-only layer; ` +
        `the other ${steps - layerSteps.length} only set metadata (like ENV, CMD or LABEL), which lives in the image's configuration, not in a layer.`,
    );
  } else {
    out.push(
      `\`${name}\` has ${plural(detail.layers.length, 'layer')} and ${plural(steps, 'step')} in its history; the engine's record does not say for sure which step made which layer, so they are not matched here.`,
    );
  }
  const biggest = [...layerSteps].sort((a, b) => b.size - a.size)[0];
  if (biggest && biggest.size > 0) {
    out.push(
      `The biggest layer, ${formatBytes(biggest.size)}, comes from step ${biggest.index + 1}: \`${shortenHashes(biggest.instruction)}\`.`,
    );
  }
  const shared = layerSteps.filter((s) => s.sharedWith.length > 0);
  if (shared.length > 0) {
    const others = [...new Set(shared.flatMap((s) => s.sharedWith))];
    out.push(
      `${plural(shared.length, 'layer is', 'layers are')} shared with ${others.slice(0, 3).join(', ')}${others.length > 3 ? ` and ${others.length - 3} more` : ''}: ` +
        `shared layers are stored once. Of ${formatBytes(detail.size)}, only ${formatBytes(detail.uniqueSize)} belong to this image alone, which is what removing it would free.`,
    );
  } else {
    out.push(
      `No other local image shares these layers, so removing this image would free its whole ${formatBytes(detail.size)}.`,
    );
  }
  if (detail.steps.some((s) => s.id === null)) {
    out.push(
      'Steps marked `<missing>` were built somewhere else (typically the base image you pulled): their intermediate images are not stored here, only the layers they made.',
    );
  }
  return out;
}

/** dive's efficiency score as a percentage a reader can compare: 100 only when nothing at all is wasted. */
export function efficiencyText(efficiency: number): string {
  const percent = efficiency * 100;
  return percent >= 100 ? '100 %' : `${Math.min(99.9, Math.floor(percent * 10) / 10).toFixed(1)} %`;
}

/** Wasted space in words: the total, dive's score beside it, and the biggest pairs of steps to fix first. */
export function explainWaste(waste: LayerWaste, name: string): string[] {
  if (waste.wasted === 0)
    return [
      `No step of \`${name}\` overwrites or deletes a file an earlier step wrote, so nothing in its layers is wasted (efficiency ${efficiencyText(waste.efficiency)}, dive's score).`,
    ];
  const share = waste.total > 0 ? Math.round((waste.wasted / waste.total) * 100) : 0;
  return [
    `${formatBytes(waste.wasted)} of the ${formatBytes(waste.total)} in \`${name}\`'s layers (${share} %) are files a later step overwrote or deleted: containers never see them, but every pull and every disk still carries them (efficiency ${efficiencyText(waste.efficiency)}, dive's score).`,
    ...waste.advice.slice(0, 3),
    'A step cannot shrink the layers below it: deleting a file only adds a marker (a whiteout) that hides it.',
  ];
}
