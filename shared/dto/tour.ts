/** The guided tour's steps, in order. Each one is an action on the engine and a check that asks whether it happened. */
import type { ActionText } from '../cli/command';
export const TOUR_STEPS = [
  'build',
  'layers',
  'run',
  'change',
  'diff',
  'commit',
  'compare',
  'remove',
  'cleanup',
] as const;
export type TourStepId = (typeof TOUR_STEPS)[number];

/**
 * The second tour, "Where data lives and how containers talk": a file lost with its container, the same file kept
 * in a named volume, a look inside that volume, two containers talking by name on a network, a published port.
 */
export const DATA_TOUR_STEPS = ['lose', 'keep', 'look', 'network', 'publish', 'cleanup'] as const;
export type DataTourStepId = (typeof DATA_TOUR_STEPS)[number];

/** The tours, by id: `images` is the first one (images, layers, the container lifecycle). */
export const TOUR_IDS = ['images', 'data'] as const;
export type TourId = (typeof TOUR_IDS)[number];
export type AnyTourStepId = TourStepId | DataTourStepId;

/** Which step of which tour a request is about; a request without a tour is about the first one. */
export type TourStepRef =
  { readonly tour?: 'images'; readonly step: TourStepId } | { readonly tour: 'data'; readonly step: DataTourStepId };

export const tourStepsOf = (tour: TourId): readonly AnyTourStepId[] =>
  tour === 'images' ? TOUR_STEPS : DATA_TOUR_STEPS;

export interface TourPlanStep<S extends AnyTourStepId = AnyTourStepId> {
  readonly step: S;
  readonly actions: readonly ActionText[];
}

/** What a step did, in lines the tour shows (layer lists, diffs, ids). */
export interface TourOutcome {
  readonly step: AnyTourStepId;
  readonly lines: readonly string[];
  /** An address the user can open (the data tour's published port). */
  readonly link?: string;
}

/** The engine's answer to "did this step happen?". */
export interface TourCheck {
  readonly step: AnyTourStepId;
  readonly passed: boolean;
  /** A plain sentence: what the engine reports, and what is missing when it did not pass. */
  readonly detail: string;
}

export interface TourCleanup {
  readonly containers: number;
  readonly images: number;
  readonly volumes: number;
  readonly networks: number;
}
