import { z } from 'zod';
import type { EngineChoice, EngineEvent, EngineStatus, EngineUseAnswer } from '../dto/engine';
import { answers, request, stream } from './define';
import { engineEndpointSchema, engineTlsSchema } from './settings.contract';

/** A listed engine (by id) or a new address; a token confirms a question main asked about exactly that choice. */
export const engineUseSchema = z
  .strictObject({
    id: z.string().min(1).max(1100).optional(),
    address: engineEndpointSchema.optional(),
    /** With a tcp:// address: the TLS files to reach it with (checked against the path guard in the backend). */
    tls: engineTlsSchema.optional(),
    token: z.string().min(1).max(100).optional(),
  })
  .refine((v) => (v.id === undefined) !== (v.address === undefined), {
    message: 'Choose one engine: a listed one (id) or an address.',
  })
  .refine((v) => v.tls === undefined || (v.address ?? '').trim().startsWith('tcp://'), {
    message: 'TLS certificates go with a tcp:// address, like tcp://build-host:2376.',
  });

export const engineRequests = {
  'engine:status': request(z.undefined(), answers<EngineStatus>()),
  'engine:retry': request(z.undefined(), answers<EngineStatus>()),
  'engine:choices': request(z.undefined(), answers<readonly EngineChoice[]>()),
  'engine:use': request(engineUseSchema, answers<EngineUseAnswer>()),
};

export const engineStreams = {
  'engine:watch': stream(z.undefined(), answers<EngineStatus>()),
  'engine:events': stream(z.undefined(), answers<EngineEvent>()),
};
