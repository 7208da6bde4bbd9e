import type { ImageSummary } from '../../../../shared/dto/lists';

/** One row of the images table: an image can carry several tags, and each tag is a row of its own. */
export interface ImageRow {
  /** Unique across rows: the image id plus the tag. */
  readonly key: string;
  readonly repository: string;
  readonly tag: string;
  /** The first 12 hex digits, as `docker images` prints them. */
  readonly shortId: string;
  readonly id: string;
  readonly size: number;
  readonly created: number;
  readonly containers: number;
  readonly dangling: boolean;
}

export const NONE = '<none>';

export function shortImageId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

/** Splits "registry:5000/name:tag" at the last colon that comes after the last slash. */
export function splitRepoTag(repoTag: string): { repository: string; tag: string } {
  const slash = repoTag.lastIndexOf('/');
  const colon = repoTag.lastIndexOf(':');
  if (colon <= slash) return { repository: repoTag, tag: NONE };
  return { repository: repoTag.slice(0, colon), tag: repoTag.slice(colon + 1) };
}

export function imageRows(images: readonly ImageSummary[]): ImageRow[] {
  const rows: ImageRow[] = [];
  const byNewest = [...images].sort((a, b) => b.created - a.created);
  for (const image of byNewest) {
    const base = {
      shortId: shortImageId(image.id),
      id: image.id,
      size: image.size,
      created: image.created,
      containers: image.containers,
      dangling: image.dangling,
    };
    const tags = image.repoTags.filter((t) => t !== '<none>:<none>');
    if (tags.length === 0) {
      // An untagged image may still be known by digest ("name@sha256:…"): show that name rather than nothing.
      const digest = image.repoDigests[0];
      const repository = digest === undefined ? NONE : digest.slice(0, digest.indexOf('@'));
      rows.push({ key: image.id, repository: repository || NONE, tag: NONE, ...base });
      continue;
    }
    for (const repoTag of [...tags].sort())
      rows.push({ key: `${image.id} ${repoTag}`, ...splitRepoTag(repoTag), ...base });
  }
  return rows;
}
