import { z } from 'zod';
import type { ImageSummary } from '../dto/lists';
import { answers, request } from './define';

export const imagesRequests = {
  'images:list': request(z.undefined(), answers<readonly ImageSummary[]>()),
};

export const imagesStreams = {};
