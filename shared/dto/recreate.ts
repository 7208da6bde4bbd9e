/** Edit and recreate: a container's own settings as a run spec, what recreating it loses, and what it answers. */
import type { DiffEntry, RunSpec } from './containers';

/** At most this many writable-layer changes are listed before a recreate; the count is always exact. */
export const EDIT_PLAN_MAX_CHANGES = 200;

export interface EditPlan {
  readonly id: string;
  readonly name: string;
  /** The container's settings as the run form takes them; values of secret-looking variables are left out. */
  readonly spec: RunSpec;
  /** Keys of secret-looking environment variables: kept with their current values unless the user drops them. */
  readonly hiddenEnv: readonly string[];
  readonly running: boolean;
  /** Started with --rm: stopping it would remove it, so it cannot be kept aside while its successor is made. */
  readonly autoRemove: boolean;
  readonly changeCount: number;
  readonly changes: readonly DiffEntry[];
  /** Anonymous volumes: lost unless kept (re-attached to the new container by name). */
  readonly anonymousVolumes: readonly { readonly name: string; readonly target: string }[];
  /** Networks past the first one, which the run form cannot hold; the new container is connected to them too. */
  readonly extraNetworks: readonly string[];
}

export interface RecreateResult {
  readonly id: string;
  readonly name: string;
  readonly image: string;
  /** The image the writable layer was committed to, when the user asked for it. */
  readonly committed?: string;
}
