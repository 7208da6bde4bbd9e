/** Actions on many list items at once: what one batch answers, item by item. */
import type { BerthError } from '../result';

/** The most items one batch request may name; a list selection larger than this is sent in several batches. */
export const BULK_MAX_ITEMS = 500;

/** One item's outcome: done, or failed with the reason in words. The others go on either way. */
export type BulkItemResult =
  | { readonly id: string; readonly name: string; readonly ok: true }
  | { readonly id: string; readonly name: string; readonly ok: false; readonly error: BerthError };

export interface BulkResult {
  readonly items: readonly BulkItemResult[];
  readonly done: number;
  readonly failed: number;
}

export const CONTAINER_BULK_ACTIONS = ['start', 'stop', 'restart', 'remove'] as const;
export type ContainerBulkAction = (typeof CONTAINER_BULK_ACTIONS)[number];

/** What removing one container destroys, for the one confirmation of a bulk remove. */
export interface ContainerLossPlan {
  readonly id: string;
  readonly name: string;
  readonly state: string;
  /** Paths changed in its writable layer; -1 when the engine could not say. */
  readonly changes: number;
  /** Anonymous volumes (lost with `-v`, else left dangling); named volumes always stay. */
  readonly anonymousVolumes: readonly string[];
  readonly namedVolumes: readonly string[];
}
