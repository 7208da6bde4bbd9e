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

export interface TourPlanStep {
  readonly step: TourStepId;
  readonly actions: readonly ActionText[];
}

/** What a step did, in lines the tour shows (layer lists, diffs, ids). */
export interface TourOutcome {
  readonly step: TourStepId;
  readonly lines: readonly string[];
}

/** The engine's answer to "did this step happen?". */
export interface TourCheck {
  readonly step: TourStepId;
  readonly passed: boolean;
  /** A plain sentence: what the engine reports, and what is missing when it did not pass. */
  readonly detail: string;
}

export interface TourCleanup {
  readonly containers: number;
  readonly images: number;
}
