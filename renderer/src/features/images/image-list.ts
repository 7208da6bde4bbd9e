/** The images table's rows: one per tag, filtered by text and kind, sorted by a column. Pure. */
import type { ImageSummary } from '../../../../shared/dto/lists';
import { imageRows, type ImageRow } from './image-rows';

export type ImageSortKey = 'name' | 'size' | 'created' | 'containers';
export type ImageKindFilter = 'all' | 'used' | 'unused' | 'dangling';

export interface ImageListQuery {
  readonly text: string;
  readonly kind: ImageKindFilter;
  readonly sort: ImageSortKey;
  readonly descending: boolean;
}

export const DEFAULT_QUERY: ImageListQuery = { text: '', kind: 'all', sort: 'created', descending: true };

export interface ListedImage extends ImageRow {
  readonly running: number | undefined;
}

function matchesKind(row: ListedImage, kind: ImageKindFilter): boolean {
  switch (kind) {
    case 'all':
      return true;
    case 'used':
      return row.containers > 0;
    case 'unused':
      return row.containers === 0;
    case 'dangling':
      return row.dangling;
  }
}

const compare: Record<ImageSortKey, (a: ListedImage, b: ListedImage) => number> = {
  name: (a, b) => `${a.repository}:${a.tag}`.localeCompare(`${b.repository}:${b.tag}`),
  size: (a, b) => a.size - b.size,
  created: (a, b) => a.created - b.created,
  containers: (a, b) => a.containers - b.containers,
};

export function listImages(images: readonly ImageSummary[], query: ImageListQuery): ListedImage[] {
  const running = new Map(images.map((i) => [i.id, i.containersRunning]));
  const text = query.text.trim().toLowerCase();
  const rows = imageRows(images)
    .map((row): ListedImage => ({ ...row, running: running.get(row.id) }))
    .filter((row) => matchesKind(row, query.kind))
    .filter(
      (row) =>
        text === '' ||
        `${row.repository}:${row.tag}`.toLowerCase().includes(text) ||
        row.id.replace(/^sha256:/, '').startsWith(text.replace(/^sha256:/, '')),
    );
  const order = compare[query.sort];
  // Ties keep a stable, readable order: by name.
  rows.sort((a, b) => (query.descending ? order(b, a) : order(a, b)) || compare.name(a, b));
  return rows;
}

/** The reference to act on for a row: its tag, or the image id when it has none. */
export const rowReference = (row: Pick<ImageRow, 'repository' | 'tag' | 'id'>): string =>
  row.tag === '<none>' ? row.id : `${row.repository}:${row.tag}`;
