import { z } from 'zod';
import {
  DATA_TOUR_STEPS,
  TOUR_IDS,
  TOUR_STEPS,
  type TourCheck,
  type TourCleanup,
  type TourOutcome,
  type TourPlanStep,
} from '../dto/tour';
import { answers, request } from './define';

/** A step of the first tour (no tour, or tour "images") or of the data tour; a step from the other tour is refused. */
const step = z.union([
  z.strictObject({ tour: z.literal('images').optional(), step: z.enum(TOUR_STEPS) }),
  z.strictObject({ tour: z.literal('data'), step: z.enum(DATA_TOUR_STEPS) }),
]);
const which = z.strictObject({ tour: z.enum(TOUR_IDS) }).optional();

export const tourRequests = {
  'tour:plan': request(which, answers<readonly TourPlanStep[]>()),
  'tour:run': request(step, answers<TourOutcome>()),
  'tour:check': request(step, answers<TourCheck>()),
  'tour:cleanup': request(z.undefined(), answers<TourCleanup>()),
};

export const tourStreams = {};
