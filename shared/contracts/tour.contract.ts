import { z } from 'zod';
import { TOUR_STEPS, type TourCheck, type TourCleanup, type TourOutcome, type TourPlanStep } from '../dto/tour';
import { answers, request } from './define';

const step = z.strictObject({ step: z.enum(TOUR_STEPS) });

export const tourRequests = {
  'tour:plan': request(z.undefined(), answers<readonly TourPlanStep[]>()),
  'tour:run': request(step, answers<TourOutcome>()),
  'tour:check': request(step, answers<TourCheck>()),
  'tour:cleanup': request(z.undefined(), answers<TourCleanup>()),
};

export const tourStreams = {};
