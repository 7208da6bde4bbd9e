import { z } from 'zod';
import type { Relationships } from '../dto/learn';
import { answers, request } from './define';

export const learnRequests = {
  'learn:relationships': request(z.undefined(), answers<Relationships>()),
};

export const learnStreams = {};
