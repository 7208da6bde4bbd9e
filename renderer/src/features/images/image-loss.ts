/**
 * What removing each selected image row (a tag, or an untagged image by id) takes away, and which the engine will
 * refuse, for the one confirmation of a bulk remove. Mirrors the engine's rules: a name of an image with other names
 * is only untagged; the last name (or the id) deletes the image, which containers made from it prevent unless forced,
 * and a running container's image is never deleted. Pure.
 */
import type { ContainerSummary, ImageSummary } from '../../../../shared/dto/lists';
import { listInWords } from '../../../../shared/words';
import type { LossLine } from '../../ui/BulkRemove';
import { formatBytes } from '../../ui/format-bytes';
import { rowReference } from './image-list';
import { NONE, type ImageRow } from './image-rows';

export function imageLoss(
  rows: readonly ImageRow[],
  images: readonly ImageSummary[],
  containers: readonly ContainerSummary[],
  force: boolean,
): LossLine[] {
  const chosen = new Set(rows.map(rowReference));
  const lastOfImage = new Map(rows.map((r) => [r.id, r.key]));
  return rows.map((row) => {
    const ref = rowReference(row);
    const tags = (images.find((i) => i.id === row.id)?.repoTags ?? []).filter((t) => t !== '<none>:<none>');
    const kept = tags.filter((t) => !chosen.has(t));
    if (row.tag !== NONE && kept.length > 0)
      return { key: row.key, name: ref, loss: `the name only; the image stays as ${listInWords(kept)}` };
    const byName = row.tag === NONE ? '' : 'the name, and ';
    const image = `${byName}image ${row.shortId} (${formatBytes(row.size)}) with the layers no other image shares`;
    // With several of its names chosen, the engine untags the first ones; only the last one deletes the image.
    if (lastOfImage.get(row.id) !== row.key)
      return { key: row.key, name: ref, loss: 'the name (the image goes with its last chosen name)' };
    const users = containers.filter((c) => c.imageId === row.id);
    const count = users.length > 0 ? users.length : Math.max(0, row.containers);
    if (count === 0) return { key: row.key, name: ref, loss: image };
    const who =
      users.length > 0
        ? `${users.length === 1 ? 'container' : 'containers'} ${listInWords(users.map((c) => `${c.name} (${c.state})`))}`
        : `${count} ${count === 1 ? 'container' : 'containers'}`;
    const running = users.some((c) => c.state === 'running');
    if (!force)
      return {
        key: row.key,
        name: ref,
        loss: image,
        refused: `${who} ${count === 1 ? 'was' : 'were'} made from it; remove ${count === 1 ? 'it' : 'them'} first, or force.`,
      };
    if (running && row.tag !== NONE)
      return { key: row.key, name: ref, loss: `the name only: ${who} still use${count === 1 ? 's' : ''} the image` };
    if (running)
      return {
        key: row.key,
        name: ref,
        loss: image,
        refused: `${who} use${count === 1 ? 's' : ''} it; a running container's image cannot be removed, not even with force.`,
      };
    return {
      key: row.key,
      name: ref,
      loss: `${image}; ${who} keep${count === 1 ? 's' : ''} its layers and can still start`,
    };
  });
}
