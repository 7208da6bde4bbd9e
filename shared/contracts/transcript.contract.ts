import { z } from 'zod';
import type { TranscriptEntry } from '../dto/transcript';
import { answers, request, stream } from './define';

export const transcriptRequests = {
  'transcript:list': request(z.undefined(), answers<readonly TranscriptEntry[]>()),
};

export const transcriptStreams = {
  'transcript:watch': stream(z.undefined(), answers<TranscriptEntry>()),
};
