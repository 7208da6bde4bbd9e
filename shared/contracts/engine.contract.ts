import { z } from 'zod';
import type { EngineEvent, EngineStatus } from '../dto/engine';
import { answers, request, stream } from './define';

export const engineRequests = {
  'engine:status': request(z.undefined(), answers<EngineStatus>()),
  'engine:retry': request(z.undefined(), answers<EngineStatus>()),
};

export const engineStreams = {
  'engine:watch': stream(z.undefined(), answers<EngineStatus>()),
  'engine:events': stream(z.undefined(), answers<EngineEvent>()),
};
