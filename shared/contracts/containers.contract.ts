import { z } from 'zod';
import type { ContainerSummary } from '../dto/lists';
import { answers, request } from './define';

export const containersRequests = {
  'containers:list': request(
    z.strictObject({ all: z.boolean().optional() }).optional(),
    answers<readonly ContainerSummary[]>(),
  ),
};

export const containersStreams = {};
